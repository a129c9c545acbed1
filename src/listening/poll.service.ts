/**
 * One poll of a polled source — a feed (rss) or a Mastodon source: claim it (one process per due
 * poll), fetch what is new (a conditional GET; Mastodon's timelines from their cursors), ingest it,
 * then write the outcome on the source — validators or cursor (only after the items are stored, so a
 * crash re-reads rather than loses), next time, and on failure the reason and the failure count that
 * drives the backoff. A failing source never throws: its status says what went wrong. Only the
 * database failing does (the task is retried; the claim expires).
 */
import { isoNow } from '../core/clock.js';
import type { SecretBox } from '../core/secret-box.js';
import { accountsRepo } from '../publishing/accounts.repo.js';
import { ingestItems, type IngestResult } from './ingest.service.js';
import type { IncomingItem } from './items.js';
import type { ListeningDeps } from './listening.deps.js';
import { DEFAULT_FEED_TIMEOUT_MS, FeedError, fetchFeed } from './sources/feed.js';
import { MastodonError, pollMastodon } from './sources/mastodon.js';
import { DEFAULT_POLL_INTERVAL_SECONDS, nextPollDelaySeconds } from './sources/polling.js';
import { readMastodonCursor, readMastodonSettings } from './sources/source-settings.js';
import { sourcesRepo, type SourceRow } from './sources.repo.js';

export interface PollDeps extends ListeningDeps {
  /** The SSRF-guarded fetch (core/safe-fetch.ts), private networks allowed only by the operator. */
  fetch: typeof fetch;
  feedTimeoutMs?: number;
  /** Opens a linked account's sealed token (a Mastodon source reading its mentions). */
  secrets?: SecretBox;
}

/** How long a claimed poll holds its source before another process may take it over. */
export const POLL_CLAIM_SECONDS = 10 * 60;

/** The kinds polled by `listening.poll-sources` (Bluesky is streamed: streams/). */
export const POLLED_KINDS = ['rss', 'mastodon'] as const;

export type PollReport =
  | { status: 'skipped' }
  | { status: 'not-modified' }
  | { status: 'fetched'; ingest: IngestResult }
  | { status: 'failed'; error: string; nextPollAt: string };

const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** What a fetch brought: items (null: not modified) and what to remember for the next one. */
interface Fetched {
  items: IncomingItem[] | null;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
}

/** A failure of the source (not of Hearth), in words, with the wait the server asked for. */
class SourceFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

/** Polls one source if it is due (and not being polled elsewhere). */
export async function pollSource(deps: PollDeps, sourceId: string): Promise<PollReport> {
  const repo = sourcesRepo(deps.db);
  const source = await repo.findLive(sourceId);
  const now = isoNow(deps.clock);
  if (!source || !isPolled(source) || !(await repo.claimPoll(sourceId, now, addSeconds(now, POLL_CLAIM_SECONDS)))) {
    return { status: 'skipped' };
  }
  const interval = source.poll_interval_seconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  try {
    const fetched = await fetchSource(deps, source);
    const ingest = fetched.items === null ? null : await ingestItems(deps, source.workspace_id, source.id, fetched.items);
    const done = isoNow(deps.clock);
    await repo.recordPoll(source.id, {
      etag: fetched.etag,
      last_modified: fetched.lastModified,
      cursor: fetched.cursor,
      next_poll_at: addSeconds(done, nextPollDelaySeconds(interval, 0)),
      last_polled_at: done,
      last_success_at: done,
      last_error: null,
      error_count: 0,
      updated_at: done,
    });
    if (ingest && ingest.rejected.length > 0) {
      deps.logger.info({ sourceId, rejected: ingest.rejected.length, first: ingest.rejected[0]?.reason }, 'source items refused');
    }
    return ingest ? { status: 'fetched', ingest } : { status: 'not-modified' };
  } catch (error) {
    if (!(error instanceof SourceFailure)) {
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
    deps.logger.info({ sourceId, failures, nextPollAt, reason: error.message }, 'source poll failed');
    return { status: 'failed', error: error.message, nextPollAt };
  }
}

function isPolled(source: SourceRow): boolean {
  return (POLLED_KINDS as readonly string[]).includes(source.kind);
}

async function fetchSource(deps: PollDeps, source: SourceRow): Promise<Fetched> {
  if (source.kind === 'mastodon') {
    return fetchMastodonSource(deps, source);
  }
  if (source.url === null) {
    throw new SourceFailure('The feed has no address', null);
  }
  try {
    const response = await fetchFeed(
      deps.fetch,
      { url: source.url, etag: source.etag, lastModified: source.last_modified },
      { timeoutMs: deps.feedTimeoutMs ?? DEFAULT_FEED_TIMEOUT_MS, now: deps.clock.now() },
    );
    return {
      items: response.status === 'ok' ? response.items : null,
      etag: response.etag,
      lastModified: response.lastModified,
      cursor: source.cursor,
    };
  } catch (error) {
    if (error instanceof FeedError) {
      throw new SourceFailure(error.message, error.retryAfterSeconds);
    }
    throw error;
  }
}

async function fetchMastodonSource(deps: PollDeps, source: SourceRow): Promise<Fetched> {
  let settings;
  try {
    settings = readMastodonSettings(source.settings);
  } catch {
    throw new SourceFailure('The source’s settings cannot be read: remove it and add it again', null);
  }
  let account: { instanceUrl: string; accessToken: string; accountId: string } | null = null;
  if (settings.accountId) {
    const row = await accountsRepo(deps.db).find(source.workspace_id, settings.accountId);
    if (!row || row.network !== 'mastodon') {
      throw new SourceFailure('The linked Mastodon account is no longer connected: link another one or none', null);
    }
    if (!deps.secrets) {
      throw new SourceFailure('This process cannot open account tokens (no secret key given to listening)', null);
    }
    let credentials: { instanceUrl?: unknown; accessToken?: unknown };
    try {
      credentials = JSON.parse(deps.secrets.decrypt(row.credentials)) as typeof credentials;
    } catch {
      throw new SourceFailure('The linked Mastodon account’s token cannot be opened (was the secret key changed?): connect it again', null);
    }
    if (typeof credentials.instanceUrl !== 'string' || typeof credentials.accessToken !== 'string') {
      throw new SourceFailure('The linked Mastodon account’s credentials are incomplete: connect it again', null);
    }
    account = { instanceUrl: credentials.instanceUrl, accessToken: credentials.accessToken, accountId: row.external_id };
  }
  try {
    const result = await pollMastodon(
      deps.fetch,
      { settings, cursor: readMastodonCursor(source.cursor), account },
      { timeoutMs: deps.feedTimeoutMs ?? DEFAULT_FEED_TIMEOUT_MS, now: deps.clock.now() },
    );
    return { items: result.items, etag: null, lastModified: null, cursor: JSON.stringify(result.cursor) };
  } catch (error) {
    if (error instanceof MastodonError) {
      throw new SourceFailure(error.message, error.retryAfterSeconds);
    }
    throw error;
  }
}

/** Ids of the polled sources due now. */
export async function dueSources(deps: Pick<ListeningDeps, 'db' | 'clock'>, limit = 200): Promise<string[]> {
  return sourcesRepo(deps.db).due(isoNow(deps.clock), limit, POLLED_KINDS);
}
