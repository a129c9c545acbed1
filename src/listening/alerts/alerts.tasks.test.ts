import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { createLogger } from '../../core/logger.js';
import { createSecretBox } from '../../core/secret-box.js';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { createJobQueue } from '../../jobs/create-queue.js';
import type { JobQueue } from '../../jobs/queue.js';
import { NO_SMTP } from './alerts.delivery.js';
import { hourOf, storeMentions, storeRule } from './alerts.fixtures.js';
import { createAlerting } from './alerts.tasks.js';

// The job path end to end on the embedded queue (both queue backends pass one contract suite).
describe('alerting tasks on the job queue', () => {
  const clock = testClock();
  let db: TestDatabase;
  let queue: JobQueue;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    clock.set(new Date('2026-03-30T11:15:00.000Z'));
    const workspaceId = (await seedWorkspace(db, clock)).workspaceId;
    await storeMentions(db.kysely, workspaceId, [
      ...[4, 6, 5, 5].flatMap((count, n) =>
        hourOf(
          new Date(Date.parse('2026-03-30T10:00:00.000Z') - (n + 1) * 7 * 86_400_000).toISOString(),
          count,
        ),
      ),
      ...hourOf('2026-03-30T10:00:00.000Z', 12),
    ]);
    await storeRule(
      db.kysely,
      workspaceId,
      {
        kind: 'volume_spike',
        name: 'Spike',
        params: { baselineWeeks: 4, minBaselineWeeks: 2 },
        channels: { email: ['pr@brand.test'] },
      },
      '2026-03-01T00:00:00.000Z',
    );
  });
  afterAll(async () => {
    await queue.stop({ timeoutMs: 2_000 });
    await db.drop();
  });

  it('evaluates on schedule and delivers through its own job, recording e-mail as unavailable without SMTP', async () => {
    const logger = createLogger({ level: 'silent' });
    queue = createJobQueue(db, { logger, clock, pollIntervalMs: 20 });
    const alerting = createAlerting(
      { db: db.kysely, clock, logger, secrets: createSecretBox(randomBytes(32)), mailer: null, fetch },
      queue,
    );
    expect(alerting.tasks.map((task) => task.name)).toEqual(['alerts.evaluate', 'alerts.deliver']);
    queue.register(...alerting.tasks);
    await alerting.schedule(queue);
    const evaluate = alerting.tasks[0]!;
    await queue.enqueue(evaluate, {});
    await queue.start({ concurrency: 2 });
    const deadline = Date.now() + 10_000;
    let delivery;
    while (Date.now() < deadline) {
      delivery = await db.kysely.selectFrom('alert_deliveries').selectAll().executeTakeFirst();
      if (delivery && delivery.status !== 'pending') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(delivery).toMatchObject({
      channel: 'email',
      status: 'unavailable',
      last_error: NO_SMTP,
      attempts: 1,
    });
    expect(await db.kysely.selectFrom('alerts').select('fire_key').execute()).toEqual([
      { fire_key: 'window:2026-03-30T11:00:00.000Z' },
    ]);
    const schedules = await db.kysely.selectFrom('job_schedules').select('name').execute();
    expect(schedules.map((s) => s.name)).toContain('alerts.evaluate');
  });
});
