/**
 * Publishing to Mastodon (the in-repo fake speaking Mastodon's JSON): publish with the
 * Idempotency-Key, engagement refreshed on schedule, and an account whose token is revoked flagged
 * ahead of its scheduled posts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { startFakeMastodon, type FakeMastodon } from '../../test/fake-mastodon/index.js';
import { accountsRepo } from './accounts.repo.js';
import { checkAccountHealth } from './accounts.service.js';
import { refreshMetrics } from './metrics.service.js';

interface PostBody {
  id: string;
  status: string;
  targets: { id: string; status: string; url: string | null; metrics: { likes: number; reposts: number; replies: number } | null; warning: string | null }[];
}

describeEachDatabase('publishing to Mastodon', (use) => {
  let t: TestApp;
  let owner: Browser;
  let mastodon: FakeMastodon;
  let workspaceId = '';
  let accountId = '';
  const api = (path = ''): string => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    mastodon = await startFakeMastodon();
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    const connected = await owner.post(api('/accounts'), { network: 'mastodon', credentials: { instanceUrl: mastodon.url, accessToken: mastodon.tokenFor('brand') } });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    expect(connected.body).toMatchObject({ network: 'mastodon', health: 'ok' });
    accountId = (connected.body as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
    await mastodon.close();
  });

  it('publishes once with an Idempotency-Key, then refreshes its engagement', async () => {
    const post = (await owner.post(api('/posts'), { text: 'Our Lyon workshop opens its doors this Saturday.', accountIds: [accountId], language: 'en' })).body as PostBody;
    await owner.post(api(`/posts/${post.id}/schedule`), {});
    expect(await t.publishing.runDue()).toEqual(['published']);
    const statuses = mastodon.statuses();
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ text: expect.stringContaining('Lyon workshop') as unknown, idempotencyKey: post.targets[0]!.id });

    mastodon.engage(statuses[0]!.id, { favouritesCount: 7, reblogsCount: 2 });
    expect(await refreshMetrics(t.publishing.deps)).toBe(1);
    const refreshed = (await owner.get(api(`/posts/${post.id}`))).body as PostBody;
    expect(refreshed.targets[0]?.metrics).toMatchObject({ likes: 7, reposts: 2, replies: 0 });
  });

  it('flags an account whose token was revoked, on its scheduled posts, before they are due', async () => {
    const tomorrow = new Date(t.clock.now().getTime() + 20 * 3_600_000).toISOString();
    const post = (await owner.post(api('/posts'), { text: 'Tomorrow we announce the autumn collection.', accountIds: [accountId], publishAt: tomorrow, language: 'en' })).body as PostBody;
    await owner.post(api(`/posts/${post.id}/schedule`), {});
    mastodon.revokeTokens('brand');
    const account = await accountsRepo(use().kysely).findById(accountId);
    expect(await checkAccountHealth(t.publishing.deps, account!)).toBe('failing');
    const flagged = (await owner.get(api(`/posts/${post.id}`))).body as PostBody;
    expect(flagged.targets[0]?.warning).toMatch(/cannot publish/);
    expect((await owner.get(api(`/accounts/${accountId}`))).body).toMatchObject({ health: 'failing' });
  });
});
