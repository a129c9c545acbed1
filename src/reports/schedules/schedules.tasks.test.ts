import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { createLogger } from '../../core/logger.js';
import { createSecretBox } from '../../core/secret-box.js';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { createJobQueue } from '../../jobs/create-queue.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { createReportTasks } from '../reports.tasks.js';
import { NO_SMTP } from './schedules.delivery.js';
import { saveSchedule, scheduleIn } from './schedules.service.js';

// The job path end to end on the embedded queue (both queue backends pass one contract suite).
describe('report tasks on the job queue', () => {
  const clock = testClock();
  const secrets = createSecretBox(randomBytes(32));
  let db: TestDatabase;
  let queue: JobQueue;
  let access: WorkspaceAccess;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    clock.set(new Date('2026-03-30T10:00:00.000Z'));
    access = await seedWorkspace(db, clock);
  });
  afterAll(async () => {
    await queue.stop({ timeoutMs: 2_000 });
    await db.drop();
  });

  const settled = async (scheduleId: string, count: number) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await db.kysely.selectFrom('report_deliveries').selectAll().where('schedule_id', '=', scheduleId).execute();
      if ((rows.length >= count && rows.every((row) => row.status !== 'pending')) || Date.now() > deadline) {
        return rows;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('turns a due schedule into deliveries sent by their own jobs, recording e-mail as unavailable without SMTP', async () => {
    const logger = createLogger({ level: 'silent' });
    queue = createJobQueue(db, { logger, clock, pollIntervalMs: 20 });
    const reports = createReportTasks({ db: db.kysely, clock, logger, secrets, mailer: null, fetch });
    expect(reports.tasks.map((task) => task.name)).toEqual(['reports.due', 'reports.dispatch', 'reports.deliver']);
    queue.register(...reports.tasks);
    await reports.schedule(queue);
    const schedules = await db.kysely.selectFrom('job_schedules').select('name').execute();
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(['reports.due', 'reports.dispatch']));

    const { schedule } = await saveSchedule(
      { db: db.kysely, clock, secrets },
      access,
      scheduleIn.parse({ name: 'Daily', template: 'support', cadence: 'daily', emailTo: ['a@brand.test', 'b@brand.test'] }),
    );
    clock.set(new Date(schedule.nextRunAt));
    await queue.enqueue(reports.tasks[0]!, {});
    await queue.start({ concurrency: 2 });
    const rows = await settled(schedule.id, 2);
    expect(rows.map((row) => [row.target, row.status, row.attempts, row.last_error])).toEqual(
      expect.arrayContaining([
        ['a@brand.test', 'unavailable', 1, NO_SMTP],
        ['b@brand.test', 'unavailable', 1, NO_SMTP],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.period_from).toBe('2026-03-29T22:00:00.000Z');
  });
});
