/**
 * The one test suite every JobQueue backend passes (STYLE.md point 5). A backend's test file calls
 * runJobQueueContract() with a harness over a real database; nothing here is mocked.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, type Logger } from '../core/logger.js';
import type { JobQueue } from './queue.js';
import { defineTask, InvalidJobPayloadError } from './task.js';

export interface JobQueueHarness {
  /** Opens one more queue on the shared database with its own connections, as another process would. */
  createQueue(logger: Logger): Promise<JobQueue>;
  /** Now as the backend sees it, in ms since the epoch. */
  now(): number;
  /**
   * Lets `ms` of the backend's time pass and gives polling loops a turn. The embedded queue moves its
   * test clock; pg-boss compares with PostgreSQL's now(), which cannot be moved, so it really waits:
   * the suite therefore keeps every span it asks for to a few seconds.
   */
  passTime(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** Why the suite is skipped (declared, never silent); undefined to run it. */
  skipReason?: string;
}

export function runJobQueueContract(
  name: string,
  factory: () => Promise<JobQueueHarness>,
  options: ContractOptions = {},
): void {
  const suite = options.skipReason === undefined ? describe : describe.skip;
  if (options.skipReason !== undefined) {
    console.warn(`JobQueue contract "${name}" skipped: ${options.skipReason}`);
  }

  suite(`JobQueue contract: ${name}`, () => {
    let harness: JobQueueHarness;
    const opened: JobQueue[] = [];
    const logs = memoryLogger();

    beforeAll(async () => {
      harness = await factory();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.stop({ timeoutMs: 500 })));
    });
    afterAll(async () => {
      await harness.close();
    });

    const open = async (): Promise<JobQueue> => {
      const queue = await harness.createQueue(logs.logger);
      opened.push(queue);
      return queue;
    };

    /** Polls `check`, letting backend time pass between tries; fails after timeoutMs of real time. */
    const eventually = async (
      check: () => boolean | Promise<boolean>,
      { timeoutMs = 10_000, stepMs = 100 }: { timeoutMs?: number; stepMs?: number } = {},
    ): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) {
          throw new Error(`Condition not met within ${timeoutMs} ms`);
        }
        await harness.passTime(stepMs);
      }
    };
    /** Time for anything that should not happen to show up. */
    const settle = (): Promise<void> => harness.passTime(400);

    it('performs an enqueued job once, with its payload, job id and first attempt', async () => {
      const seen: { payload: unknown; jobId: string; attempt: number }[] = [];
      const task = defineTask({
        name: unique('run'),
        schema: z.object({ n: z.number() }),
        perform: (payload, ctx) => {
          seen.push({ payload, jobId: ctx.jobId, attempt: ctx.attempt });
          return Promise.resolve();
        },
      });
      const queue = await open();
      queue.register(task);
      await queue.start();
      const id = await queue.enqueue(task, { n: 1 });

      await eventually(() => seen.length === 1);
      expect(seen[0]).toEqual({ payload: { n: 1 }, jobId: id, attempt: 1 });
      await settle();
      expect(seen).toHaveLength(1);
    });

    it('rejects an invalid payload (or cron) with an error naming the task and the field', async () => {
      const task = defineTask({
        name: unique('invalid'),
        schema: z.object({ email: z.email() }),
        perform: noop,
      });
      const queue = await open();

      const enqueued = queue.enqueue(task, { email: 'not an address' });
      await expect(enqueued).rejects.toBeInstanceOf(InvalidJobPayloadError);
      await expect(enqueued).rejects.toThrow(new RegExp(`"${task.name}": email: `));
      await expect(
        queue.schedule({ name: unique('bad-payload'), cron: '0 9 * * *', task, payload: { email: 'nope' } }),
      ).rejects.toBeInstanceOf(InvalidJobPayloadError);
      await expect(
        queue.schedule({
          name: unique('bad-cron'),
          cron: 'every day',
          task,
          payload: { email: 'a@example.org' },
        }),
      ).rejects.toThrow(/Invalid cron expression "every day"/);
    });

    it('runs a job at runAt and not before', async () => {
      const ranAt: number[] = [];
      const task = defineTask({
        name: unique('later'),
        schema: z.object({}),
        perform: record(ranAt, () => harness.now()),
      });
      const queue = await open();
      queue.register(task);
      await queue.start();
      const runAt = new Date(harness.now() + 2000);
      await queue.enqueue(task, {}, { runAt });

      await harness.passTime(1000);
      expect(ranAt).toEqual([]);
      await eventually(() => ranAt.length === 1);
      expect(ranAt[0]).toBeGreaterThanOrEqual(runAt.getTime());
    });

    it('retries a failing job with exponential backoff until it succeeds, logging each failure without the payload', async () => {
      const starts: { attempt: number; at: number }[] = [];
      const task = defineTask({
        name: unique('flaky'),
        schema: z.object({ apiKey: z.string() }),
        retry: { limit: 3, backoffSeconds: 1 },
        perform: (_payload, ctx) => {
          starts.push({ attempt: ctx.attempt, at: harness.now() });
          return ctx.attempt < 3
            ? Promise.reject(new Error(`flaky failure ${ctx.attempt}`))
            : Promise.resolve();
        },
      });
      const queue = await open();
      queue.register(task);
      await queue.start();
      const id = await queue.enqueue(task, { apiKey: 'hunter2-must-not-be-logged' });

      await eventually(() => starts.length === 3, { timeoutMs: 15_000, stepMs: 250 });
      expect(starts.map((s) => s.attempt)).toEqual([1, 2, 3]);
      // backoffSeconds * 2^(attempt-1): 1 s after the first failure, 2 s after the second.
      expect(starts[1]!.at - starts[0]!.at).toBeGreaterThanOrEqual(1000);
      expect(starts[2]!.at - starts[1]!.at).toBeGreaterThanOrEqual(2000);
      await settle();
      expect(starts).toHaveLength(3);
      expect((await queue.deadLetters()).map((d) => d.id)).not.toContain(id);

      const failures = logs.lines().filter((line) => line.jobId === id && line.error !== undefined);
      expect(failures).toEqual([
        expect.objectContaining({ task: task.name, attempt: 1, error: 'flaky failure 1' }),
        expect.objectContaining({ task: task.name, attempt: 2, error: 'flaky failure 2' }),
      ]);
      expect(JSON.stringify(logs.lines())).not.toContain('hunter2-must-not-be-logged');
    });

    it('makes a job that keeps failing a dead letter once its retries are spent', async () => {
      const attempts: number[] = [];
      const task = defineTask({
        name: unique('broken'),
        schema: z.object({ n: z.number() }),
        retry: { limit: 1, backoffSeconds: 1 },
        perform: (_payload, ctx) => {
          attempts.push(ctx.attempt);
          return Promise.reject(new Error('always broken'));
        },
      });
      const queue = await open();
      queue.register(task);
      await queue.start();
      const id = await queue.enqueue(task, { n: 7 });

      const letterOf = async () => (await queue.deadLetters()).find((letter) => letter.id === id);
      await eventually(async () => (await letterOf()) !== undefined, { timeoutMs: 15_000, stepMs: 250 });
      const letter = await letterOf();
      expect(letter).toMatchObject({
        task: task.name,
        payload: { n: 7 },
        attempts: 2,
        lastError: 'always broken',
      });
      expect(Date.parse(letter!.failedAt)).toBeGreaterThan(0);
      await settle();
      expect(attempts).toEqual([1, 2]);
    });

    it('deduplicates by singletonKey while a job with that key is queued or running, and only then', async () => {
      const release = gate();
      const performed: string[] = [];
      const task = defineTask({
        name: unique('single'),
        schema: z.object({ label: z.string() }),
        perform: async ({ label }) => {
          performed.push(label);
          if (label === 'first') {
            await release.opened;
          }
        },
      });
      const other = defineTask({
        name: unique('single-other'),
        schema: z.object({ label: z.string() }),
        perform: noop,
      });
      const queue = await open();
      queue.register(task, other);

      expect(await queue.enqueue(task, { label: 'first' }, { singletonKey: 'k' })).toEqual(
        expect.any(String),
      );
      expect(await queue.enqueue(task, { label: 'while-queued' }, { singletonKey: 'k' })).toBeNull();
      expect(await queue.enqueue(task, { label: 'other-key' }, { singletonKey: 'k2' })).toEqual(
        expect.any(String),
      );
      expect(await queue.enqueue(other, { label: 'other-task' }, { singletonKey: 'k' })).toEqual(
        expect.any(String),
      );
      await queue.start();
      await eventually(() => performed.includes('first'));
      expect(await queue.enqueue(task, { label: 'while-running' }, { singletonKey: 'k' })).toBeNull();

      release.open();
      await eventually(
        async () => (await queue.enqueue(task, { label: 'after' }, { singletonKey: 'k' })) !== null,
      );
      await eventually(() => performed.includes('after'));
      expect([...performed].sort()).toEqual(['after', 'first', 'other-key']);
    });

    it('leaves a job of a task it does not perform queued for a process that does', async () => {
      const performed: string[] = [];
      const known = defineTask({ name: unique('known'), schema: z.object({}), perform: noop });
      const elsewhere = defineTask({
        name: unique('elsewhere'),
        schema: z.object({}),
        perform: record(performed, () => 'b'),
      });
      const a = await open();
      a.register(known);
      await a.start();
      const id = await a.enqueue(elsewhere, {});

      await harness.passTime(1000);
      expect(performed).toEqual([]);
      expect((await a.deadLetters()).map((d) => d.id)).not.toContain(id);

      const b = await open();
      b.register(elsewhere);
      await b.start();
      await eventually(() => performed.length === 1);
    });

    it('shares jobs between two processes and never runs one twice', async () => {
      const runs = new Map<string, string[]>();
      const name = unique('shared');
      // One definition per process, as two processes would each load their own.
      const taskFor = (process: string) =>
        defineTask({
          name,
          schema: z.object({ i: z.number() }),
          perform: async (_payload, ctx) => {
            runs.set(ctx.jobId, [...(runs.get(ctx.jobId) ?? []), process]);
            await sleep(15);
          },
        });
      const a = await open();
      const b = await open();
      a.register(taskFor('a'));
      b.register(taskFor('b'));
      const ids: (string | null)[] = [];
      for (let i = 0; i < 24; i++) {
        ids.push(await a.enqueue(taskFor('enqueuer'), { i }));
      }
      await Promise.all([a.start({ concurrency: 3 }), b.start({ concurrency: 3 })]);

      await eventually(() => runs.size === 24, { timeoutMs: 15_000 });
      await settle();
      expect([...runs.keys()].sort()).toEqual([...ids].sort());
      expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    });

    it('stop() waits for an in-flight job to finish, and the job is not run again', async () => {
      const release = gate();
      const events: string[] = [];
      const task = defineTask({
        name: unique('in-flight'),
        schema: z.object({}),
        perform: async () => {
          events.push('started');
          await release.opened;
          events.push('finished');
        },
      });
      const a = await open();
      a.register(task);
      await a.start();
      await a.enqueue(task, {});
      await eventually(() => events.includes('started'));

      const stopped = a.stop({ timeoutMs: 10_000 }).then(() => events.push('stopped'));
      await sleep(300);
      expect(events).toEqual(['started']);
      release.open();
      await stopped;
      expect(events).toEqual(['started', 'finished', 'stopped']);

      const b = await open();
      b.register(task);
      await b.start();
      await harness.passTime(1500);
      expect(events.filter((e) => e === 'started')).toHaveLength(1);
    });

    it('stop() gives up after timeoutMs: it aborts the signal, and the job is retried later', async () => {
      const attempts: number[] = [];
      let abortReason = '';
      const task = defineTask({
        name: unique('stuck'),
        schema: z.object({}),
        retry: { limit: 2, backoffSeconds: 1 },
        perform: (_payload, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt > 1) {
            return Promise.resolve();
          }
          return new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => {
              abortReason = String(ctx.signal.reason);
              reject(new Error('aborted'));
            });
          });
        },
      });
      const a = await open();
      a.register(task);
      await a.start();
      await a.enqueue(task, {});
      await eventually(() => attempts.length === 1);

      const began = Date.now();
      await a.stop({ timeoutMs: 300 });
      expect(Date.now() - began).toBeLessThan(5000);
      expect(abortReason).toMatch(/stopped before the job finished/);

      const b = await open();
      b.register(task);
      await b.start();
      await eventually(() => attempts.length === 2, { stepMs: 250 });
      expect(attempts).toEqual([1, 2]);
    });

    it('fires a cron schedule once per slot across two processes, until it is unscheduled', async () => {
      const fired: number[] = [];
      const task = defineTask({
        name: unique('tick'),
        schema: z.object({ n: z.number() }),
        perform: record(fired, () => harness.now()),
      });
      const a = await open();
      const b = await open();
      a.register(task);
      b.register(task);
      await Promise.all([a.start(), b.start()]);
      const name = unique('every-second');

      const from = harness.now();
      await a.schedule({ name, cron: '* * * * * *', task, payload: { n: 1 } });
      await eventually(() => fired.length >= 2, { stepMs: 250 });
      await b.unschedule(name);
      const until = harness.now();
      await settle();
      const count = fired.length;
      // At most one run per second boundary crossed, although both processes poll the schedule.
      expect(count).toBeLessThanOrEqual(Math.floor(until / 1000) - Math.floor(from / 1000));
      await harness.passTime(1500); // an every-second schedule would have fired again by now
      expect(fired).toHaveLength(count);
    });
  });
}

const noop = (): Promise<void> => Promise.resolve();

const unique = (label: string): string => `contract.${label}.${randomBytes(4).toString('hex')}`;

/** A perform that records `value()` into `into`. */
function record<T>(into: T[], value: () => T): () => Promise<void> {
  return () => {
    into.push(value());
    return Promise.resolve();
  };
}

function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
}

/** A real pino logger writing into memory, so tests can read what was logged. */
function memoryLogger(): { logger: Logger; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
