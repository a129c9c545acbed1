/**
 * Alerting's background work: every minute `alerts.evaluate` evaluates the enabled rules
 * (alerts.evaluate.ts) and re-queues deliveries whose job was lost; each delivery is one
 * `alerts.deliver` job (singleton per delivery), retried with backoff (alerts.delivery.ts).
 */
import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue.js';
import { defineTask, type AnyTask } from '../../jobs/task.js';
import type { AlertingDeps, DispatchDelivery } from './alerts.deps.js';
import { sendDelivery } from './alerts.delivery.js';
import { evaluateAlertRules } from './alerts.evaluate.js';
import { alertsRepo } from './alerts.repo.js';

export interface TaskGroup {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/** A delivery still untried after this long lost its job (a crash between commit and enqueue). */
const STRANDED_AFTER_MS = 2 * 60_000;

/** Alerting's background work. */
export function createAlerting(deps: AlertingDeps, queue: JobQueue): TaskGroup {
  const deliver = defineTask({
    name: 'alerts.deliver',
    schema: z.object({ deliveryId: z.string().min(1) }),
    retry: { limit: 4, backoffSeconds: 30 },
    leaseSeconds: 120,
    async perform({ deliveryId }, ctx) {
      await sendDelivery(deps, deliveryId, ctx.attempt > deliver.retry.limit);
    },
  });
  const dispatch: DispatchDelivery = async (deliveryId) => {
    await queue.enqueue(deliver, { deliveryId }, { singletonKey: deliveryId });
  };
  const evaluate = defineTask({
    name: 'alerts.evaluate',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 300,
    async perform(_payload, ctx) {
      const report = await evaluateAlertRules(deps, dispatch);
      if (report.fired > 0 || report.failed > 0) {
        ctx.logger.info(report, 'alert rules evaluated');
      }
      const before = new Date(deps.clock.now().getTime() - STRANDED_AFTER_MS).toISOString();
      for (const { id } of await alertsRepo(deps.db).strandedDeliveries(before, 100)) {
        await dispatch(id);
      }
    },
  });
  return {
    tasks: [evaluate, deliver] as AnyTask[],
    async schedule(target) {
      await target.schedule({ name: 'alerts.evaluate', cron: '* * * * *', task: evaluate, payload: {} });
    },
  };
}
