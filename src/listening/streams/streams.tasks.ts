/**
 * Streaming sources on the job queue. A Bluesky source is read in windows: every 10 seconds
 * `listening.stream-sources` queues one `listening.stream-source` job per due Bluesky source (a
 * singleton per source: while a window runs, no second one is queued), and each job reads its
 * source's stream for STREAM_WINDOW_MS from the persisted cursor, then ends (bluesky-stream.service.ts).
 *
 * Why windows and not one endless job: a job that ends lets any process take the next one (a crashed
 * process costs one lease, not the source), keeps queue.stop() short, and re-reads the source's
 * settings, queries and accounts each time. Exactly one consumer per source holds because the window
 * claims the source in the database before connecting and fences every cursor write with that claim;
 * the singleton key only keeps the queue from piling up jobs. The lease outlasts the claim, which
 * outlasts the window (backfill and last flush included). Gaps between windows lose nothing: the
 * next window resumes from the cursor.
 *
 * Mastodon sources are polled like feeds (listening.tasks.ts, poll.service.ts).
 */
import { z } from 'zod';
import { isoNow } from '../../core/clock.js';
import type { JobQueue } from '../../jobs/queue.js';
import { defineTask, type AnyTask, type TaskDefinition } from '../../jobs/task.js';
import type { PollDeps } from '../poll.service.js';
import { sourcesRepo } from '../sources.repo.js';
import { handleResolversFor, streamBlueskySource } from './bluesky-stream.service.js';
import { shutdownSignal } from './shutdown.js';

export interface TaskGroup {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

export const STREAM_WINDOW_MS = 60_000;
/** The source's claim: window + backfill (bounded by its timeouts) + last flush. */
export const STREAM_CLAIM_SECONDS = 120;
const STREAM_LEASE_SECONDS = 150;

/** Streaming sources (Bluesky firehose). */
export function createListeningStreams(deps: PollDeps, queue: JobQueue): TaskGroup {
  const handles = handleResolversFor(deps.fetch);
  const streamOne: TaskDefinition<{ sourceId: string; turn?: number | undefined }> = defineTask({
    name: 'listening.stream-source',
    schema: z.object({ sourceId: z.string().min(1), turn: z.number().int().min(0).max(1).optional() }),
    // A failing stream is not a failed job (the source's status says why): only database errors retry.
    retry: { limit: 1, backoffSeconds: 10 },
    leaseSeconds: STREAM_LEASE_SECONDS,
    async perform({ sourceId, turn = 0 }, ctx) {
      const shutdown = shutdownSignal();
      const signal = AbortSignal.any([ctx.signal, shutdown.signal]);
      try {
        const report = await streamBlueskySource({ ...deps, handles }, sourceId, {
          windowMs: STREAM_WINDOW_MS,
          claimSeconds: STREAM_CLAIM_SECONDS,
          signal,
        });
        if (report.status === 'streamed' && report.stored > 0) {
          ctx.logger.info({ sourceId, stored: report.stored }, 'bluesky posts stored');
        }
        // The next window follows at once rather than at the next scan (up to 10 s later): mentions
        // keep arriving within seconds. It takes the other singleton key, this one being still held
        // by this job; a scan's window for the same source finds the claim taken and ends.
        if (report.status === 'streamed' && !signal.aborted) {
          const next = 1 - turn;
          await queue.enqueue(streamOne, { sourceId, turn: next }, { singletonKey: `${sourceId}#${next}` });
        }
      } finally {
        shutdown.dispose();
      }
    },
  });
  const streamDue = defineTask({
    name: 'listening.stream-sources',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 60,
    async perform() {
      const due = await sourcesRepo(deps.db).due(isoNow(deps.clock), 200, ['bluesky']);
      for (const sourceId of due) {
        await queue.enqueue(streamOne, { sourceId, turn: 0 }, { singletonKey: `${sourceId}#0` });
      }
    },
  });
  return {
    tasks: [streamOne, streamDue] as AnyTask[],
    async schedule(target) {
      await target.schedule({
        name: 'listening.stream-sources',
        cron: '*/10 * * * * *',
        task: streamDue,
        payload: {},
      });
    },
  };
}
