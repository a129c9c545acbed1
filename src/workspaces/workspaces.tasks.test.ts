import { expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { describeEachDatabase } from '../db/testing.js';
import { createUser, resolveSession, startSession } from './accounts.service.js';
import { accountTasks } from './workspaces.tasks.js';

describeEachDatabase('account housekeeping task', (use) => {
  it('deletes expired sessions and keeps live ones', async () => {
    const db = use().kysely;
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const user = await createUser(db, clock, { email: 'a@brand.test', name: 'A', password: 'long enough password' });
    const old = await startSession(db, clock, user, { method: 'password' });
    clock.advance(20 * 24 * 3600 * 1000);
    const recent = await startSession(db, clock, user, { method: 'password' });
    clock.advance(15 * 24 * 3600 * 1000); // the first session (30 days) is now expired, the second is not

    const [task] = accountTasks(db, clock).tasks;
    const controller = new AbortController();
    await task!.perform({}, { jobId: 'j1', attempt: 1, logger: createLogger({ level: 'silent' }), signal: controller.signal });

    const rows = await db.selectFrom('sessions').select('user_id').execute();
    expect(rows).toHaveLength(1);
    expect(await resolveSession(db, clock, recent.secret)).not.toBeNull();
    expect(await resolveSession(db, clock, old.secret)).toBeNull();
  });
});
