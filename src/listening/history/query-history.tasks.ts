/**
 * Every 5 seconds, `listening.match-histories` takes the saved queries whose history is still to
 * match and runs each for a bounded time (query-history.service.ts). Each query is leased, so
 * several workers share the queries without running one twice.
 */
import { z } from 'zod';
import { isoNow } from '../../core/clock.js';
import type { JobQueue } from '../../jobs/queue.js';
import { defineTask, type AnyTask } from '../../jobs/task.js';
import { matchHistory, pendingHistories, type HistoryDeps } from './query-history.service.js';

const RUN_BUDGET_MS = 20_000;

export function createQueryHistory(deps: HistoryDeps): { tasks: AnyTask[]; schedule(queue: JobQueue): Promise<void> } {
  const matchHistories = defineTask({
    name: 'listening.match-histories',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 120,
    async perform(_payload, ctx) {
      const started = Date.now();
      for (const queryId of await pendingHistories(deps.db, isoNow(deps.clock))) {
        const left = RUN_BUDGET_MS - (Date.now() - started);
        if (left <= 0) {
          break;
        }
        const report = await matchHistory(deps, queryId, { budgetMs: left });
        if (report && report.status !== 'running') {
          ctx.logger.info(report, 'saved query history matched');
        }
      }
    },
  });
  return {
    tasks: [matchHistories] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({ name: 'listening.match-histories', cron: '*/5 * * * * *', task: matchHistories, payload: {} });
    },
  };
}
