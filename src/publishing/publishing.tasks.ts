/** The publishing capability's background work: publish a target, sweep, metrics, account health. */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import { accountsRepo } from './accounts.repo.js';
import { checkAccountHealth } from './accounts.service.js';
import { refreshMetrics } from './metrics.service.js';
import { attemptPublish, DEFAULT_PUBLISH_OPTIONS, sweepDueTargets, type PublishOptions } from './publish.service.js';
import type { PublishingDeps } from './publishing.deps.js';

export type PublishingBase = Omit<PublishingDeps, 'dispatch'>;

export interface Publishing {
  deps: PublishingDeps;
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/** Wires publishing to a queue: `deps.dispatch` enqueues the publish task the queue runs. */
export function createPublishing(base: PublishingBase, queue: JobQueue, options: Partial<PublishOptions> = {}): Publishing {
  const settings = { ...DEFAULT_PUBLISH_OPTIONS, ...options };
  const publishTarget = defineTask({
    name: 'publishing.publish-target',
    schema: z.object({ targetId: z.string().min(1) }),
    // Only unexpected errors reach the queue's retries; network failures are retried by the service.
    retry: { limit: 3, backoffSeconds: 5 },
    leaseSeconds: Math.ceil(settings.leaseMs / 1000) + 30,
    async perform({ targetId }) {
      await attemptPublish(deps, targetId, settings);
    },
  });
  const deps: PublishingDeps = {
    ...base,
    dispatch: async (targetId, runAt) => {
      await queue.enqueue(publishTarget, { targetId }, { runAt, singletonKey: `${targetId}@${runAt.toISOString()}` });
    },
  };
  const sweep = defineTask({
    name: 'publishing.sweep',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 60,
    async perform(_payload, ctx) {
      const dispatched = await sweepDueTargets(deps);
      if (dispatched > 0) {
        ctx.logger.info({ dispatched }, 'dispatched due or stalled publishing targets');
      }
    },
  });
  const metrics = defineTask({
    name: 'publishing.refresh-metrics',
    schema: z.object({}),
    retry: { limit: 1, backoffSeconds: 60 },
    leaseSeconds: 600,
    async perform(_payload, ctx) {
      ctx.logger.info({ updated: await refreshMetrics(deps) }, 'refreshed post metrics');
    },
  });
  const health = defineTask({
    name: 'publishing.check-accounts',
    schema: z.object({}),
    retry: { limit: 1, backoffSeconds: 60 },
    leaseSeconds: 600,
    async perform(_payload, ctx) {
      let failing = 0;
      for (const account of await accountsRepo(deps.db).listAllLive()) {
        if ((await checkAccountHealth(deps, account)) === 'failing') {
          failing += 1;
        }
      }
      ctx.logger.info({ failing }, 'checked connected accounts');
    },
  });
  return {
    deps,
    tasks: [publishTarget, sweep, metrics, health] as AnyTask[],
    async schedule(target) {
      await target.schedule({ name: 'publishing.sweep', cron: '*/15 * * * * *', task: sweep, payload: {} });
      await target.schedule({ name: 'publishing.refresh-metrics', cron: '*/15 * * * *', task: metrics, payload: {} });
      // Hourly, so that an account that cannot publish is flagged a day before its posts are due.
      await target.schedule({ name: 'publishing.check-accounts', cron: '7 * * * *', task: health, payload: {} });
    },
  };
}
