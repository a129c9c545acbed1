import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { systemClock, type Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/database.js';
import { pgBossRepo } from './pgboss.repo.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_STOP_TIMEOUT_MS,
  type DeadLetter,
  type EnqueueOptions,
  type JobQueue,
  type ScheduleDefinition,
  type StartOptions,
  type StopOptions,
} from './queue.js';
import { JobRunner, errorMessage, type ClaimedJob, type JobStore } from './runner.js';
import { CronScheduler } from './scheduler.js';
import { parsePayload, type AnyTask, type TaskDefinition } from './task.js';
import { TaskRegistry } from './task-registry.js';

export interface PgBossQueueOptions {
  logger: Logger;
  /**
   * Source of now for cron schedules only: pg-boss compares run times, retries and leases with
   * PostgreSQL's now(), which no test can move.
   */
  clock?: Clock;
  /** How often to look for due jobs when idle (default 1000 ms). */
  pollIntervalMs?: number;
  /** The schema pg-boss creates and keeps its tables in (default "pgboss"). */
  schema?: string;
}

export const DEFAULT_PGBOSS_POLL_MS = 1000;
export const DEFAULT_PGBOSS_SCHEMA = 'pgboss';

/** pg-boss keeps `data` as a JSON object: the payload (any JSON value) is wrapped in one. */
interface JobData {
  payload?: unknown;
}

/**
 * The queue for PostgreSQL: pg-boss 10, one pg-boss queue per task. `hearth serve` and any number of
 * `hearth worker` processes share the work (pg-boss fetches with FOR UPDATE SKIP LOCKED). pg-boss
 * keeps retries (retryLimit, retryDelay, retryBackoff), leases (expireInSeconds) and failed jobs;
 * the shared JobRunner fetches and performs, so concurrency and stop() behave as on the embedded queue.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly schema: string;
  private readonly tasks = new TaskRegistry();
  private readonly scheduler: CronScheduler;
  private readonly logger: Logger;
  private readonly queues = new Map<string, Promise<void>>();
  private booting: Promise<unknown> | undefined;
  private runner: JobRunner | undefined;
  private stopped = false;
  /** Which task's queue is fetched first, rotated so that one busy task cannot starve the others. */
  private rotation = 0;

  constructor(
    private readonly db: Db,
    private readonly options: PgBossQueueOptions,
  ) {
    if (db.dialect !== 'postgres' || !db.postgresUrl) {
      throw new Error('The pg-boss job queue needs a PostgreSQL database');
    }
    this.schema = options.schema ?? DEFAULT_PGBOSS_SCHEMA;
    this.logger = options.logger.child({ component: 'jobs' });
    this.scheduler = new CronScheduler(db.kysely, options.clock ?? systemClock, this.logger);
    this.boss = new PgBoss({
      connectionString: db.postgresUrl,
      schema: this.schema,
      application_name: 'hearth-jobs',
      max: 4,
      // Cron runs in CronScheduler (several schedules per task, time zones, one code path for both backends).
      schedule: false,
      // Maintenance fails jobs whose lease (expireInSeconds) ran out, so another process retries them;
      // every 15 s rather than pg-boss's 120 s, so a killed worker's jobs come back quickly.
      supervise: true,
      maintenanceIntervalSeconds: 15,
      migrate: true,
    });
    // Without a listener an 'error' event would throw; these are pool or maintenance errors.
    this.boss.on('error', (error) =>
      this.logger.error({ error: errorMessage(error) }, 'pg-boss reported an error'),
    );
  }

  register(...tasks: AnyTask[]): void {
    if (this.runner) {
      throw new Error('Register tasks before start()');
    }
    this.tasks.add(tasks);
  }

  async enqueue<P>(
    task: TaskDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const data: JobData = { payload: parsePayload(task, payload) };
    await this.ensureQueue(task.name);
    const sendOptions: PgBoss.SendOptions = {
      retryLimit: task.retry.limit,
      retryDelay: task.retry.backoffSeconds,
      // pg-boss waits retryDelay * 2^(n-1) before retry n, plus up to as much again of random jitter.
      retryBackoff: task.retry.backoffSeconds > 0,
      expireInSeconds: task.leaseSeconds,
      ...(options.runAt ? { startAfter: options.runAt } : {}),
    };
    const key = options.singletonKey;
    if (key === undefined) {
      return await this.boss.send(task.name, data, sendOptions);
    }
    // pg-boss 10 only deduplicates keys on "short"/"stately" queues, and those also cap jobs without a
    // key at one. So: a standard queue, and the check-then-send made atomic by an advisory lock.
    return await this.db.kysely.transaction().execute(async (trx) => {
      const repo = pgBossRepo(trx, this.schema);
      await repo.lockSingleton(task.name, key);
      if (await repo.hasLiveJob(task.name, key)) {
        return null;
      }
      return await this.boss.send(task.name, data, {
        ...sendOptions,
        singletonKey: key,
        db: repo.asBossDb(),
      });
    });
  }

  async schedule<P>(definition: ScheduleDefinition<P>): Promise<void> {
    await this.scheduler.schedule(definition);
  }

  async unschedule(name: string): Promise<void> {
    await this.scheduler.unschedule(name);
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.runner) {
      throw new Error('The job queue is already started');
    }
    const runner = new JobRunner({
      store: this.store(),
      tasks: this.tasks,
      logger: this.logger,
      pollIntervalMs: this.options.pollIntervalMs ?? DEFAULT_PGBOSS_POLL_MS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      beforePoll: () =>
        this.scheduler.fireDue(this.tasks, (task, payload, opts) => this.enqueue(task, payload, opts)),
    });
    this.runner = runner;
    await Promise.all(this.tasks.names().map((name) => this.ensureQueue(name)));
    runner.start();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopped = true;
    const timeoutMs = options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    await this.runner?.stop(timeoutMs);
    await this.booting?.catch(() => undefined);
    // Our runner has drained; pg-boss itself then has nothing in flight and closes its pool.
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }

  async deadLetters(options: { limit?: number } = {}): Promise<DeadLetter[]> {
    await this.boot();
    const rows = await pgBossRepo(this.db.kysely, this.schema).deadLetters(options.limit ?? 100);
    return rows.map((row) => ({
      id: row.id,
      task: row.name,
      payload: row.data?.payload,
      attempts: row.retry_count + 1,
      lastError: readError(row.output),
      failedAt: row.completed_on.toISOString(),
    }));
  }

  /** Starts pg-boss once (creating or migrating its schema), on first use. */
  private async boot(): Promise<void> {
    if (this.stopped) {
      throw new Error('This job queue was stopped; open a new one');
    }
    this.booting ??= this.boss.start();
    await this.booting;
  }

  /** pg-boss 10 silently drops a job sent to a queue that does not exist: create it first, once. */
  private async ensureQueue(name: string): Promise<void> {
    let ensured = this.queues.get(name);
    if (!ensured) {
      ensured = this.createQueue(name);
      this.queues.set(name, ensured);
    }
    try {
      await ensured;
    } catch (error) {
      this.queues.delete(name);
      throw error;
    }
  }

  private async createQueue(name: string): Promise<void> {
    await this.boot();
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(name)) {
          return;
        }
        await this.boss.createQueue(name, { name, policy: 'standard' });
        return;
      } catch (error) {
        // Two processes creating one queue at once (serve and worker starting together) can deadlock
        // inside pg-boss's create_queue(): PostgreSQL aborts one of them, which then finds the queue made.
        if (!isDeadlock(error) || attempt >= 5) {
          throw error;
        }
        await sleep(20 * attempt + Math.random() * 50);
      }
    }
  }

  private store(): JobStore {
    return {
      claim: (tasks, limit) => this.claim(tasks, limit),
      complete: async (job) => {
        await this.boss.complete(job.task, job.id);
      },
      fail: async (job, message) => {
        await this.boss.fail(job.task, job.id, { message });
      },
    };
  }

  private async claim(tasks: readonly AnyTask[], limit: number): Promise<ClaimedJob[]> {
    const claimed: ClaimedJob[] = [];
    const first = this.rotation++ % tasks.length;
    for (const task of [...tasks.slice(first), ...tasks.slice(0, first)]) {
      const room = limit - claimed.length;
      if (room <= 0) {
        break;
      }
      const jobs = await this.boss.fetch<JobData | null>(task.name, {
        batchSize: room,
        includeMetadata: true,
      });
      for (const job of jobs) {
        claimed.push({
          id: job.id,
          task: job.name,
          payload: job.data?.payload,
          attempt: job.retryCount + 1,
          retryLimit: job.retryLimit,
          backoffSeconds: job.retryDelay,
        });
      }
    }
    return claimed;
  }
}

const isDeadlock = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '40P01';

/** pg-boss stores our `{ message }`, or `{ value: { message } }` when it failed the job itself (lease). */
function readError(output: unknown): string {
  if (typeof output === 'object' && output !== null) {
    if ('message' in output && typeof output.message === 'string') {
      return output.message;
    }
    if ('value' in output) {
      return readError(output.value);
    }
  }
  return output === null || output === undefined ? '' : JSON.stringify(output);
}
