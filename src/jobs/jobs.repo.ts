import type { Kysely, Selectable } from 'kysely';
import { newId } from '../core/ids.js';
import type { Database, JobStatus, JobsTable } from '../db/schema.js';

export type JobRow = Selectable<JobsTable>;
export type ClaimCandidate = Pick<
  JobRow,
  'id' | 'task' | 'payload' | 'status' | 'attempts' | 'retry_limit' | 'backoff_seconds' | 'locked_until'
>;

export interface NewJob {
  task: string;
  /** JSON text. */
  payload: string;
  runAt: string;
  singletonKey: string | null;
  retryLimit: number;
  backoffSeconds: number;
  now: string;
}

/** SQL of the embedded queue's `jobs` table. Every change of state is a conditional UPDATE, safe across processes. */
export function jobsRepo(db: Kysely<Database>) {
  const updated = (result: { numUpdatedRows: bigint }): boolean => result.numUpdatedRows === 1n;

  return {
    /** Inserts a queued job; null when a live job of the task holds the same singleton key (unique index). */
    async insert(job: NewJob): Promise<string | null> {
      const row = await db
        .insertInto('jobs')
        .values({
          id: newId(),
          task: job.task,
          payload: job.payload,
          status: 'queued',
          run_at: job.runAt,
          attempts: 0,
          retry_limit: job.retryLimit,
          backoff_seconds: job.backoffSeconds,
          singleton_key: job.singletonKey,
          created_at: job.now,
        })
        // The primary key is fresh, so the only possible conflict is jobs_singleton_idx.
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Jobs of these tasks that are due, or whose lease ran out (their process died), oldest first. */
    findClaimable: (tasks: readonly string[], now: string, limit: number): Promise<ClaimCandidate[]> =>
      db
        .selectFrom('jobs')
        .select([
          'id',
          'task',
          'payload',
          'status',
          'attempts',
          'retry_limit',
          'backoff_seconds',
          'locked_until',
        ])
        .where('task', 'in', tasks)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit)
        .execute(),

    /**
     * Leases a candidate to `workerId`. The WHERE repeats what was read (status, attempts, lease), so of
     * two processes claiming the same job only the first UPDATE matches a row.
     */
    async claim(
      candidate: ClaimCandidate,
      workerId: string,
      lockedUntil: string,
      expiredLeaseError: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({
          status: 'running',
          attempts: candidate.attempts + 1,
          locked_by: workerId,
          locked_until: lockedUntil,
          ...(candidate.status === 'running' ? { last_error: expiredLeaseError } : {}),
        })
        .where('id', '=', candidate.id)
        .where('status', '=', candidate.status)
        .where('attempts', '=', candidate.attempts)
        .where((eb) =>
          candidate.locked_until === null
            ? eb('locked_until', 'is', null)
            : eb('locked_until', '=', candidate.locked_until),
        )
        .executeTakeFirst();
      return updated(result);
    },

    /** Makes a job whose last allowed attempt lost its lease a dead letter (same optimistic check as claim). */
    async buryExpired(candidate: ClaimCandidate, now: string, error: string): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'dead', locked_by: null, locked_until: null, last_error: error, finished_at: now })
        .where('id', '=', candidate.id)
        .where('status', '=', 'running')
        .where('attempts', '=', candidate.attempts)
        .where('locked_until', '=', candidate.locked_until)
        .executeTakeFirst();
      return updated(result);
    },

    /** Ends an attempt this worker still holds; a no-op if another process has taken the job since. */
    async finish(
      lease: { id: string; workerId: string; attempt: number },
      outcome:
        | { status: Extract<JobStatus, 'completed' | 'dead'>; at: string; error?: string }
        | { status: 'queued'; runAt: string; error: string },
    ): Promise<boolean> {
      const changes =
        outcome.status === 'queued'
          ? { status: outcome.status, run_at: outcome.runAt, last_error: outcome.error }
          : {
              status: outcome.status,
              finished_at: outcome.at,
              ...(outcome.error ? { last_error: outcome.error } : {}),
            };
      const result = await db
        .updateTable('jobs')
        .set({ ...changes, locked_by: null, locked_until: null })
        .where('id', '=', lease.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', lease.workerId)
        .where('attempts', '=', lease.attempt)
        .executeTakeFirst();
      return updated(result);
    },

    deadLetters: (limit: number) =>
      db
        .selectFrom('jobs')
        .select(['id', 'task', 'payload', 'attempts', 'last_error', 'finished_at'])
        .where('status', '=', 'dead')
        .orderBy('finished_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    /** Deletes finished jobs of one status older than `before`; returns how many. */
    async deleteFinished(status: Extract<JobStatus, 'completed' | 'dead'>, before: string): Promise<number> {
      const result = await db
        .deleteFrom('jobs')
        .where('status', '=', status)
        .where('finished_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type JobsRepo = ReturnType<typeof jobsRepo>;
