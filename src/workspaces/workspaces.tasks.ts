import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import type { JobQueue } from '../jobs/queue.js';
import { purgeExpiredInvitations } from './invitations.service.js';
import { sessionsRepo } from './sessions.repo.js';

/** Housekeeping for accounts: expired sessions and long-expired invitations are deleted hourly. */
export function accountTasks(db: Kysely<Database>, clock: Clock) {
  const purgeExpired = defineTask({
    name: 'accounts.purge-expired',
    schema: z.object({}),
    retry: { limit: 2, backoffSeconds: 60 },
    async perform(_payload, ctx) {
      const sessions = await sessionsRepo(db).deleteExpired(clock.now().toISOString());
      const invitations = await purgeExpiredInvitations(db, clock);
      ctx.logger.info({ sessions: Number(sessions.numDeletedRows), invitations }, 'purged expired sessions and invitations');
    },
  });
  const tasks: AnyTask[] = [purgeExpired];
  return {
    tasks,
    schedule: (queue: JobQueue) => queue.schedule({ name: 'accounts.purge-expired.hourly', cron: '17 * * * *', task: purgeExpired, payload: {} }),
  };
}
