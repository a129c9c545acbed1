/**
 * Matching a saved query against the mentions stored before it: at ingestion only new mentions meet
 * the saved queries, so a query saved today would otherwise see nothing of yesterday. A run takes one
 * query at a time (a lease in saved_queries, so any number of processes may run it), walks the stream
 * newest first through the same full-text prefilter as search, confirms each candidate with the
 * evaluator and stores the matches with why. It stops at its time budget and saves where it got
 * (history_cursor), so the next run, or the next process after a crash, carries on from there;
 * matches are keyed (query, mention), so a step done twice stores nothing twice.
 *
 * A mention stored while its query is being saved can be missed by both the live matching (the
 * ingestion read the queries before the save) and the history run (which started after and walks
 * older positions only if its created_at is older): the window is one ingestion batch.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { mentionsRepo, type StreamPosition } from '../mentions.repo.js';
import { matchesOf } from '../matching.js';
import { queriesRepo } from '../queries.repo.js';
import { buildPrefilter, compileQuery, type CompiledQuery } from '../query/index.js';
import type { FullTextQuery } from '../../db/dialects/fts.js';
import type { Logger } from '../../core/logger.js';

export interface HistoryDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
}

export interface HistoryOptions {
  /** Stop after this long and save the position (default 20 s). */
  budgetMs?: number;
  /** Mentions fetched per step (default 2,000). */
  batch?: number;
  /** How long a run holds its query (default 120 s): longer than the budget. */
  leaseMs?: number;
}

export interface HistoryRunReport {
  queryId: string;
  status: 'done' | 'running' | 'failed';
  scanned: number;
  matched: number;
}

const DEFAULTS = { budgetMs: 20_000, batch: 2_000, leaseMs: 120_000 };

/** The queries whose history is still to match (oldest first), at most `limit`. */
export async function pendingHistories(db: Kysely<Database>, now: string, limit = 20): Promise<string[]> {
  const rows = await db
    .selectFrom('saved_queries')
    .select('id')
    .where('history_status', 'in', ['pending', 'running'])
    .where((eb) => eb.or([eb('history_lease_until', 'is', null), eb('history_lease_until', '<', now)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Takes the query (when nobody holds it) and matches its history until done or out of budget. */
export async function matchHistory(deps: HistoryDeps, queryId: string, options: HistoryOptions = {}): Promise<HistoryRunReport | null> {
  const { budgetMs, batch, leaseMs } = { ...DEFAULTS, ...options };
  const started = Date.now();
  const now = isoNow(deps.clock);
  const claimed = await deps.db
    .updateTable('saved_queries')
    .set({ history_status: 'running', history_lease_until: new Date(deps.clock.now().getTime() + leaseMs).toISOString() })
    .where('id', '=', queryId)
    .where('history_status', 'in', ['pending', 'running'])
    .where((eb) => eb.or([eb('history_lease_until', 'is', null), eb('history_lease_until', '<', now)]))
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    return null;
  }
  const row = await deps.db.selectFrom('saved_queries').selectAll().where('id', '=', queryId).executeTakeFirstOrThrow();
  let query: CompiledQuery;
  try {
    query = compileQuery(row.query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish(deps, queryId, { history_status: 'failed', history_error: message });
    return { queryId, status: 'failed', scanned: row.history_scanned, matched: row.history_matched };
  }

  const prefilter = buildPrefilter(query.query);
  const fullText: FullTextQuery[] = prefilter.fts5 !== null && prefilter.tsquery !== null ? [{ fts5: prefilter.fts5, tsquery: prefilter.tsquery }] : [];
  const repo = mentionsRepo(deps.db);
  let position = parsePosition(row.history_cursor);
  let scanned = row.history_scanned;
  let matched = row.history_matched;
  for (;;) {
    const rows = await repo.search({
      workspaceId: row.workspace_id,
      fullText,
      filters: prefilter.filters,
      ...(position ? { after: position } : {}),
      limit: batch,
    });
    const last = rows.at(-1);
    const matches = matchesOf([{ id: queryId, query }], rows, isoNow(deps.clock));
    await deps.db.transaction().execute(async (trx) => {
      const inserted = await queriesRepo(trx).insertMatches(matches);
      scanned += rows.length;
      matched += inserted;
      if (last) {
        position = { createdAt: last.created_at, seq: last.seq };
      }
      await trx
        .updateTable('saved_queries')
        .set({ history_cursor: position ? JSON.stringify([position.createdAt, position.seq]) : null, history_scanned: scanned, history_matched: matched })
        .where('id', '=', queryId)
        .execute();
    });
    if (rows.length < batch) {
      await finish(deps, queryId, { history_status: 'done', history_done_at: isoNow(deps.clock), history_error: null });
      return { queryId, status: 'done', scanned, matched };
    }
    if (Date.now() - started >= budgetMs) {
      // Let the next run (any process) carry on at once.
      await deps.db.updateTable('saved_queries').set({ history_lease_until: null }).where('id', '=', queryId).execute();
      return { queryId, status: 'running', scanned, matched };
    }
  }
}

/** Puts a query's history back to the start (its text changed): the old matches go. */
export async function restartHistory(db: Kysely<Database>, queryId: string): Promise<void> {
  await db.deleteFrom('mention_matches').where('query_id', '=', queryId).execute();
  await db
    .updateTable('saved_queries')
    .set({ history_status: 'pending', history_cursor: null, history_scanned: 0, history_matched: 0, history_lease_until: null, history_done_at: null, history_error: null })
    .where('id', '=', queryId)
    .execute();
}

async function finish(
  deps: HistoryDeps,
  queryId: string,
  values: { history_status: 'done' | 'failed'; history_done_at?: string; history_error: string | null },
): Promise<void> {
  await deps.db
    .updateTable('saved_queries')
    .set({ ...values, history_lease_until: null })
    .where('id', '=', queryId)
    .execute();
}

function parsePosition(cursor: string | null): StreamPosition | undefined {
  if (cursor === null) {
    return undefined;
  }
  const [createdAt, seq] = JSON.parse(cursor) as [string, number];
  return { createdAt, seq };
}
