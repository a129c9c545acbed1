/**
 * One window of a Bluesky source's stream: claim the source, search the AppView when due, read the
 * event stream from the persisted cursor for `windowMs`, keep what the filter keeps, store it through
 * `ingestItems`, and move the cursor ONLY after what came before it is stored. A crash or a stop
 * loses nothing (the next window reads again from the cursor) and duplicates nothing (a mention is
 * unique per workspace, network and at:// uri).
 *
 * One consumer per source, across processes: the window claims the source with a conditional update
 * of `next_poll_at` (as feed polls do) and every cursor write is fenced by that claim, so a consumer
 * that stalled past its claim can never move the cursor of the one that took over.
 */
import { isoNow } from '../../core/clock.js';
import { accountsRepo } from '../../publishing/accounts.repo.js';
import { ingestItems } from '../ingest.service.js';
import type { IncomingItem } from '../items.js';
import type { PollDeps } from '../poll.service.js';
import { queriesRepo } from '../queries.repo.js';
import {
  readBlueskyCursor,
  readBlueskySettings,
  type BlueskyCursor,
  type BlueskySettings,
} from '../sources/source-settings.js';
import { sourcesRepo, type SourceRow } from '../sources.repo.js';
import { postItem, type BlueskyPost } from './bluesky-post.js';
import { describeStreamError, openFirehose, type FirehoseConnection } from './firehose.js';
import { createHandleResolver, type HandleResolver } from './handles.js';
import { SearchError, searchPosts, searchTerms, type FoundPost } from './search-backfill.js';
import { createStreamFilter, type FilterInput } from './stream-filter.js';
import { checkStreamTarget, StreamTargetError } from './stream-target.js';

export interface StreamOptions {
  /** How long the window reads the stream. */
  windowMs: number;
  /** How long the claim holds the source (longer than the window, backfill and last flush). */
  claimSeconds: number;
  /** Ends the window early (queue stopping, lease running out, a test). */
  signal?: AbortSignal;
  /** How often what was kept is stored and the cursor saved (default 1 s). */
  flushMs?: number;
  /** How often the saved queries and accounts are read again (default 15 s). */
  refreshMs?: number;
  /** How often the AppView is searched (default 15 min). */
  searchEveryMs?: number;
}

export type StreamReport =
  | { status: 'skipped' }
  | { status: 'streamed'; stored: number; backfilled: number; cursor: number | null; error: string | null }
  | { status: 'failed'; error: string; stored: number; nextPollAt: string };

/** Handle resolvers shared by the windows of a process (their cache outlives a window). */
export type HandleResolvers = (settings: BlueskySettings, pdsUrl: string) => HandleResolver;

export function handleResolversFor(fetcher: typeof fetch): HandleResolvers {
  const resolvers = new Map<string, HandleResolver>();
  return (settings, pdsUrl) => {
    const key = `${settings.plcUrl} ${pdsUrl}`;
    let resolver = resolvers.get(key);
    if (!resolver) {
      resolver = createHandleResolver({ fetch: fetcher, plcUrl: settings.plcUrl, pdsUrl });
      resolvers.set(key, resolver);
    }
    return resolver;
  };
}

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
const MAX_BACKOFF_MS = 10 * 60 * 1000;
const FIRST_BACKOFF_MS = 10 * 1000;
/** How long a kept post waits for others before they are stored together. */
const KEPT_FLUSH_DELAY_MS = 100;

export async function streamBlueskySource(
  deps: PollDeps & { handles?: HandleResolvers },
  sourceId: string,
  options: StreamOptions,
): Promise<StreamReport> {
  const repo = sourcesRepo(deps.db);
  const source = await repo.findLive(sourceId);
  const claimedAt = isoNow(deps.clock);
  const claim = addMs(claimedAt, options.claimSeconds * 1000);
  if (!source || source.kind !== 'bluesky' || !(await repo.claimPoll(sourceId, claimedAt, claim))) {
    return { status: 'skipped' };
  }
  const window = new StreamWindow(deps, source, claim, options);
  return window.run();
}

class StreamWindow {
  private readonly repo;
  private readonly pending: { post: BlueskyPost; found?: FoundPost }[] = [];
  private cursor: BlueskyCursor;
  private savedSeq: number | null;
  private stored = 0;
  private backfilled = 0;
  private fatal: Error | null = null;
  private lost = false;
  private connection: FirehoseConnection | null = null;
  private wake: (() => void) | null = null;
  private soon: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: PollDeps & { handles?: HandleResolvers },
    private readonly source: SourceRow,
    private readonly claim: string,
    private readonly options: StreamOptions,
  ) {
    this.repo = sourcesRepo(deps.db);
    this.cursor = readBlueskyCursor(source.cursor);
    this.savedSeq = this.cursor.seq;
  }

  async run(): Promise<StreamReport> {
    let settings: BlueskySettings;
    try {
      settings = readBlueskySettings(this.source.settings);
    } catch {
      return this.finish('The source’s settings cannot be read: remove it and add it again', null);
    }
    let target;
    try {
      target = await checkStreamTarget(this.deps.fetch, settings.service);
    } catch (error) {
      return this.finish(
        error instanceof StreamTargetError ? error.message : `${settings.service} cannot be reached`,
        null,
      );
    }
    const handles = (this.deps.handles ?? handleResolversFor(this.deps.fetch))(settings, target.httpUrl);
    const filter = createStreamFilter(await this.filterInput(settings), {
      analyzer: this.deps.analyzer,
      handleOf: (did) => handles.resolve(did),
    });

    const searchError = await this.backfill(settings, filter, handles);

    const deadline = Date.now() + this.options.windowMs;
    this.connection = openFirehose({
      service: target.wsUrl,
      startSeq: this.cursor.seq,
      lookup: target.lookup,
      logger: this.deps.logger,
      onPost: async (post) => {
        if ((await filter.keep(post)) !== null) {
          this.pending.push({ post });
          // A kept post is stored within ~100 ms (posts arriving together share one flush), not at
          // the next periodic flush: mentions reach the inbox in about a second.
          this.soon ??= setTimeout(() => {
            this.soon = undefined;
            this.wake?.();
          }, KEPT_FLUSH_DELAY_MS);
        }
      },
      onFatal: (error) => {
        this.fatal ??= error;
        this.wake?.();
      },
    });
    const abort = (): void => this.wake?.();
    this.options.signal?.addEventListener('abort', abort);
    let refreshedAt = Date.now();
    try {
      while (!this.fatal && !this.lost && !this.options.signal?.aborted && Date.now() < deadline) {
        await this.sleep(Math.min(this.options.flushMs ?? 1_000, Math.max(0, deadline - Date.now())));
        await this.flush(handles);
        if (Date.now() - refreshedAt >= (this.options.refreshMs ?? 15_000)) {
          filter.refresh(await this.filterInput(settings));
          refreshedAt = Date.now();
        }
      }
    } finally {
      this.options.signal?.removeEventListener('abort', abort);
      clearTimeout(this.soon);
      await this.connection.close();
    }
    // What was handled before the close is stored; its cursor with it.
    await this.flush(handles);
    if (this.fatal) {
      const { message, code } = describeStreamError(this.fatal);
      if (code === 'FutureCursor') {
        // The relay was reset (or replaced) behind the cursor: read its live stream from now on.
        this.cursor = { ...this.cursor, seq: null };
        return this.finish(
          `${target.wsUrl} is behind this source’s cursor (a new or reset relay): reading its live stream from now on`,
          JSON.stringify(this.cursor),
        );
      }
      return this.finish(`The event stream of ${new URL(target.wsUrl).host} failed: ${message}`, null);
    }
    return this.finish(null, null, searchError);
  }

  private async filterInput(settings: BlueskySettings): Promise<FilterInput> {
    const [queries, accounts] = await Promise.all([
      queriesRepo(this.deps.db).list(this.source.workspace_id),
      settings.trackAccounts
        ? accountsRepo(this.deps.db).list(this.source.workspace_id)
        : Promise.resolve([]),
    ]);
    return {
      queries: queries.map((q) => q.query),
      keywords: settings.keywords,
      accounts: accounts.filter((a) => a.network === 'bluesky').map((a) => a.external_id),
    };
  }

  /** Searches the AppView when due; the error in words when it failed (the stream goes on). */
  private async backfill(
    settings: BlueskySettings,
    filter: ReturnType<typeof createStreamFilter>,
    handles: HandleResolver,
  ): Promise<string | null> {
    const every = this.options.searchEveryMs ?? 15 * 60 * 1000;
    const now = isoNow(this.deps.clock);
    if (
      !settings.appViewUrl ||
      (this.cursor.searchedAt !== null && Date.parse(this.cursor.searchedAt) + every > Date.parse(now))
    ) {
      return null;
    }
    const queries = (await queriesRepo(this.deps.db).list(this.source.workspace_id)).map((q) => q.query);
    const terms = searchTerms(settings.keywords, queries);
    // The next search overlaps the last by an hour: the AppView indexes with some delay.
    const since = this.cursor.searchedAt === null ? null : addMs(this.cursor.searchedAt, -60 * 60 * 1000);
    this.cursor = { ...this.cursor, searchedAt: now };
    if (terms.length === 0) {
      return null;
    }
    try {
      const found = await searchPosts(this.deps.fetch, settings.appViewUrl, terms, since);
      for (const entry of found) {
        if ((await filter.keep(entry.post)) !== null) {
          this.pending.push({ post: entry.post, found: entry });
        }
      }
      this.backfilled = this.pending.length;
      await this.flush(handles);
      return null;
    } catch (error) {
      if (!(error instanceof SearchError)) {
        throw error;
      }
      this.deps.logger.info(
        { sourceId: this.source.id, reason: error.message },
        'bluesky search backfill failed',
      );
      return `Search backfill: ${error.message}`;
    } finally {
      await this.saveCursor();
    }
  }

  /** Stores what was kept, then saves the cursor up to which every event was handled. */
  private async flush(handles: HandleResolver): Promise<void> {
    // Read together, synchronously: every event up to `seq` has put its post in `batch` already.
    const seq = this.connection?.cursor() ?? null;
    const batch = this.pending.splice(0);
    if (batch.length > 0) {
      const items = (
        await Promise.all(
          batch.map(async ({ post, found }): Promise<IncomingItem | null> => {
            const item = postItem(post, found?.handle ?? (await handles.resolve(post.did)));
            return item && found
              ? { ...item, likes: found.likes, reposts: found.reposts, replies: found.replies }
              : item;
          }),
        )
      ).filter((item): item is IncomingItem => item !== null);
      const result = await ingestItems(this.deps, this.source.workspace_id, this.source.id, items);
      this.stored += result.stored;
    }
    if (seq !== null && seq !== this.savedSeq) {
      this.cursor = { ...this.cursor, seq };
      await this.saveCursor();
    }
  }

  private async saveCursor(): Promise<void> {
    if (this.lost) {
      return;
    }
    if (
      await this.repo.saveCursor(
        this.source.id,
        this.claim,
        JSON.stringify(this.cursor),
        isoNow(this.deps.clock),
      )
    ) {
      this.savedSeq = this.cursor.seq;
    } else {
      // Removed, or claimed by another consumer after this one stalled: stop reading.
      this.lost = true;
      this.wake?.();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async finish(
    streamError: string | null,
    cursor: string | null,
    searchError: string | null = null,
  ): Promise<StreamReport> {
    const done = isoNow(this.deps.clock);
    const error = streamError ?? searchError;
    const failures = error === null ? 0 : this.source.error_count + 1;
    // A working stream is due again at once; a failing one waits longer after each failure.
    const nextPollAt =
      streamError === null
        ? done
        : addMs(done, Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 16)));
    if (!this.lost) {
      await this.repo.finishClaim(this.source.id, this.claim, {
        next_poll_at: nextPollAt,
        last_polled_at: done,
        last_success_at: streamError === null ? done : this.source.last_success_at,
        last_error: error,
        error_count: failures,
        updated_at: done,
        ...(cursor !== null ? { cursor } : {}),
      });
    }
    if (streamError !== null) {
      this.deps.logger.info(
        { sourceId: this.source.id, failures, nextPollAt, reason: streamError },
        'bluesky stream failed',
      );
      return { status: 'failed', error: streamError, stored: this.stored, nextPollAt };
    }
    return {
      status: 'streamed',
      stored: this.stored,
      backfilled: this.backfilled,
      cursor: this.cursor.seq,
      error: searchError,
    };
  }
}
