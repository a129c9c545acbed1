import type { Logger } from '../core/logger.js';
import { parsePayload, type AnyTask } from './task.js';
import type { TaskRegistry } from './task-registry.js';

/** One attempt of a job, leased to this process. */
export interface ClaimedJob {
  id: string;
  task: string;
  payload: unknown;
  /** 1-based. */
  attempt: number;
  /** Retries allowed after the first attempt, as recorded with the job. */
  retryLimit: number;
  /** Delay before the first retry, as recorded with the job. */
  backoffSeconds: number;
}

/** What a queue backend provides to the runner: lease due jobs, record how each attempt ended. */
export interface JobStore {
  /** Leases up to `limit` due jobs of these tasks, each for its task's leaseSeconds. */
  claim(tasks: readonly AnyTask[], limit: number): Promise<ClaimedJob[]>;
  complete(job: ClaimedJob): Promise<void>;
  /** Records a failed attempt: retried with backoff while retries remain, a dead letter after. */
  fail(job: ClaimedJob, message: string): Promise<void>;
}

export interface RunnerOptions {
  store: JobStore;
  tasks: TaskRegistry;
  logger: Logger;
  pollIntervalMs: number;
  concurrency: number;
  /** Runs before each claim (cron schedules, housekeeping); its errors are logged, never thrown. */
  beforePoll?: () => Promise<void>;
}

interface InFlight {
  job: ClaimedJob;
  task: AnyTask | undefined;
  controller: AbortController;
  leaseTimer: NodeJS.Timeout | undefined;
  /** Set once the outcome is recorded or given up on: a result that comes later is ignored. */
  settled: boolean;
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The worker loop both backends share, so they behave alike: poll, claim up to `concurrency` jobs,
 * validate each payload again, perform it under an AbortSignal tied to its lease, record the outcome,
 * and on stop wait for what is in flight.
 */
export class JobRunner {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Map<string, InFlight>();
  private woken = false;
  private interruptSleep: (() => void) | undefined;
  private readonly drainWaiters: (() => void)[] = [];

  constructor(private readonly options: RunnerOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new Error(`concurrency must be a whole number of at least 1, got ${options.concurrency}`);
    }
  }

  start(): void {
    if (this.loop) {
      throw new Error('The job queue is already started');
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Polls now instead of at the next interval (a job was just enqueued, or a slot freed). */
  wake(): void {
    this.woken = true;
    this.interruptSleep?.();
  }

  /** Stops claiming, waits up to `timeoutMs` for in-flight jobs, then aborts and fails the rest. */
  async stop(timeoutMs: number): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    if (!(await this.drain(timeoutMs))) {
      await Promise.all(
        [...this.inFlight.values()].map((entry) =>
          this.giveUp(entry, 'the queue stopped before the job finished'),
        ),
      );
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      await this.poll();
      if (this.running && !this.woken) {
        await this.sleep(this.options.pollIntervalMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = done;
    });
  }

  private async poll(): Promise<void> {
    const { store, tasks, logger, beforePoll, concurrency } = this.options;
    try {
      await beforePoll?.();
    } catch (error) {
      logger.error({ error: errorMessage(error) }, 'job scheduling or housekeeping failed');
    }
    const free = concurrency - this.inFlight.size;
    const registered = tasks.all();
    if (!this.running || free <= 0 || registered.length === 0) {
      return;
    }
    try {
      // Jobs claimed while stop() began are ours (leased): they run, and stop() waits for them.
      for (const job of await store.claim(registered, free)) {
        this.launch(job);
      }
    } catch (error) {
      logger.error({ error: errorMessage(error) }, 'claiming jobs failed');
    }
  }

  private launch(job: ClaimedJob): void {
    const task = this.options.tasks.get(job.task);
    const entry: InFlight = {
      job,
      task,
      controller: new AbortController(),
      leaseTimer: undefined,
      settled: false,
    };
    if (task) {
      entry.leaseTimer = setTimeout(() => {
        void this.giveUp(entry, `its lease of ${task.leaseSeconds} s ran out before it finished`);
      }, task.leaseSeconds * 1000);
    }
    this.inFlight.set(job.id, entry);
    void this.execute(entry);
  }

  private async execute(entry: InFlight): Promise<void> {
    const { job, task } = entry;
    const logger = this.jobLogger(job);
    let failure: string | undefined;
    try {
      if (!task) {
        throw new Error(`task "${job.task}" is not registered in this process`);
      }
      // Validated again: the job may have been enqueued by an older version with another schema.
      const payload = parsePayload(task, job.payload);
      logger.debug('job started');
      await task.perform(payload, {
        jobId: job.id,
        attempt: job.attempt,
        logger,
        signal: entry.controller.signal,
      });
    } catch (error) {
      failure = errorMessage(error);
    }
    if (entry.settled) {
      logger.warn('job ended after its lease ran out or the queue stopped; its result is ignored');
      return;
    }
    entry.settled = true;
    clearTimeout(entry.leaseTimer);
    await this.record(entry, failure);
  }

  /** Ends an attempt that is still running: its signal aborts and it counts as failed. */
  private async giveUp(entry: InFlight, reason: string): Promise<void> {
    if (entry.settled) {
      return;
    }
    entry.settled = true;
    clearTimeout(entry.leaseTimer);
    entry.controller.abort(new Error(reason));
    await this.record(entry, reason);
  }

  private async record(entry: InFlight, failure: string | undefined): Promise<void> {
    const { job } = entry;
    const logger = this.jobLogger(job);
    try {
      if (failure === undefined) {
        await this.options.store.complete(job);
        logger.debug('job completed');
      } else {
        await this.options.store.fail(job, failure);
        // Only the message: a payload (or an error object holding it) may carry secrets.
        if (job.attempt <= job.retryLimit) {
          logger.warn({ error: failure }, 'job failed; it will be retried');
        } else {
          logger.error({ error: failure }, 'job failed with no retries left; it is now a dead letter');
        }
      }
    } catch (error) {
      logger.error(
        { error: errorMessage(error) },
        'could not record how a job ended; it runs again when its lease expires',
      );
    } finally {
      this.inFlight.delete(job.id);
      if (this.inFlight.size === 0) {
        this.drainWaiters.splice(0).forEach((resolve) => resolve());
      }
      if (this.running) {
        this.wake();
      }
    }
  }

  private drain(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private jobLogger(job: ClaimedJob): Logger {
    return this.options.logger.child({ task: job.task, jobId: job.id, attempt: job.attempt });
  }
}
