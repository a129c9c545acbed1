import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { buildItem, listeningDeps, seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { ingestItems } from '../ingest.service.js';
import { saveQuery, updateQuery, listQueries } from '../queries.service.js';
import { addSource } from '../sources.service.js';
import { matchHistory, pendingHistories } from './query-history.service.js';

const secrets = createSecretBox(randomBytes(32));

/** 40 mentions: every 4th speaks of a refund, every 5th of a delivery. */
const textOf = (n: number): string =>
  [n % 4 === 0 ? 'I want a refund for my lamp' : 'The lamp is lovely', n % 5 === 0 ? 'and the delivery was late' : ''].join(' ').trim();

describeEachDatabase('matching a saved query against the mentions stored before it', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;
  let sourceId: string;
  const deps = () => listeningDeps(use(), clock);
  const matchedIds = async (queryId: string): Promise<string[]> =>
    (
      await use()
        .kysely.selectFrom('mention_matches')
        .innerJoin('mentions', 'mentions.id', 'mention_matches.mention_id')
        .select('mentions.external_id')
        .where('query_id', '=', queryId)
        .execute()
    )
      .map((row) => row.external_id)
      .sort();
  const expected = (predicate: (n: number) => boolean): string[] =>
    Array.from({ length: 40 }, (_, n) => n)
      .filter(predicate)
      .map((n) => `m${n}`)
      .sort();

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock);
    sourceId = (await addSource({ db: use().kysely, clock, secrets }, access, { kind: 'import', name: 'Archive' })).source.id;
    await ingestItems(
      deps(),
      access.workspaceId,
      sourceId,
      Array.from({ length: 40 }, (_, n) => buildItem(n, { id: `m${n}`, text: textOf(n), createdAt: new Date(Date.UTC(2026, 2, 1, n)).toISOString() })),
    );
  });

  it('matches the history in bounded steps, carrying on where it stopped, and says how far it got', async () => {
    const saved = await saveQuery(use().kysely, clock, access, { name: 'Refunds', query: 'refund*', tag: 'topic' });
    expect(saved.history).toMatchObject({ status: 'pending', scanned: 0, matched: 0 });
    expect(await pendingHistories(use().kysely, clock.now().toISOString())).toContain(saved.id);

    // A budget of 0 stops after each step of 3 candidates: the prefilter only hands over refund mentions.
    const first = await matchHistory(deps(), saved.id, { batch: 3, budgetMs: 0 });
    expect(first).toEqual({ queryId: saved.id, status: 'running', scanned: 3, matched: 3 });
    let report = first;
    for (let runs = 0; report?.status === 'running' && runs < 10; runs += 1) {
      report = await matchHistory(deps(), saved.id, { batch: 3, budgetMs: 0 });
    }
    expect(report).toMatchObject({ status: 'done', matched: 10 });
    expect(await matchedIds(saved.id)).toEqual(expected((n) => n % 4 === 0));
    const [view] = (await listQueries(use().kysely, access)).filter((query) => query.id === saved.id);
    expect(view?.history).toMatchObject({ status: 'done', matched: 10, doneAt: clock.now().toISOString(), error: null });
    // Done: nothing more to take.
    expect(await matchHistory(deps(), saved.id)).toBeNull();
    const why = await use().kysely.selectFrom('mention_matches').select('why').where('query_id', '=', saved.id).executeTakeFirstOrThrow();
    expect(JSON.parse(why.why)).toMatchObject({ terms: [{ query: 'refund*' }] });
  });

  it('lets one run hold a query at a time; a crashed run’s query is taken again after its lease', async () => {
    const saved = await saveQuery(use().kysely, clock, access, { name: 'Late', query: 'delivery late', tag: 'topic' });
    await use().kysely.updateTable('saved_queries').set({ history_status: 'running', history_lease_until: new Date(clock.now().getTime() + 60_000).toISOString() }).where('id', '=', saved.id).execute();
    expect(await matchHistory(deps(), saved.id)).toBeNull();
    expect(await pendingHistories(use().kysely, clock.now().toISOString())).not.toContain(saved.id);
    clock.advance(61_000);
    expect(await matchHistory(deps(), saved.id)).toMatchObject({ status: 'done', matched: 8 });
    expect(await matchedIds(saved.id)).toEqual(expected((n) => n % 5 === 0));
  });

  it('stores nothing twice beside the live matching, and starts again when the query’s text changes', async () => {
    const saved = await saveQuery(use().kysely, clock, access, { name: 'Lovely', query: 'lovely', tag: 'brand' });
    // Stored after the save: matched live, then met again by the history run.
    await ingestItems(deps(), access.workspaceId, sourceId, [buildItem(100, { id: 'm100', text: 'A lovely lamp', createdAt: clock.now().toISOString() })]);
    expect(await matchedIds(saved.id)).toEqual(['m100']);
    const report = await matchHistory(deps(), saved.id);
    expect(report).toMatchObject({ status: 'done', matched: 30 });
    expect((await matchedIds(saved.id)).length).toBe(31);

    const rewritten = await updateQuery(use().kysely, clock, access, saved.id, { query: 'refund* delivery' });
    expect(rewritten.history).toMatchObject({ status: 'pending', matched: 0, scanned: 0 });
    expect(await matchedIds(saved.id)).toEqual([]);
    await matchHistory(deps(), saved.id);
    expect(await matchedIds(saved.id)).toEqual(expected((n) => n % 20 === 0));

    // A rename keeps the matches.
    const renamed = await updateQuery(use().kysely, clock, access, saved.id, { name: 'Refunds and deliveries' });
    expect(renamed).toMatchObject({ name: 'Refunds and deliveries', history: { status: 'done' } });
  });

  it('refuses a rewrite that does not parse, and a name already taken', async () => {
    const saved = await saveQuery(use().kysely, clock, access, { name: 'Spare', query: 'lamp', tag: 'topic' });
    await expect(updateQuery(use().kysely, clock, access, saved.id, { query: 'lamp AND (' })).rejects.toThrow(/Unclosed parenthesis/);
    await expect(updateQuery(use().kysely, clock, access, saved.id, { name: 'Refunds' })).rejects.toThrow(/already exists/);
    await expect(updateQuery(use().kysely, clock, access, 'nope', { name: 'X' })).rejects.toThrow(/not found/);
  });
});
