import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { jobsRepo, type NewJob } from './jobs.repo.js';

// The embedded queue runs on SQLite, but its table is in the one migration set: both dialects are checked.
describeEachDatabase('jobs repository', (use) => {
  const t0 = '2030-01-01T00:00:00.000Z';
  const later = (seconds: number): string => new Date(Date.parse(t0) + seconds * 1000).toISOString();
  const job = (overrides: Partial<NewJob> = {}): NewJob => ({
    task: 'repo.test',
    payload: '{}',
    runAt: t0,
    singletonKey: null,
    retryLimit: 2,
    backoffSeconds: 1,
    now: t0,
    ...overrides,
  });

  it('gives a job to only one of two workers claiming it at once', async () => {
    const repo = jobsRepo(use().kysely);
    const task = 'repo.exclusive';
    const id = await repo.insert(job({ task }));
    const [seenByA] = await repo.findClaimable([task], t0, 10);
    const [seenByB] = await repo.findClaimable([task], t0, 10);
    expect([seenByA?.id, seenByB?.id]).toEqual([id, id]);

    const results = await Promise.all([
      repo.claim(seenByA!, 'worker-a', later(60), 'lease'),
      repo.claim(seenByB!, 'worker-b', later(60), 'lease'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repo.findClaimable([task], t0, 10)).toEqual([]);
  });

  it('hands out a job whose lease ran out once more, counting the lost attempt', async () => {
    const repo = jobsRepo(use().kysely);
    const task = 'repo.lease';
    const id = await repo.insert(job({ task }));
    const [queued] = await repo.findClaimable([task], t0, 1);
    expect(await repo.claim(queued!, 'crashed', later(60), 'lease lost')).toBe(true);
    expect(await repo.findClaimable([task], later(59), 1)).toEqual([]);

    const [expiredA] = await repo.findClaimable([task], later(61), 1);
    const [expiredB] = await repo.findClaimable([task], later(61), 1);
    expect(expiredA).toMatchObject({ id, status: 'running', attempts: 1 });
    expect(await repo.claim(expiredA!, 'survivor-a', later(121), 'lease lost')).toBe(true);
    expect(await repo.claim(expiredB!, 'survivor-b', later(121), 'lease lost')).toBe(false);

    // The crashed worker's late report is refused: the job is no longer its own.
    expect(
      await repo.finish({ id: id!, workerId: 'crashed', attempt: 1 }, { status: 'completed', at: later(70) }),
    ).toBe(false);
    expect(
      await repo.finish(
        { id: id!, workerId: 'survivor-a', attempt: 2 },
        { status: 'completed', at: later(70) },
      ),
    ).toBe(true);
    const row = await use()
      .kysely.selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'completed',
      attempts: 2,
      last_error: 'lease lost',
      locked_by: null,
    });
  });

  it('refuses a second live job with the same singleton key of the same task, and only while the first is live', async () => {
    const repo = jobsRepo(use().kysely);
    const first = await repo.insert(job({ task: 'repo.single', singletonKey: 'k' }));
    expect(first).toEqual(expect.any(String));
    expect(await repo.insert(job({ task: 'repo.single', singletonKey: 'k' }))).toBeNull();
    expect(await repo.insert(job({ task: 'repo.single-other', singletonKey: 'k' }))).toEqual(
      expect.any(String),
    );
    expect(await repo.insert(job({ task: 'repo.single' }))).toEqual(expect.any(String));
    expect(await repo.insert(job({ task: 'repo.single' }))).toEqual(expect.any(String));

    const [candidate] = await repo.findClaimable(['repo.single'], t0, 1);
    expect(candidate?.id).toBe(first);
    await repo.claim(candidate!, 'w', later(60), 'lease');
    expect(await repo.insert(job({ task: 'repo.single', singletonKey: 'k' }))).toBeNull();
    await repo.finish(
      { id: first!, workerId: 'w', attempt: 1 },
      { status: 'dead', at: later(1), error: 'boom' },
    );
    expect(await repo.insert(job({ task: 'repo.single', singletonKey: 'k' }))).toEqual(expect.any(String));
  });

  it('lists dead letters newest first and sweeps finished jobs past their retention', async () => {
    await use().kysely.deleteFrom('jobs').execute(); // the sweep is not per task: start from an empty table
    const repo = jobsRepo(use().kysely);
    const task = 'repo.dead';
    const ids = [await repo.insert(job({ task })), await repo.insert(job({ task }))];
    for (const [i, id] of ids.entries()) {
      const [candidate] = await repo.findClaimable([task], t0, 1);
      expect(candidate?.id).toBe(id);
      await repo.claim(candidate!, 'w', later(60), 'lease');
      await repo.finish(
        { id: id!, workerId: 'w', attempt: 1 },
        { status: 'dead', at: later(i + 1), error: `boom ${i}` },
      );
    }
    const letters = (await repo.deadLetters(10)).filter((row) => row.task === task);
    expect(letters.map((row) => [row.id, row.last_error])).toEqual([
      [ids[1], 'boom 1'],
      [ids[0], 'boom 0'],
    ]);
    expect(await repo.deleteFinished('dead', later(2))).toBe(1);
    expect((await repo.deadLetters(10)).filter((row) => row.task === task).map((row) => row.id)).toEqual([
      ids[1],
    ]);
  });
});
