import { describe, expect, it } from 'vitest';
import { checkRequestFor } from './check-request';

const BASE = { workspaceId: 'w1', text: 'Sorry about that.', language: 'en', network: null } as const;

describe('checkRequestFor', () => {
  it('sends only the text, its language and the workspace for a plain draft', () => {
    expect(checkRequestFor({ ...BASE, replyTo: '  ', partnership: false })).toEqual({
      workspaceId: 'w1',
      text: 'Sorry about that.',
      language: 'en',
    });
  });

  it('sends the message answered, as typed, so the reply-tone rules run', () => {
    const complaint = 'My lamp broke after two days.\n';
    expect(checkRequestFor({ ...BASE, replyTo: complaint })).toMatchObject({ replyTo: complaint });
  });

  it('sends the network and a partnership when chosen', () => {
    expect(checkRequestFor({ ...BASE, network: 'x', partnership: true })).toMatchObject({
      network: 'x',
      partnership: true,
    });
  });

  it('sends the account, the images and the publish time of a post when it has them', () => {
    expect(checkRequestFor({ ...BASE, accountId: 'a1', images: [], publishAt: null })).toEqual({
      workspaceId: 'w1',
      text: 'Sorry about that.',
      language: 'en',
      accountId: 'a1',
    });
    expect(
      checkRequestFor({ ...BASE, images: [{ altText: 'A lamp' }], publishAt: '2026-03-30T07:00:00.000Z' }),
    ).toMatchObject({ images: [{ altText: 'A lamp' }], publishAt: '2026-03-30T07:00:00.000Z' });
  });
});
