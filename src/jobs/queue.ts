import type { AnyTask, TaskDefinition } from './task.js';

/**
 * The job queue port. Two backends implement it and pass the same contract suite
 * (queue.contract.ts): embedded (SQLite table, polled in-process) and pg-boss (PostgreSQL).
 */
export interface JobQueue {
  /** Declares the tasks this process performs; call before start(). Jobs of other tasks stay queued for others. */
  register(...tasks: AnyTask[]): void;
  /**
   * Validates the payload (throws InvalidJobPayloadError) and queues one job. Returns its id, or null
   * when `singletonKey` matched a job of the same task that is still queued or running.
   */
  enqueue<P>(task: TaskDefinition<P>, payload: P, options?: EnqueueOptions): Promise<string | null>;
  /** Creates or replaces the named cron schedule; each slot enqueues one job, whichever process fires it. */
  schedule<P>(definition: ScheduleDefinition<P>): Promise<void>;
  unschedule(name: string): Promise<void>;
  /** Begins claiming and performing jobs of the registered tasks (and firing their schedules). */
  start(options?: StartOptions): Promise<void>;
  /** Stops claiming, waits for in-flight jobs (up to timeoutMs, then aborts and fails them), then releases. */
  stop(options?: StopOptions): Promise<void>;
  /** Jobs whose retries are exhausted, most recent first. */
  deadLetters(options?: { limit?: number }): Promise<DeadLetter[]>;
}

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one queued or running job of this task with this key. */
  singletonKey?: string;
}

export interface ScheduleDefinition<P> {
  /** Unique across the installation: scheduling the same name again replaces it. */
  name: string;
  /** Five fields (minute precision) or six (with seconds first), as cron-parser reads them. */
  cron: string;
  task: TaskDefinition<P>;
  payload: P;
  /** IANA time zone the expression is read in (default UTC), so "0 9 * * 1" stays 9:00 across DST. */
  timeZone?: string;
}

export interface StartOptions {
  /** Jobs this process runs at once (default 4). */
  concurrency?: number;
}

export interface StopOptions {
  /** How long to wait for in-flight jobs (default 30 s). */
  timeoutMs?: number;
}

export interface DeadLetter {
  id: string;
  task: string;
  payload: unknown;
  attempts: number;
  lastError: string;
  /** UTC ISO-8601. */
  failedAt: string;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;
