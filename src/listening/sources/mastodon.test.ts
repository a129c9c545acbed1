/**
 * Medium tier: Mastodon sources polled against the in-repo fake Mastodon (Mastodon's documented JSON
 * on loopback), stored on SQLite and PostgreSQL: hashtag timelines paged with min_id from the
 * persisted cursor, the linked account's mention notifications with its token, and failures that set
 * the source failing without throwing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase, type TestDatabase } from '../../db/testing.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { startFakeMastodon, type FakeMastodon } from '../../../test/fake-mastodon/index.js';
import { listeningDeps, seedWorkspace, testClock, type TestClock } from '../../../test/listening-fixtures.js';
import { pollSource, type PollDeps } from '../poll.service.js';
import { sourcesRepo } from '../sources.repo.js';
import { addSource, listSources } from '../sources.service.js';
import { readMastodonCursor } from './source-settings.js';

describeEachDatabase('Mastodon listening source (fake Mastodon)', (use) => {
  let db: TestDatabase;
  let clock: TestClock;
  let access: WorkspaceAccess;
  let deps: PollDeps;
  let mastodon: FakeMastodon;
  let sourceId: string;
  const secrets = createSecretBox(randomBytes(32));

  const texts = async (): Promise<string[]> =>
    (
      await db.kysely
        .selectFrom('mentions')
        .select('text')
        .where('workspace_id', '=', access.workspaceId)
        .orderBy('text')
        .execute()
    ).map((r) => r.text);
  const source = async () => (await listSources(db.kysely, access)).find((s) => s.id === sourceId);
  /** Polls when the source is due next (its interval, or its backoff after failures). */
  const pollAgain = async () => {
    clock.set(
      new Date((await sourcesRepo(db.kysely).findLive(sourceId))?.next_poll_at ?? clock.now().toISOString()),
    );
    return pollSource(deps, sourceId);
  };

  beforeAll(async () => {
    db = use();
    clock = testClock();
    access = await seedWorkspace(db, clock);
    deps = { ...listeningDeps(db, clock), fetch: createSafeFetch({ allowPrivateNetworks: true }), secrets };
    mastodon = await startFakeMastodon();
    const token = mastodon.tokenFor('brand');
    const now = clock.now().toISOString();
    const accountId = `acct-${randomBytes(4).toString('hex')}`;
    await db.kysely
      .insertInto('connected_accounts')
      .values({
        id: accountId,
        workspace_id: access.workspaceId,
        network: 'mastodon',
        external_id: mastodon.accountId('brand') ?? '',
        handle: 'brand',
        display_name: null,
        url: null,
        followers: null,
        credentials: secrets.encrypt(JSON.stringify({ instanceUrl: mastodon.url, accessToken: token })),
        voice_override: null,
        health: 'ok',
        health_message: null,
        checked_at: null,
        created_by: access.userId,
        created_at: now,
        updated_at: now,
        removed_at: null,
      })
      .execute();
    mastodon.publish('alice', 'La lampe #Lumiere éclaire tout le salon');
    mastodon.publish('bob', 'Unrelated holiday pictures #beach');
    mastodon.publish('carol', 'Nouvelle collection #lumiere, <b>superbe</b> & douce');
    const added = await addSource({ db: db.kysely, clock, secrets }, access, {
      kind: 'mastodon',
      settings: { instanceUrl: mastodon.url, hashtags: ['#Lumiere'], accountId },
    });
    sourceId = added.source.id;
    expect(added.source).toMatchObject({
      kind: 'mastodon',
      status: 'pending',
      url: mastodon.url,
      settings: { hashtags: ['lumiere'] },
    });
  });

  afterAll(async () => {
    await mastodon?.close();
  });

  it('stores the hashtag timeline and the linked account’s mentions, as text, once', async () => {
    mastodon.publish('dave', '@brand where can I buy the desk lamp?');
    const report = await pollSource(deps, sourceId);
    expect(report).toMatchObject({ status: 'fetched', ingest: { stored: 3 } });
    expect(await texts()).toEqual([
      '@brand where can I buy the desk lamp?',
      'La lampe #Lumiere éclaire tout le salon',
      'Nouvelle collection #lumiere, <b>superbe</b> & douce',
    ]);
    const row = await db.kysely
      .selectFrom('mentions')
      .select(['network', 'external_id', 'author_handle', 'url'])
      .where('workspace_id', '=', access.workspaceId)
      .where('text', 'like', '@brand%')
      .executeTakeFirstOrThrow();
    const host = new URL(mastodon.url).host;
    expect(row).toMatchObject({ network: 'mastodon', author_handle: `dave@${host}` });
    expect(row.external_id).toMatch(new RegExp(`^${mastodon.url}/users/dave/statuses/\\d+$`));
    expect(await source()).toMatchObject({ status: 'ok', itemsStored: 3, errorCount: 0 });

    const requests = mastodon
      .requests()
      .filter((r) => r.url.startsWith('/api/v1/timelines') || r.url.startsWith('/api/v1/notifications'));
    const tagRequest = requests.find(
      (r) =>
        r.url.startsWith('/api/v1/timelines/tag/Lumiere') ||
        r.url.startsWith('/api/v1/timelines/tag/lumiere'),
    );
    expect(tagRequest?.headers.authorization).toBeUndefined();
    const notificationRequest = requests.find((r) => r.url.startsWith('/api/v1/notifications'));
    expect(notificationRequest?.url).toContain('types%5B%5D=mention');
    expect(notificationRequest?.headers.authorization).toMatch(/^Bearer /);
  });

  it('pages forward with min_id from the persisted cursor, and stores nothing twice', async () => {
    const cursor = readMastodonCursor((await sourcesRepo(db.kysely).findLive(sourceId))?.cursor ?? null);
    const lastSeen = cursor.tags.lumiere;
    expect(lastSeen).toBeDefined();
    for (let n = 0; n < 95; n++) {
      mastodon.publish(`fan${n % 9}`, `Avis n°${n} sur la lampe #lumiere`);
    }
    mastodon.publish('erin', 'Hello @brand, is the shop open on Sunday?');
    const seen = mastodon.requests().length;

    const report = await pollAgain();
    expect(report).toMatchObject({ status: 'fetched', ingest: { stored: 96, duplicates: 0 } });
    const tagPages = mastodon
      .requests()
      .slice(seen)
      .filter((r) => r.url.startsWith('/api/v1/timelines/tag/'));
    // 95 new statuses, 40 a page: three pages, each from the newest id of the one before.
    expect(tagPages).toHaveLength(3);
    expect(tagPages[0]?.url).toContain(`min_id=${lastSeen}`);
    const after = readMastodonCursor((await sourcesRepo(db.kysely).findLive(sourceId))?.cursor ?? null);
    expect(BigInt(after.tags.lumiere ?? '0')).toBeGreaterThan(BigInt(lastSeen ?? '0'));
    expect(after.notifications).not.toBe(cursor.notifications);

    const again = await pollAgain();
    expect(again).toMatchObject({ status: 'fetched', ingest: { received: 0, stored: 0 } });
    expect(await texts()).toHaveLength(99);
    expect((await source())?.itemsStored).toBe(99);
  });

  it('sets the source failing with a clear reason on a 500 or an answer that is not Mastodon’s JSON, keeps its cursor, and recovers', async () => {
    const cursorBefore = (await sourcesRepo(db.kysely).findLive(sourceId))?.cursor;
    const host = new URL(mastodon.url).host;

    mastodon.faults.inject(
      { kind: 'status', status: 500, body: { error: 'We are sorry, but something went wrong' } },
      { path: /^\/api\/v1\/timelines\/tag\// },
    );
    expect(await pollAgain()).toMatchObject({
      status: 'failed',
      error: `${host} answered 500 Internal Server Error`,
    });
    expect(await source()).toMatchObject({
      status: 'failing',
      errorCount: 1,
      lastError: `${host} answered 500 Internal Server Error`,
    });

    mastodon.faults.inject(
      {
        kind: 'status',
        status: 200,
        body: '<html>maintenance</html>',
        headers: { 'content-type': 'text/html' },
      },
      { path: /^\/api\/v1\/timelines\/tag\// },
    );
    expect(await pollAgain()).toMatchObject({
      status: 'failed',
      error: `${host} answered something that is not JSON: is it a Mastodon server?`,
    });

    mastodon.faults.inject(
      { kind: 'status', status: 200, body: { statuses: [] } },
      { path: '/api/v1/notifications' },
    );
    const wrong = await pollAgain();
    expect(wrong).toMatchObject({ status: 'failed' });
    expect(wrong.status === 'failed' ? wrong.error : '').toMatch(
      new RegExp(`^${host} \\(notifications\\) answered JSON that is not Mastodon's`),
    );
    expect(await source()).toMatchObject({ status: 'failing', errorCount: 3 });
    expect((await sourcesRepo(db.kysely).findLive(sourceId))?.cursor).toBe(cursorBefore);

    mastodon.publish('frank', 'Back online #lumiere');
    expect(await pollAgain()).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    expect(await source()).toMatchObject({ status: 'ok', errorCount: 0, lastError: null });
  });

  it('says so when the linked account’s token is refused', async () => {
    mastodon.revokeTokens('brand');
    const report = await pollAgain();
    expect(report).toMatchObject({ status: 'failed' });
    expect((await source())?.lastError).toMatch(
      /\(notifications\) refused the linked account's token \(401\): connect the account again$/,
    );
  });
});
