/**
 * The sync from listening and the inbox as a job: `community.sync`, every minute. A small community
 * (up to RESCORE_AT_ONCE_UP_TO people) is rescored as soon as new activities arrive, so new people do
 * not wait for the quarter-hourly `community.score`; a larger one waits for it (a full rescore costs
 * seconds there).
 */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import { toNumber } from '../db/dialects/numbers.js';
import type { CommunityDeps } from './community.deps.js';
import { recomputeScores } from './scores/score-people.js';
import { syncRepo } from './sync.repo.js';
import { syncWorkspace } from './sync.service.js';

export const RESCORE_AT_ONCE_UP_TO = 5_000;

export function syncTasks(deps: CommunityDeps): {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
} {
  const sync = defineTask({
    name: 'community.sync',
    schema: z.object({}),
    // The next minute's run picks up where a failed one stopped (the cursor moves with each batch).
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 600,
    async perform(_payload, ctx) {
      for (const workspaceId of await syncRepo(deps.db).workspaceIds()) {
        if (ctx.signal.aborted) {
          break;
        }
        const report = await syncWorkspace(deps.db, deps.clock, workspaceId, { signal: ctx.signal });
        if (report.mentions === 0) {
          continue;
        }
        ctx.logger.info({ workspaceId, ...report }, 'community synced from mentions');
        if (report.recorded > 0 && (await peopleCount(deps, workspaceId)) <= RESCORE_AT_ONCE_UP_TO) {
          await recomputeScores(deps.db, deps.clock, workspaceId);
        }
      }
    },
  });
  return {
    tasks: [sync] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({ name: 'community.sync', cron: '* * * * *', task: sync, payload: {} });
    },
  };
}

async function peopleCount(deps: CommunityDeps, workspaceId: string): Promise<number> {
  const row = await deps.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
