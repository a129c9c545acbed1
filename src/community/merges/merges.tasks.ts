/** Merge suggestions are refreshed every hour in every workspace with people (also on demand, by the API). */
import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue.js';
import { defineTask, type AnyTask } from '../../jobs/task.js';
import type { CommunityDeps } from '../community.deps.js';
import { refreshAllSuggestions } from './suggestions.service.js';

export function mergeTasks(deps: CommunityDeps): {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
} {
  const suggest = defineTask({
    name: 'community.suggest-merges',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 900,
    async perform(_payload, ctx) {
      const report = await refreshAllSuggestions(deps.db, deps.clock);
      if (report.created > 0) {
        ctx.logger.info(report, 'merge suggestions refreshed');
      }
    },
  });
  return {
    tasks: [suggest] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({
        name: 'community.suggest-merges',
        cron: '17 * * * *',
        task: suggest,
        payload: {},
      });
    },
  };
}
