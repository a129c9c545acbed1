/**
 * Medium tier: Bluesky sources against a REAL local network (PLC + PDS from @atproto/dev-env, its
 * event stream read with @atproto/sync's Firehose), on SQLite and PostgreSQL. Posts are written
 * with the network's own client; what is stored is read back from the database, polled with a deadline.
 */
import { randomBytes } from 'node:crypto';
import { RichText } from '@atproto/api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase, type TestDatabase } from '../../db/testing.js';
import { createJobQueue } from '../../jobs/create-queue.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import {
  startBlueskyNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../../../test/bluesky-network.js';
import { listeningDeps, seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { dueSources } from '../poll.service.js';
import { saveQuery } from '../queries.service.js';
import { readBlueskyCursor } from '../sources/source-settings.js';
import { sourcesRepo } from '../sources.repo.js';
import { addSource, listSources } from '../sources.service.js';
import { streamBlueskySource, type StreamReport } from './bluesky-stream.service.js';
import { createListeningStreams } from './streams.tasks.js';

let net: BlueskyTestNetwork;

beforeAll(async () => {
  net = await startBlueskyNetwork();
}, 60_000);

afterAll(async () => {
  await net?.close();
});

async function post(
  account: TestAccount,
  text: string,
  reply?: { uri: string; cid: string },
): Promise<{ uri: string; cid: string }> {
  const rich = new RichText({ text });
  await rich.detectFacets(account.agent);
  return account.agent.post({
    text: rich.text,
    ...(rich.facets ? { facets: rich.facets } : {}),
    ...(reply ? { reply: { root: reply, parent: reply } } : {}),
    createdAt: new Date().toISOString(),
  });
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachDatabase('Bluesky listening source (local network)', (use) => {
  let db: TestDatabase;
  let access: WorkspaceAccess;
  let deps: ReturnType<typeof listeningDeps> & { fetch: typeof fetch };
  let brand: TestAccount;
  let fan: TestAccount;
  let sourceId: string;
  const keyword = `lumi${randomBytes(3).toString('hex')}`;
  const competitor = `zorv${randomBytes(3).toString('hex')}`;

  const storedTexts = async (): Promise<string[]> =>
    (
      await db.kysely
        .selectFrom('mentions')
        .select('text')
        .where('workspace_id', '=', access.workspaceId)
        .execute()
    ).map((r) => r.text);

  const startWindow = (windowMs = 60_000): { stop(): void; report: Promise<StreamReport> } => {
    const controller = new AbortController();
    return {
      stop: () => controller.abort(),
      report: streamBlueskySource(deps, sourceId, {
        windowMs,
        claimSeconds: 120,
        flushMs: 100,
        signal: controller.signal,
      }),
    };
  };

  beforeAll(async () => {
    db = use();
    const clock = testClock();
    access = await seedWorkspace(db, clock);
    deps = {
      ...listeningDeps(db, clock),
      clock: systemClock,
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
    };
    [brand, fan] = await Promise.all([net.createAccount(), net.createAccount()]);
    const secrets = createSecretBox(randomBytes(32));
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('connected_accounts')
      .values({
        id: `acct-${randomBytes(4).toString('hex')}`,
        workspace_id: access.workspaceId,
        network: 'bluesky',
        external_id: brand.did,
        handle: brand.handle,
        display_name: null,
        url: null,
        followers: null,
        credentials: secrets.encrypt('{}'),
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
    await saveQuery(db.kysely, clock, access, { name: 'Competitor', query: competitor, tag: 'competitor' });
    const added = await addSource({ db: db.kysely, clock, secrets }, access, {
      kind: 'bluesky',
      settings: { service: net.service, plcUrl: net.plcUrl, keywords: [keyword] },
      // From the network's first event: nothing this block posts can slip in before the stream opens.
      startCursor: 0,
    });
    sourceId = added.source.id;
    expect(added.source).toMatchObject({ kind: 'bluesky', status: 'pending', url: net.service });
    // Streamed, never polled: the feeds' minute scan leaves it alone.
    expect(await dueSources(deps)).not.toContain(sourceId);
  }, 60_000);

  it('stores, within seconds, posts with a tracked keyword or a saved query, mentions and replies of the connected account, and nothing else', async () => {
    const window = startWindow();
    const written = Date.now();
    await post(fan, `Just tried the new ${keyword} lamp, lovely warm light`);
    const delayMs =
      (await waitFor('the keyword post', storedTexts, (texts) => texts.some((t) => t.includes(keyword)))) &&
      Date.now() - written;
    const brandPost = await post(brand, 'Our spring collection is out today');
    await post(fan, `@${brand.handle} do you ship to Belgium?`);
    await post(fan, 'Lovely, congratulations on the launch', brandPost);
    await post(fan, `Has anyone compared it with ${competitor}?`);
    await post(fan, 'Nothing to see here, just a sunny afternoon');
    const texts = await waitFor('every kept post', storedTexts, (t) => t.length >= 4);
    window.stop();
    const report = await window.report;

    expect(report).toMatchObject({ status: 'streamed', stored: 4, error: null });
    expect(texts).toHaveLength(4);
    expect(texts.join('\n')).toContain('do you ship to Belgium');
    expect(texts.join('\n')).toContain('congratulations on the launch');
    expect(texts.join('\n')).toContain(competitor);
    expect(texts.join('\n')).not.toContain('sunny afternoon');
    // The brand's own post mentions nobody and matches nothing: not a mention.
    expect(texts.join('\n')).not.toContain('spring collection');
    console.info(`[bluesky stream] post → stored: ${delayMs} ms`);
    expect(delayMs).toBeLessThan(5_000);

    const stored = await db.kysely
      .selectFrom('mentions')
      .select(['network', 'external_id', 'url', 'author_handle', 'source_id'])
      .where('workspace_id', '=', access.workspaceId)
      .execute();
    for (const row of stored) {
      expect(row).toMatchObject({ network: 'bluesky', author_handle: fan.handle, source_id: sourceId });
      expect(row.external_id).toMatch(new RegExp(`^at://${fan.did}/app.bsky.feed.post/`));
      expect(row.url).toMatch(
        new RegExp(`^https://bsky.app/profile/${fan.handle.replace(/\./g, '\\.')}/post/`),
      );
    }
    const source = (await listSources(db.kysely, access)).find((s) => s.id === sourceId);
    expect(source).toMatchObject({ status: 'ok', itemsStored: 4, lastError: null, errorCount: 0 });
    expect(
      readBlueskyCursor((await sourcesRepo(db.kysely).findLive(sourceId))?.cursor ?? null).seq,
    ).toBeGreaterThan(0);
  }, 60_000);

  it('loses and duplicates nothing when stopped in the middle of ingestion and started again from the persisted cursor', async () => {
    const before = (await storedTexts()).length;
    const first = startWindow();
    const writes: Promise<unknown>[] = [];
    for (let n = 0; n < 12; n++) {
      writes.push(post(fan, `${keyword} restart test ${n}`));
    }
    // Stop as soon as part of them is stored: the rest is in flight, on the wire or not yet written.
    await waitFor('the first stored posts', storedTexts, (t) => t.length > before);
    first.stop();
    const firstReport = await first.report;
    await Promise.all(writes);
    for (let n = 12; n < 18; n++) {
      await post(fan, `${keyword} restart test ${n}`);
    }
    const cursorAfterStop = readBlueskyCursor(
      (await sourcesRepo(db.kysely).findLive(sourceId))?.cursor ?? null,
    ).seq;
    expect(cursorAfterStop).not.toBeNull();

    const second = startWindow();
    const texts = await waitFor(
      'all 18 posts',
      storedTexts,
      (t) => t.filter((x) => x.includes('restart test')).length >= 18,
    );
    second.stop();
    const secondReport = await second.report;

    const restart = texts.filter((t) => t.includes('restart test'));
    expect(new Set(restart).size).toBe(18);
    expect(restart).toHaveLength(18);
    expect(firstReport.status).toBe('streamed');
    expect(secondReport.status).toBe('streamed');
    if (firstReport.status === 'streamed' && secondReport.status === 'streamed') {
      expect(firstReport.stored).toBeLessThan(18);
      expect(firstReport.stored + secondReport.stored).toBe(18);
    }
    const source = await sourcesRepo(db.kysely).findLive(sourceId);
    expect(source?.items_stored).toBe(before + 18);
  }, 60_000);

  it('lets one consumer at a time read a source', async () => {
    const first = startWindow();
    await waitFor(
      'the first window’s claim',
      async () => (await sourcesRepo(db.kysely).findLive(sourceId))?.next_poll_at ?? '',
      (claim) => Date.parse(claim) > Date.now(),
    );
    const second = await streamBlueskySource(deps, sourceId, { windowMs: 1_000, claimSeconds: 120 });
    expect(second).toEqual({ status: 'skipped' });
    first.stop();
    expect(await first.report).toMatchObject({ status: 'streamed' });
  }, 30_000);

  it('runs on the job queue: two workers scan at once, a queued window stores the post', async () => {
    const bossSchema = `${db.postgresSchema ?? 'x'}_boss`;
    const queues: JobQueue[] = [];
    const groups = [0, 1].map(() => {
      const queue = createJobQueue(db, { logger: deps.logger, pollIntervalMs: 50, bossSchema });
      const group = createListeningStreams(deps, queue);
      queue.register(...group.tasks);
      queues.push(queue);
      return group;
    });
    try {
      await Promise.all(queues.map((queue) => queue.start({ concurrency: 2 })));
      const scan = groups[0]?.tasks.find((task) => task.name === 'listening.stream-sources');
      expect(scan).toBeDefined();
      // What the 10-second cron does, from both workers at once.
      await Promise.all(queues.map((queue) => queue.enqueue(scan!, {})));
      const text = `${keyword} through the queue ${randomBytes(2).toString('hex')}`;
      await post(fan, text);
      await waitFor(
        'the post stored by a queued window',
        storedTexts,
        (texts) => texts.includes(text),
        30_000,
      );
      const running = await db.kysely
        .selectFrom('listening_sources')
        .select(['next_poll_at'])
        .where('id', '=', sourceId)
        .executeTakeFirstOrThrow();
      // Claimed by the window that stored it (next_poll_at is the claim, ahead of now).
      expect(Date.parse(running.next_poll_at ?? '')).toBeGreaterThan(Date.now());
    } finally {
      // The windows end when their jobs are aborted by the stop; the cursor stays where it was stored.
      await Promise.all(queues.map((queue) => queue.stop({ timeoutMs: 200 })));
      if (db.dialect === 'postgres') {
        await sql`drop schema if exists ${sql.id(bossSchema)} cascade`.execute(db.kysely);
      }
    }
    expect(await storedTexts()).toHaveLength(new Set(await storedTexts()).size);
  }, 60_000);

  describe('failures', () => {
    it('records an unreachable relay on the source without throwing, and backs off', async () => {
      const clock = testClock();
      const added = await addSource(
        { db: db.kysely, clock, secrets: createSecretBox(randomBytes(32)) },
        access,
        {
          kind: 'bluesky',
          name: 'Nowhere',
          settings: { service: 'ws://127.0.0.1:9', keywords: ['anything'] },
        },
      );
      const report = await streamBlueskySource(deps, added.source.id, { windowMs: 5_000, claimSeconds: 120 });
      expect(report.status).toBe('failed');
      const source = (await listSources(db.kysely, access)).find((s) => s.id === added.source.id);
      expect(source).toMatchObject({ status: 'failing', errorCount: 1 });
      expect(source?.lastError).toMatch(/The event stream of 127\.0\.0\.1:9 failed: .*ECONNREFUSED/);
      expect(Date.parse(source?.nextPollAt ?? '')).toBeGreaterThan(Date.now());
    }, 30_000);

    it('streams on when the search backfill fails, with the reason on the source', async () => {
      const clock = testClock();
      const added = await addSource(
        { db: db.kysely, clock, secrets: createSecretBox(randomBytes(32)) },
        access,
        {
          kind: 'bluesky',
          name: 'No AppView',
          settings: { service: net.service, appViewUrl: 'http://127.0.0.1:9', keywords: ['anything'] },
        },
      );
      const report = await streamBlueskySource(deps, added.source.id, { windowMs: 300, claimSeconds: 120 });
      expect(report).toMatchObject({
        status: 'streamed',
        error: 'Search backfill: The AppView 127.0.0.1:9 could not be reached',
      });
      const source = (await listSources(db.kysely, access)).find((s) => s.id === added.source.id);
      expect(source).toMatchObject({
        status: 'failing',
        lastError: 'Search backfill: The AppView 127.0.0.1:9 could not be reached',
      });
      // Still due at once: the stream itself works.
      expect(Date.parse(source?.nextPollAt ?? '')).toBeLessThanOrEqual(Date.now());
    }, 30_000);

    it('goes on from the live stream when the relay is behind the cursor (a reset network)', async () => {
      const clock = testClock();
      const added = await addSource(
        { db: db.kysely, clock, secrets: createSecretBox(randomBytes(32)) },
        access,
        {
          kind: 'bluesky',
          name: 'Reset relay',
          settings: { service: net.service, keywords: ['anything'] },
          startCursor: 10_000_000,
        },
      );
      const report = await streamBlueskySource(deps, added.source.id, { windowMs: 5_000, claimSeconds: 120 });
      expect(report).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('is behind this source’s cursor') as unknown,
      });
      const row = await sourcesRepo(db.kysely).findLive(added.source.id);
      expect(readBlueskyCursor(row?.cursor ?? null).seq).toBeNull();
    }, 30_000);

    it('refuses a relay on a private address unless the operator allowed it (SSRF guard)', async () => {
      const clock = testClock();
      const added = await addSource(
        { db: db.kysely, clock, secrets: createSecretBox(randomBytes(32)) },
        access,
        {
          kind: 'bluesky',
          name: 'Loopback',
          settings: { service: net.service, keywords: ['anything'] },
        },
      );
      const guarded = { ...deps, fetch: createSafeFetch({ allowPrivateNetworks: false }) };
      const report = await streamBlueskySource(guarded, added.source.id, {
        windowMs: 5_000,
        claimSeconds: 120,
      });
      expect(report).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(
          /^Refused to connect to localhost:\d+ \(127\.0\.0\.1\): loopback and private network addresses are not allowed/,
        ) as unknown,
      });
    }, 30_000);
  });
});
