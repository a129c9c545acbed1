import { describe, expect, it } from 'vitest';
import { canSave, changedFields, draftBody, draftFromPost, emptyDraft } from './draft';
import type { Post, PostTarget } from './posts.api';

const target = (accountId: string, textOverride: string | null = null): PostTarget => ({
  id: `t-${accountId}`,
  accountId,
  network: 'bluesky',
  handle: `${accountId}.test`,
  textOverride,
  status: 'pending',
  publishAt: null,
  attempts: 0,
  nextAttemptAt: null,
  url: null,
  externalId: null,
  publishedAt: null,
  lastError: null,
  metrics: null,
  metricsAt: null,
  warning: null,
});

const buildPost = (overrides: Partial<Post> = {}): Post => ({
  id: 'p1',
  status: 'draft',
  text: 'Spring is here',
  language: 'en',
  partnership: false,
  publishAt: '2026-03-30T07:00:00.000Z',
  version: 3,
  authorId: 'u1',
  check: null,
  override: null,
  review: null,
  targets: [target('a'), target('b', 'Spring is here, Mastodon')],
  media: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...overrides,
});

describe('composer draft', () => {
  it('reads a post in the workspace zone, its variants per account', () => {
    expect(draftFromPost(buildPost(), 'Europe/Paris')).toEqual({
      text: 'Spring is here',
      accountIds: ['a', 'b'],
      variants: { b: 'Spring is here, Mastodon' },
      language: 'en',
      partnership: false,
      publishAt: '2026-03-30T09:00',
    });
  });

  it('sends a blank variant as the post’s text and leaves out unticked accounts’ variants', () => {
    const draft = {
      ...emptyDraft(),
      text: 'Hello',
      accountIds: ['a', 'b'],
      variants: { a: '  ', b: 'Salut', c: 'unused' },
    };
    expect(draftBody(draft, 'UTC')).toEqual({
      text: 'Hello',
      accountIds: ['a', 'b'],
      variants: { a: null, b: 'Salut' },
      language: null,
      partnership: false,
      publishAt: null,
    });
  });

  it('finds nothing to save in a post as loaded, whatever the order of its accounts', () => {
    const post = buildPost();
    const draft = draftFromPost(post, 'Europe/Paris');
    expect(changedFields({ ...draft, accountIds: ['b', 'a'] }, post, 'Europe/Paris')).toEqual({});
  });

  it('saves only what changed; accounts and variants go together', () => {
    const post = buildPost();
    const draft = draftFromPost(post, 'Europe/Paris');
    expect(changedFields({ ...draft, text: 'Spring is finally here' }, post, 'Europe/Paris')).toEqual({
      text: 'Spring is finally here',
    });
    expect(changedFields({ ...draft, publishAt: '2026-03-30T10:15' }, post, 'Europe/Paris')).toEqual({
      publishAt: '2026-03-30T08:15:00.000Z',
    });
    expect(changedFields({ ...draft, publishAt: '' }, post, 'Europe/Paris')).toEqual({ publishAt: null });
    expect(changedFields({ ...draft, accountIds: ['b'] }, post, 'Europe/Paris')).toEqual({
      accountIds: ['b'],
      variants: { b: 'Spring is here, Mastodon' },
    });
    expect(changedFields({ ...draft, variants: {} }, post, 'Europe/Paris')).toEqual({
      accountIds: ['a', 'b'],
      variants: { a: null, b: null },
    });
  });

  it('does not take spaces the server trims for a change (no endless autosave)', () => {
    const post = buildPost();
    const draft = draftFromPost(post, 'Europe/Paris');
    expect(changedFields({ ...draft, text: 'Spring is here \n' }, post, 'Europe/Paris')).toEqual({});
    expect(
      changedFields({ ...draft, variants: { b: ' Spring is here, Mastodon ' } }, post, 'Europe/Paris'),
    ).toEqual({});
  });

  it('waits for some text before saving', () => {
    expect(canSave(emptyDraft())).toBe(false);
    expect(canSave({ ...emptyDraft(), text: '  \n' })).toBe(false);
    expect(canSave({ ...emptyDraft(), text: 'Hi' })).toBe(true);
  });
});
