/**
 * Scores stay fresh: every 15 minutes `community.score` rescores every workspace that has people
 * (engagement fades month by month even when nothing happens). A settings change rescores at once
 * (PUT /scoring), and a job for one workspace can be queued with `{ workspaceId }`.
 */
import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue.js';
import { defineTask, type AnyTask } from '../../jobs/task.js';
import type { CommunityDeps } from '../community.deps.js';
import { recomputeScores } from './score-people.js';
import { workspacesWithPeople } from './scores.repo.js';

export const SCORE_EVERY = '*/15 * * * *';

export function scoreTasks(deps: CommunityDeps): {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
} {
  const score = defineTask({
    name: 'community.score',
    schema: z.object({ workspaceId: z.string().min(1).max(64).optional() }),
    retry: { limit: 1, backoffSeconds: 60 },
    leaseSeconds: 900,
    async perform(payload, ctx) {
      const workspaces = payload.workspaceId ? [payload.workspaceId] : await workspacesWithPeople(deps.db);
      let scored = 0;
      for (const workspaceId of workspaces) {
        if (ctx.signal.aborted) {
          break;
        }
        scored += (await recomputeScores(deps.db, deps.clock, workspaceId)).scored;
      }
      if (scored > 0) {
        ctx.logger.info({ workspaces: workspaces.length, scored }, 'community scores recomputed');
      }
    },
  });
  return {
    tasks: [score] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({ name: 'community.score', cron: SCORE_EVERY, task: score, payload: {} });
    },
  };
}
