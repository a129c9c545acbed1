import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { openDatabase, type Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { createJobQueue } from './create-queue.js';
import { jobsRepo } from './jobs.repo.js';
import { runJobQueueContract } from './queue.contract.js';
import { defineTask } from './task.js';

// Medium tier: a real SQLite file; each queue opens its own connection to it, as `hearth worker` would.
const POLL_MS = 10;

/** The file behind a SQLite connection, to open a second connection on it. */
async function sqlitePath(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db.kysely);
  const main = rows.find((row) => row.name === 'main');
  if (!main?.file) {
    throw new Error('Not a file-backed SQLite database');
  }
  return main.file;
}

/** Real time plus an offset that tests move forward. */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}

runJobQueueContract('embedded (SQLite)', async () => {
  const db = await createTestDatabase('sqlite');
  const path = await sqlitePath(db);
  const clock = movableClock();
  const connections: Db[] = [];
  return {
    createQueue: (logger) => {
      const own = openDatabase({ kind: 'sqlite', path });
      connections.push(own);
      return Promise.resolve(createJobQueue(own, { logger, clock, pollIntervalMs: POLL_MS }));
    },
    now: () => clock.now().getTime(),
    passTime: async (ms) => {
      clock.advance(ms);
      await sleep(POLL_MS * 5);
    },
    close: async () => {
      await Promise.all(connections.map((connection) => connection.close()));
      await db.drop();
    },
  };
});

describe('embedded queue: leases', () => {
  let db: TestDatabase;
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db.drop();
  });

  /** Enqueues a job and leases it to a worker that then "crashes": it never reports back. */
  async function enqueueAndCrash(
    task: ReturnType<typeof defineTask<Record<string, never>>>,
    clock: Clock,
  ): Promise<string> {
    const id = await createJobQueue(db, { logger, clock }).enqueue(task, {});
    const repo = jobsRepo(db.kysely);
    const [candidate] = await repo.findClaimable([task.name], clock.now().toISOString(), 1);
    const leaseEnd = new Date(clock.now().getTime() + task.leaseSeconds * 1000).toISOString();
    expect(candidate?.id).toBe(id);
    expect(await repo.claim(candidate!, 'crashed-worker', leaseEnd, 'lease expired')).toBe(true);
    return id!;
  }

  async function waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; !(await check()); i++) {
      if (i > 200) {
        throw new Error('Condition not met in time');
      }
      await sleep(POLL_MS);
    }
  }

  it('runs a job whose process died holding it again, once its lease ran out, as its next attempt', async () => {
    const clock = movableClock();
    const attempts: number[] = [];
    const task = defineTask({
      name: 'lease.crashed',
      schema: z.object({}).strict(),
      leaseSeconds: 60,
      perform: (_payload, ctx) => {
        attempts.push(ctx.attempt);
        return Promise.resolve();
      },
    });
    const id = await enqueueAndCrash(task, clock);

    const survivor = createJobQueue(db, { logger, clock, pollIntervalMs: POLL_MS });
    survivor.register(task);
    await survivor.start();
    await sleep(POLL_MS * 10);
    expect(attempts).toEqual([]); // the lease still holds

    clock.advance(61_000);
    await waitFor(() => attempts.length === 1);
    await survivor.stop();
    expect(attempts).toEqual([2]);
    const row = await db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'completed', attempts: 2, locked_by: null });
  });

  it('makes a job a dead letter when its last allowed attempt lost its lease', async () => {
    const clock = movableClock();
    let performed = 0;
    const task = defineTask({
      name: 'lease.last-attempt',
      schema: z.object({}).strict(),
      leaseSeconds: 60,
      retry: { limit: 0 },
      perform: () => {
        performed++;
        return Promise.resolve();
      },
    });
    const id = await enqueueAndCrash(task, clock);

    const survivor = createJobQueue(db, { logger, clock, pollIntervalMs: POLL_MS });
    survivor.register(task);
    await survivor.start();
    clock.advance(61_000);
    await waitFor(async () => (await survivor.deadLetters()).some((letter) => letter.id === id));
    await survivor.stop();
    const letter = (await survivor.deadLetters()).find((l) => l.id === id);
    expect(letter).toMatchObject({ task: task.name, attempts: 1 });
    expect(letter?.lastError).toMatch(/lease ran out/);
    expect(performed).toBe(0);
  });
});
