/** The sync from listening and the inbox as a job: `community.sync`, every minute. */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import type { CommunityDeps } from './community.deps.js';
import { syncAllWorkspaces } from './sync.service.js';

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
      const report = await syncAllWorkspaces(deps.db, deps.clock, { signal: ctx.signal });
      if (report.mentions > 0) {
        ctx.logger.info(report, 'community synced from mentions');
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
