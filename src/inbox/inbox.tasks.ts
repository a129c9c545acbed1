/** The inbox's background work: every minute, snoozed conversations whose time has come open again. */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import { wakeSnoozed } from './conversations.service.js';

export function createInboxTasks(deps: { db: Kysely<Database>; clock: Clock }): { tasks: AnyTask[]; schedule(queue: JobQueue): Promise<void> } {
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
  return {
    tasks: [wake] as AnyTask[],
    async schedule(queue) {
      await queue.schedule({ name: 'inbox.wake-snoozed', cron: '* * * * *', task: wake, payload: {} });
    },
  };
}
