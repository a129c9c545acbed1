import { beforeAll, expect, it } from 'vitest';
import { buildItem, listeningDeps, seedWorkspace, sharedAnalyzer, testClock } from '../../test/listening-fixtures.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { describeEachDatabase } from '../db/testing.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { ingestItems } from './ingest.service.js';
import { feedOriginality } from './originality-feed.service.js';
import { mentionsRepo } from './mentions.repo.js';
import { saveQuery } from './queries.service.js';
import { addSource } from './sources.service.js';
import { createSecretBox } from '../core/secret-box.js';
import { randomBytes } from 'node:crypto';

const secrets = createSecretBox(randomBytes(32));

describeEachDatabase('listening ingestion', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;
  let sourceId = '';

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock);
    sourceId = (await addSource({ db: use().kysely, clock, secrets }, access, { kind: 'import', name: 'Archive' })).source.id;
  });

  it('stores new items once, analysed, and reports duplicates, updated counts and refusals with reasons', async () => {
    const deps = listeningDeps(use(), clock);
    const items = [buildItem(1), buildItem(2), buildItem(3)];
    const first = await ingestItems(deps, access.workspaceId, sourceId, items);
    expect(first).toEqual({ received: 3, stored: 3, duplicates: 0, updated: 0, rejected: [] });

    const again = await ingestItems(deps, access.workspaceId, sourceId, [
      buildItem(1),
      buildItem(2, { likes: 99 }),
      buildItem(4),
      buildItem(4),
      { id: '', text: 'no id' },
      { id: 'x', text: '   ' },
      { id: 'y', text: 'fine', createdAt: 'yesterday', likes: -2 },
      'not an object',
    ]);
    expect(again).toMatchObject({ received: 8, stored: 1, duplicates: 3, updated: 1 });
    expect(again.rejected).toEqual([
      { index: 4, id: '', reason: 'id is empty' },
      { index: 5, id: 'x', reason: 'text is empty' },
      { index: 6, id: 'y', reason: expect.stringMatching(/createdAt must be an ISO 8601.*; likes must not be negative/) as unknown },
      { index: 7, id: null, reason: expect.stringMatching(/expected object/) as unknown },
    ]);

    const rows = await use().kysely.selectFrom('mentions').selectAll().where('workspace_id', '=', access.workspaceId).orderBy('external_id').execute();
    expect(rows.map((row) => row.external_id)).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
    const second = rows[1]!;
    expect(second).toMatchObject({ network: 'import', likes: 99, author_handle: 'user2.example', source_id: sourceId, language: 'en' });
    expect(second.search_text).toBe('is the zorvalta reading light any good thinking of buying one for my studio note 2');
    const analysis = JSON.parse(second.analysis ?? '{}') as { sentiment: { label: string }; named: unknown[]; modelVersion: string };
    expect(analysis).toMatchObject({ named: [{ kind: 'competitor', name: 'Zorvalta' }], modelVersion: expect.any(String) as unknown });
    expect(second.sentiment).toBe(analysis.sentiment.label);
    expect(rows[2]).toMatchObject({ language: 'fr', has_link: 0, has_mention: 0 });

    const source = await use().kysely.selectFrom('listening_sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(source.items_stored).toBe(4);
    // Everything listening stores feeds the originality index, as 'ingested', after commit.
    expect(await feedOriginality(deps)).toEqual({ indexed: 4, skipped: 0, more: false });
    expect(await feedOriginality(deps)).toEqual({ indexed: 0, skipped: 0, more: false });
    const indexed = await use().kysely.selectFrom('originality_sources').select(['source_id', 'kind']).where('workspace_id', '=', access.workspaceId).execute();
    expect(indexed).toHaveLength(4);
    expect(new Set(indexed.map((row) => row.kind))).toEqual(new Set(['ingested']));
    expect((await deps.originality.indexFor(access.workspaceId)).check(buildItem(2).text)).toHaveLength(1);
  });

  it('keeps networks apart: the same external id on two networks is two mentions', async () => {
    const deps = listeningDeps(use(), clock);
    const result = await ingestItems(deps, access.workspaceId, sourceId, [
      buildItem(50, { id: 'same', network: 'trustpilot' }),
      buildItem(51, { id: 'same', network: 'reviews.io' }),
      buildItem(52, { id: 'same' }),
    ]);
    expect(result.stored).toBe(3);
  });

  it('dates: a future date becomes the ingestion time, a missing one too; a link in the text sets has_link', async () => {
    const deps = listeningDeps(use(), clock);
    await ingestItems(deps, access.workspaceId, sourceId, [
      buildItem(60, { createdAt: '2030-01-01T00:00:00Z', text: 'See https://shop.example/lamp for the @lumiere #lamp deal' }),
      buildItem(61, { createdAt: undefined }),
    ]);
    const rows = await use()
      .kysely.selectFrom('mentions')
      .select(['external_id', 'created_at', 'has_link', 'has_mention', 'has_hashtag'])
      .where('external_id', 'in', ['item-60', 'item-61'])
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      { external_id: 'item-60', created_at: clock.now().toISOString(), has_link: 1, has_mention: 1, has_hashtag: 1 },
      { external_id: 'item-61', created_at: clock.now().toISOString(), has_link: 0, has_mention: 0, has_hashtag: 0 },
    ]);
  });

  it('matches every new mention against the saved queries and records why', async () => {
    const deps = listeningDeps(use(), clock);
    const query = await saveQuery(use().kysely, clock, access, { name: 'Complaints', query: 'lumiere AND (broken OR cassée)', tag: 'brand' });
    await ingestItems(deps, access.workspaceId, sourceId, [
      buildItem(70, { text: 'Ma lampe Lumière est arrivée cassée' }),
      buildItem(71, { text: 'Ma lampe Lumière est parfaite' }),
    ]);
    const matches = await use().kysely.selectFrom('mention_matches').selectAll().where('query_id', '=', query.id).execute();
    expect(matches).toHaveLength(1);
    const why = JSON.parse(matches[0]!.why) as { highlights: { start: number; end: number }[]; terms: { query: string }[] };
    expect(why.terms.map((term) => term.query).sort()).toEqual(['cassée', 'lumiere']);
    const text = 'Ma lampe Lumière est arrivée cassée';
    expect(why.highlights.map(({ start, end }) => text.slice(start, end))).toEqual(['Lumière', 'cassée']);
  });

  it('a crash in the middle of an ingestion loses and duplicates nothing when it runs again', async () => {
    const items = Array.from({ length: 1_200 }, (_, i) => buildItem(10_000 + i));
    const real = await sharedAnalyzer();
    let analysed = 0;
    // The "process" dies while analysing item 700: batch 1 (0–499) is committed, batch 2 is not.
    const crashing: Analyzer = {
      modelVersion: real.modelVersion,
      analyze: (text, options) => {
        analysed += 1;
        if (analysed === 700) {
          throw new Error('killed');
        }
        return real.analyze(text, options);
      },
    };
    const before = await mentionsRepo(use().kysely).count(access.workspaceId);
    await expect(
      ingestItems(listeningDeps(use(), clock, { analyzer: () => Promise.resolve(crashing) }), access.workspaceId, sourceId, items),
    ).rejects.toThrow('killed');
    expect((await mentionsRepo(use().kysely).count(access.workspaceId)) - before).toBe(500);

    const resumed = await ingestItems(listeningDeps(use(), clock), access.workspaceId, sourceId, items);
    expect(resumed).toEqual({ received: 1_200, stored: 700, duplicates: 500, updated: 0, rejected: [] });
    expect((await mentionsRepo(use().kysely).count(access.workspaceId)) - before).toBe(1_200);
    // The originality feed, interrupted in turn (a crash in round 2), completes on its next run.
    const pending = (await mentionsRepo(use().kysely).pendingOriginality(10_000)).length;
    expect(pending).toBeGreaterThanOrEqual(1_200);
    let rounds = 0;
    const failing = listeningDeps(use(), clock);
    const originalIndexes = failing.originality;
    failing.originality = {
      ...originalIndexes,
      scheme: originalIndexes.scheme,
      indexFor: (id) => originalIndexes.indexFor(id),
      apply: (id, rows) => {
        rounds += 1;
        if (rounds === 2) {
          throw new Error('killed');
        }
        originalIndexes.apply(id, rows);
      },
    };
    await expect(feedOriginality(failing, { batch: 500 })).rejects.toThrow('killed');
    expect((await mentionsRepo(use().kysely).pendingOriginality(10_000)).length).toBe(pending - 500);
    expect(await feedOriginality(listeningDeps(use(), clock), { batch: 500 })).toMatchObject({ indexed: pending - 500, more: false });
    const indexed = await use()
      .kysely.selectFrom('originality_sources')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', access.workspaceId)
      .where('source_id', 'like', 'mention:%')
      .executeTakeFirstOrThrow();
    expect(Number(indexed.n)).toBe(await mentionsRepo(use().kysely).count(access.workspaceId));
  });

  it('two concurrent calls sharing items in opposite orders store each item once, without deadlock', async () => {
    const shared = Array.from({ length: 300 }, (_, i) => buildItem(20_000 + i));
    const before = await mentionsRepo(use().kysely).count(access.workspaceId);
    const [a, b] = await Promise.all([
      ingestItems(listeningDeps(use(), clock), access.workspaceId, sourceId, [...shared, buildItem(21_000)], { batchSize: 100 }),
      ingestItems(listeningDeps(use(), clock), access.workspaceId, sourceId, [...shared].reverse(), { batchSize: 100 }),
    ]);
    expect(a.stored + b.stored).toBe(301);
    expect(a.duplicates + b.duplicates).toBe(300);
    expect((await mentionsRepo(use().kysely).count(access.workspaceId)) - before).toBe(301);
  });

  it('refuses a source of another workspace', async () => {
    const other = await seedWorkspace(use(), clock, 'Other brand');
    await expect(ingestItems(listeningDeps(use(), clock), other.workspaceId, sourceId, [buildItem(1)])).rejects.toMatchObject({ code: 'not_found' });
  });
});
