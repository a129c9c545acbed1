/**
 * The inbox's background work: every minute, snoozed conversations whose time has come open again;
 * every 10 seconds, department notifications written by routing are sent (routing/notifications.service.ts).
 */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import { wakeSnoozed } from './conversations.service.js';
import { deliverNotifications, type NotifyDeps } from './routing/notifications.service.js';

export function createInboxTasks(deps: NotifyDeps): {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
} {
  const wake = defineTask({
    name: 'inbox.wake-snoozed',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 60,
    async perform(_payload, ctx) {
      const woken = await wakeSnoozed(deps.db, deps.clock);
      if (woken > 0) {
        ctx.logger.info({ woken }, 'snoozed conversations reopened');
      }
    },
  });
  const notify = defineTask({
    name: 'inbox.notify-departments',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 120,
    async perform(_payload, ctx) {
      const report = await deliverNotifications(deps);
      if (report.sent + report.failed + report.unavailable + report.retrying > 0) {
        ctx.logger.info(report, 'department notifications');
      }
    },
  });
  return {
    tasks: [wake, notify] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({ name: 'inbox.wake-snoozed', cron: '* * * * *', task: wake, payload: {} });
      await queue.schedule({
        name: 'inbox.notify-departments',
        cron: '*/10 * * * * *',
        task: notify,
        payload: {},
      });
    },
  };
}
