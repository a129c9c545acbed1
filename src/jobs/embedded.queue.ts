import { hostname } from 'node:os';
import { systemClock, type Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/database.js';
import { jobsRepo, type ClaimCandidate, type JobsRepo } from './jobs.repo.js';
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
import { JobRunner, type ClaimedJob, type JobStore } from './runner.js';
import { CronScheduler } from './scheduler.js';
import {
  backoffMs,
  parsePayload,
  payloadFromJson,
  payloadToJson,
  type AnyTask,
  type TaskDefinition,
} from './task.js';
import { TaskRegistry } from './task-registry.js';

export interface EmbeddedQueueOptions {
  logger: Logger;
  /** Source of now for run times, leases, backoff and cron (tests move it). */
  clock?: Clock;
  /** How often to look for due jobs when idle (default 500 ms). */
  pollIntervalMs?: number;
}

export const DEFAULT_EMBEDDED_POLL_MS = 500;
const LEASE_EXPIRED = 'its lease ran out before it finished (the process stopped or crashed)';
// Finished jobs are kept a while for inspection, then swept (at most once an hour, by any process).
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const KEEP_COMPLETED_MS = 24 * 60 * 60 * 1000;
const KEEP_DEAD_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The queue for one machine: jobs in the app database's `jobs` table, polled in-process. Claims
 * and outcomes are conditional UPDATEs, so a second process on the same file (`hearth worker`)
 * shares the work safely, and a job whose process died is claimed again once its lease ends.
 */
export class EmbeddedJobQueue implements JobQueue {
  private readonly tasks = new TaskRegistry();
  private readonly repo: JobsRepo;
  private readonly scheduler: CronScheduler;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Unique per queue instance, so two queues in one process are two workers. */
  private readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private runner: JobRunner | undefined;
  private stopped = false;
  private lastSweepAt = 0;

  constructor(
    db: Db,
    private readonly options: EmbeddedQueueOptions,
  ) {
    this.repo = jobsRepo(db.kysely);
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger.child({ component: 'jobs', worker: this.workerId });
    this.scheduler = new CronScheduler(db.kysely, this.clock, this.logger);
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
    const json = payloadToJson(task.name, parsePayload(task, payload));
    const now = this.clock.now();
    const runAt = options.runAt ?? now;
    const id = await this.repo.insert({
      task: task.name,
      payload: json,
      runAt: runAt.toISOString(),
      singletonKey: options.singletonKey ?? null,
      retryLimit: task.retry.limit,
      backoffSeconds: task.retry.backoffSeconds,
      now: now.toISOString(),
    });
    if (id !== null && runAt <= now && this.tasks.has(task.name)) {
      this.runner?.wake();
    }
    return id;
  }

  schedule<P>(definition: ScheduleDefinition<P>): Promise<void> {
    return this.scheduler.schedule(definition);
  }

  unschedule(name: string): Promise<void> {
    return this.scheduler.unschedule(name);
  }

  start(options: StartOptions = {}): Promise<void> {
    if (this.stopped) {
      return Promise.reject(new Error('This job queue was stopped; open a new one'));
    }
    this.runner = new JobRunner({
      store: this.store(),
      tasks: this.tasks,
      logger: this.logger,
      pollIntervalMs: this.options.pollIntervalMs ?? DEFAULT_EMBEDDED_POLL_MS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      beforePoll: () => this.beforePoll(),
    });
    this.runner.start();
    return Promise.resolve();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopped = true;
    await this.runner?.stop(options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
  }

  async deadLetters(options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const rows = await this.repo.deadLetters(options.limit ?? 100);
    return rows.map((row) => ({
      id: row.id,
      task: row.task,
      payload: payloadFromJson(row.payload),
      attempts: row.attempts,
      lastError: row.last_error ?? '',
      failedAt: row.finished_at ?? '',
    }));
  }

  private store(): JobStore {
    return {
      claim: (tasks, limit) => this.claim(tasks, limit),
      complete: async (job) => {
        this.warnIfLost(
          job,
          await this.repo.finish(this.lease(job), {
            status: 'completed',
            at: this.clock.now().toISOString(),
          }),
        );
      },
      fail: async (job, message) => {
        const now = this.clock.now();
        const outcome =
          job.attempt <= job.retryLimit
            ? {
                status: 'queued' as const,
                runAt: new Date(now.getTime() + backoffMs(job, job.attempt)).toISOString(),
                error: message,
              }
            : { status: 'dead' as const, at: now.toISOString(), error: message };
        this.warnIfLost(job, await this.repo.finish(this.lease(job), outcome));
      },
    };
  }

  private warnIfLost(job: ClaimedJob, recorded: boolean): void {
    if (!recorded) {
      this.logger.warn(
        { task: job.task, jobId: job.id, attempt: job.attempt },
        'job outcome not recorded: its lease had run out and another worker has taken it',
      );
    }
  }

  private lease(job: ClaimedJob): { id: string; workerId: string; attempt: number } {
    return { id: job.id, workerId: this.workerId, attempt: job.attempt };
  }

  private async claim(tasks: readonly AnyTask[], limit: number): Promise<ClaimedJob[]> {
    const now = this.clock.now();
    const byName = new Map(tasks.map((task) => [task.name, task]));
    const claimed: ClaimedJob[] = [];
    for (const candidate of await this.repo.findClaimable([...byName.keys()], now.toISOString(), limit)) {
      const task = byName.get(candidate.task);
      if (task && (await this.claimOne(candidate, task, now))) {
        claimed.push({
          id: candidate.id,
          task: candidate.task,
          payload: payloadFromJson(candidate.payload),
          attempt: candidate.attempts + 1,
          retryLimit: candidate.retry_limit,
          backoffSeconds: candidate.backoff_seconds,
        });
      }
    }
    return claimed;
  }

  /** Leases one candidate; false when another process got it first (or it was buried instead). */
  private async claimOne(candidate: ClaimCandidate, task: AnyTask, now: Date): Promise<boolean> {
    const logger = this.logger.child({
      task: candidate.task,
      jobId: candidate.id,
      attempt: candidate.attempts,
    });
    const leaseExpired = candidate.status === 'running';
    if (leaseExpired && candidate.attempts > candidate.retry_limit) {
      if (await this.repo.buryExpired(candidate, now.toISOString(), LEASE_EXPIRED)) {
        logger.error({ error: LEASE_EXPIRED }, 'job failed with no retries left; it is now a dead letter');
      }
      return false;
    }
    const lockedUntil = new Date(now.getTime() + task.leaseSeconds * 1000).toISOString();
    const won = await this.repo.claim(candidate, this.workerId, lockedUntil, LEASE_EXPIRED);
    if (won && leaseExpired) {
      logger.warn({ error: LEASE_EXPIRED }, 'job failed; it will be retried');
    }
    return won;
  }

  private async beforePoll(): Promise<void> {
    await this.scheduler.fireDue(this.tasks, (task, payload, options) =>
      this.enqueue(task, payload, options),
    );
    const now = this.clock.now().getTime();
    if (now - this.lastSweepAt >= SWEEP_EVERY_MS) {
      this.lastSweepAt = now;
      await this.repo.deleteFinished('completed', new Date(now - KEEP_COMPLETED_MS).toISOString());
      await this.repo.deleteFinished('dead', new Date(now - KEEP_DEAD_MS).toISOString());
    }
  }
}
