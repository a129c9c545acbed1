/**
 * Scheduled reports' background work: every minute `reports.due` turns due schedules into their
 * deliveries (one per e-mail recipient and webhook, unique per period) and dispatches them; every
 * 10 seconds `reports.dispatch` dispatches deliveries nobody has tried yet ("Send now" from the web
 * app, or a job lost in a crash between commit and enqueue). Each delivery is one `reports.deliver`
 * job (singleton per delivery), retried with backoff (schedules/schedules.delivery.ts).
 */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import type { DispatchDelivery, ScheduleDeps } from './schedules/schedules.deps.js';
import { sendReportDelivery } from './schedules/schedules.delivery.js';
import { schedulesRepo } from './schedules/schedules.repo.js';
import { materialiseDueSchedules } from './schedules/schedules.service.js';

const SWEEP_LIMIT = 200;

/**
 * Scheduled reports: due schedules become deliveries (e-mail with the PDF, signed webhook), retried.
 * `queue` is where deliveries are dispatched; without it, the queue given to `schedule()` is used.
 */
export function createReportTasks(
  deps: ScheduleDeps,
  queue?: JobQueue,
): { tasks: AnyTask[]; schedule(queue: JobQueue): Promise<void> } {
  let target = queue;
  const deliver = defineTask({
    name: 'reports.deliver',
    schema: z.object({ deliveryId: z.string().min(1) }),
    retry: { limit: 4, backoffSeconds: 60 },
    // Rendering a PDF starts a headless browser: a few seconds, more on a busy machine.
    leaseSeconds: 300,
    async perform({ deliveryId }, ctx) {
      await sendReportDelivery(deps, deliveryId, ctx.attempt > deliver.retry.limit);
    },
  });
  const dispatch: DispatchDelivery = async (deliveryId) => {
    if (target === undefined) {
      throw new Error('reports: no job queue to dispatch deliveries on');
    }
    await target.enqueue(deliver, { deliveryId }, { singletonKey: deliveryId });
  };
  const dispatchUntried = async (): Promise<number> => {
    const untried = await schedulesRepo(deps.db).untried(SWEEP_LIMIT);
    for (const { id } of untried) {
      await dispatch(id);
    }
    return untried.length;
  };
  const due = defineTask({
    name: 'reports.due',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 120,
    async perform(_payload, ctx) {
      const made = await materialiseDueSchedules(deps);
      // A lost dispatch is not lost work: untried deliveries are dispatched again on every sweep.
      await dispatchUntried();
      if (made.length > 0) {
        ctx.logger.info({ deliveries: made.length }, 'scheduled reports due');
      }
    },
  });
  const sweep = defineTask({
    name: 'reports.dispatch',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 60,
    async perform() {
      await dispatchUntried();
    },
  });
  return {
    tasks: [due, sweep, deliver] as AnyTask[],
    async schedule(jobs) {
      target ??= jobs;
      await jobs.schedule({ name: 'reports.due', cron: '* * * * *', task: due, payload: {} });
      await jobs.schedule({ name: 'reports.dispatch', cron: '*/10 * * * * *', task: sweep, payload: {} });
    },
  };
}
