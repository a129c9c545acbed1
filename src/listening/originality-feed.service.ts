/**
 * Everything listening stores feeds the guardrails' originality index, as 'ingested' sources: after
 * commit, from the database. A mention is pending while its `originality_at` is null; each round
 * indexes the oldest pending mentions (shingles only, originality.service.ts) and marks them in the
 * same transaction, so a crash repeats at most one round and indexing twice is harmless (an upsert).
 */
import { isoNow } from '../core/clock.js';
import { indexSources } from '../originality/originality.service.js';
import type { ListeningDeps } from './listening.deps.js';
import { mentionsRepo } from './mentions.repo.js';

export interface FeedReport {
  /** Mentions now in the index. */
  indexed: number;
  /** Mentions too short to compare (marked all the same). */
  skipped: number;
  /** Whether pending mentions are left (the time budget ran out). */
  more: boolean;
}

export interface FeedOptions {
  /** Mentions per round (default 1,000). */
  batch?: number;
  /** Stop starting rounds after this long (default: until none are pending). */
  budgetMs?: number;
}

/** Indexes pending mentions, oldest first, until none are left or the budget is spent. */
export async function feedOriginality(deps: ListeningDeps, options: FeedOptions = {}): Promise<FeedReport> {
  const batch = options.batch ?? 1_000;
  const deadline = performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const report: FeedReport = { indexed: 0, skipped: 0, more: false };
  for (;;) {
    if (performance.now() >= deadline) {
      report.more = (await mentionsRepo(deps.db).pendingOriginality(1)).length > 0;
      return report;
    }
    const pending = await mentionsRepo(deps.db).pendingOriginality(batch);
    if (pending.length === 0) {
      return report;
    }
    const byWorkspace = new Map<string, typeof pending>();
    for (const row of pending) {
      const rows = byWorkspace.get(row.workspace_id);
      if (rows) {
        rows.push(row);
      } else {
        byWorkspace.set(row.workspace_id, [row]);
      }
    }
    await deps.db.transaction().execute(async (trx) => {
      for (const [workspaceId, rows] of byWorkspace) {
        const result = await indexSources(
          trx,
          deps.clock,
          deps.originality,
          workspaceId,
          rows.map((row) => ({
            id: `mention:${row.id}`,
            text: row.text,
            kind: 'ingested' as const,
            label: row.author_handle ? `${row.author_handle} (${row.network})` : row.network,
            url: row.url ?? undefined,
          })),
        );
        report.indexed += result.indexed;
        report.skipped += result.skipped.length;
      }
      await mentionsRepo(trx).markOriginality(
        pending.map((row) => row.id),
        isoNow(deps.clock),
      );
    });
    if (pending.length < batch) {
      return report;
    }
  }
}
