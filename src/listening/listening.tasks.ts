/**
 * Listening's background work: every minute, `listening.poll-sources` finds the polled sources (feeds,
 * Mastodon) that are due and queues one `listening.poll-source` job for each (singleton per source, so
 * a slow source is never polled twice at once); each job polls its source (poll.service.ts). Bluesky
 * sources are streamed instead (streams/streams.tasks.ts). Every 30 seconds,
 * `listening.feed-originality` indexes the mentions stored since (originality-feed.service.ts).
 */
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.js';
import { defineTask, type AnyTask } from '../jobs/task.js';
import { feedOriginality } from './originality-feed.service.js';
import { dueSources, POLL_CLAIM_SECONDS, pollSource, type PollDeps } from './poll.service.js';

export interface Listening {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/** Listening's tasks, wired to the queue that runs them. */
export function createListening(deps: PollDeps, queue: JobQueue): Listening {
  const pollOne = defineTask({
    name: 'listening.poll-source',
    schema: z.object({ sourceId: z.string().min(1) }),
    // A failing feed is not a failed job (its status says why): only database errors are retried.
    retry: { limit: 2, backoffSeconds: 30 },
    leaseSeconds: POLL_CLAIM_SECONDS,
    async perform({ sourceId }, ctx) {
      const report = await pollSource(deps, sourceId);
      if (report.status === 'fetched' && report.ingest.stored > 0) {
        ctx.logger.info({ sourceId, stored: report.ingest.stored, duplicates: report.ingest.duplicates }, 'feed items stored');
      }
    },
  });
  const pollDue = defineTask({
    name: 'listening.poll-sources',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 60,
    async perform(_payload, ctx) {
      const due = await dueSources(deps);
      let queued = 0;
      for (const sourceId of due) {
        if ((await queue.enqueue(pollOne, { sourceId }, { singletonKey: sourceId })) !== null) {
          queued += 1;
        }
      }
      if (queued > 0) {
        ctx.logger.info({ queued }, 'queued due source polls');
      }
    },
  });
  const originality = defineTask({
    name: 'listening.feed-originality',
    schema: z.object({}),
    retry: { limit: 0, backoffSeconds: 0 },
    leaseSeconds: 300,
    async perform(_payload, ctx) {
      // Within the lease; what is left is taken by the next run.
      const report = await feedOriginality(deps, { budgetMs: 240_000 });
      if (report.indexed + report.skipped > 0) {
        ctx.logger.info(report, 'mentions added to the originality index');
      }
    },
  });
  return {
    tasks: [pollOne, pollDue, originality] as AnyTask[],
    async schedule(target) {
      await target.schedule({ name: 'listening.poll-sources', cron: '* * * * *', task: pollDue, payload: {} });
      await target.schedule({ name: 'listening.feed-originality', cron: '*/30 * * * * *', task: originality, payload: {} });
    },
  };
}
