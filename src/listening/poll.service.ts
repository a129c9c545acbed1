/**
 * One poll of a feed source: claim it (one process per due poll), fetch it conditionally, ingest
 * what it holds, and write the outcome on the source — validators, next time, and on failure the
 * reason and the failure count that drives the backoff. A failing feed never throws: its status says
 * what went wrong. Only the database failing does (the task is retried; the claim expires).
 */
import { isoNow } from '../core/clock.js';
import { ingestItems, type IngestResult } from './ingest.service.js';
import type { ListeningDeps } from './listening.deps.js';
import { DEFAULT_FEED_TIMEOUT_MS, FeedError, fetchFeed } from './sources/feed.js';
import { DEFAULT_POLL_INTERVAL_SECONDS, nextPollDelaySeconds } from './sources/polling.js';
import { sourcesRepo } from './sources.repo.js';

export interface PollDeps extends ListeningDeps {
  /** The SSRF-guarded fetch (core/safe-fetch.ts), private networks allowed only by the operator. */
  fetch: typeof fetch;
  feedTimeoutMs?: number;
}

/** How long a claimed poll holds its source before another process may take it over. */
export const POLL_CLAIM_SECONDS = 10 * 60;

export type PollReport =
  | { status: 'skipped' }
  | { status: 'not-modified' }
  | { status: 'fetched'; ingest: IngestResult }
  | { status: 'failed'; error: string; nextPollAt: string };

const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** Polls one feed source if it is due (and not being polled elsewhere). */
export async function pollSource(deps: PollDeps, sourceId: string): Promise<PollReport> {
  const repo = sourcesRepo(deps.db);
  const source = await repo.findLive(sourceId);
  const now = isoNow(deps.clock);
  if (!source || source.kind !== 'rss' || source.url === null || !(await repo.claimPoll(sourceId, now, addSeconds(now, POLL_CLAIM_SECONDS)))) {
    return { status: 'skipped' };
  }
  const interval = source.poll_interval_seconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  try {
    const response = await fetchFeed(
      deps.fetch,
      { url: source.url, etag: source.etag, lastModified: source.last_modified },
      { timeoutMs: deps.feedTimeoutMs ?? DEFAULT_FEED_TIMEOUT_MS, now: deps.clock.now() },
    );
    const ingest = response.status === 'ok' ? await ingestItems(deps, source.workspace_id, source.id, response.items) : null;
    const done = isoNow(deps.clock);
    await repo.recordPoll(source.id, {
      etag: response.etag,
      last_modified: response.lastModified,
      next_poll_at: addSeconds(done, nextPollDelaySeconds(interval, 0)),
      last_polled_at: done,
      last_success_at: done,
      last_error: null,
      error_count: 0,
      updated_at: done,
    });
    if (ingest && ingest.rejected.length > 0) {
      deps.logger.info({ sourceId, rejected: ingest.rejected.length, first: ingest.rejected[0]?.reason }, 'feed entries refused');
    }
    return ingest ? { status: 'fetched', ingest } : { status: 'not-modified' };
  } catch (error) {
    if (!(error instanceof FeedError)) {
      throw error;
    }
    const done = isoNow(deps.clock);
    const failures = source.error_count + 1;
    const nextPollAt = addSeconds(done, nextPollDelaySeconds(interval, failures, error.retryAfterSeconds));
    await repo.recordPoll(source.id, {
      etag: source.etag,
      last_modified: source.last_modified,
      next_poll_at: nextPollAt,
      last_polled_at: done,
      last_success_at: source.last_success_at,
      last_error: error.message,
      error_count: failures,
      updated_at: done,
    });
    deps.logger.info({ sourceId, failures, nextPollAt, reason: error.message }, 'feed poll failed');
    return { status: 'failed', error: error.message, nextPollAt };
  }
}

/** Ids of the feed sources due now. */
export async function dueSources(deps: Pick<ListeningDeps, 'db' | 'clock'>, limit = 200): Promise<string[]> {
  return sourcesRepo(deps.db).due(isoNow(deps.clock), limit);
}
