/**
 * One connection to a relay's or PDS's event stream (`com.atproto.sync.subscribeRepos`) through
 * @atproto/sync's Firehose. Only new posts reach `onPost`; every event, whatever it is, moves the
 * cursor once it and all the events before it were handled (MemoryRunner keeps them consecutive),
 * so `cursor()` is always safe to persist once what `onPost` collected up to it is stored.
 *
 * Commits are read unauthenticated: Hearth trusts the relay it was told to read (verifying every
 * commit's signature would resolve every DID on the network). Connection failures are not retried
 * here: the first one ends the window (`onFatal`), the source records it, and the next window backs off.
 */
import type { LookupFunction } from 'node:net';
import { IdResolver } from '@atproto/identity';
import { Firehose, FirehoseSubscriptionError, MemoryRunner, type Event } from '@atproto/sync';
import type { Logger } from '../../core/logger.js';
import { parsePost, type BlueskyPost } from './bluesky-post.js';

export interface FirehoseOptions {
  /** ws(s):// address of the relay or PDS. */
  service: string;
  /** Resume after this sequence number; null: from the live stream. */
  startSeq: number | null;
  onPost(post: BlueskyPost): Promise<void>;
  /** The stream cannot go on (connection refused, an error frame such as FutureCursor). */
  onFatal(error: Error): void;
  /** Pins the connection to addresses already checked (the SSRF guard). */
  lookup?: LookupFunction;
  logger: Logger;
}

export interface FirehoseConnection {
  /** The last sequence number up to which every event was handled. */
  cursor(): number | null;
  /** Closes the connection; events still being handled finish first. */
  close(): Promise<void>;
}

/** What the websocket client accepts besides the Firehose's own options (typed here: ws ships none). */
interface SocketOptions {
  lookup?: LookupFunction;
  handshakeTimeout: number;
  maxReconnectSeconds: number;
  onReconnectError(error: unknown, attempts: number, initialSetup: boolean): void;
}

export function openFirehose(options: FirehoseOptions): FirehoseConnection {
  // Errors while closing (a connection aborted half-open) are the close, not a failure.
  let closing: Promise<void> | undefined;
  const fatal = (error: Error): void => {
    if (!closing) {
      options.onFatal(error);
    }
  };
  const runner = new MemoryRunner(options.startSeq === null ? {} : { startCursor: options.startSeq });
  const socket: SocketOptions = {
    ...(options.lookup ? { lookup: options.lookup } : {}),
    handshakeTimeout: 10_000,
    maxReconnectSeconds: 1,
    onReconnectError: (error) => fatal(asError(error)),
  };
  const firehose = new Firehose({
    ...socket,
    service: options.service,
    runner,
    // Required by the type; unused with unauthenticated commits and without identity events.
    idResolver: new IdResolver({ timeout: 1 }),
    filterCollections: ['app.bsky.feed.post'],
    unauthenticatedCommits: true,
    unauthenticatedHandles: true,
    excludeIdentity: true,
    excludeAccount: true,
    excludeSync: true,
    // The window ends on the first failure; a long wait here would only delay its close.
    subscriptionReconnectDelay: 100,
    handleEvent: async (event: Event) => {
      if (event.event !== 'create' || event.collection !== 'app.bsky.feed.post') {
        return;
      }
      // multiformats' CID (its types do not resolve from here): a string when printed.
      const cid: unknown = event.cid;
      const post = parsePost(event.uri.toString(), event.did, event.rkey, String(cid), event.record);
      if (post) {
        await options.onPost(post);
      }
    },
    onError: (error: Error) => {
      if (error instanceof FirehoseSubscriptionError) {
        fatal(error);
      } else {
        // One event that does not parse: skipped, the stream goes on.
        options.logger.warn({ reason: error.message }, 'firehose event skipped');
      }
    },
  });
  const started = firehose.start() as Promise<void>;
  return {
    cursor: () => runner.getCursor() ?? null,
    close() {
      closing ??= (async () => {
        await firehose.destroy();
        await started.catch(() => undefined);
        await runner.processAll();
      })();
      return closing;
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The reason of a stream failure in words, with the relay's error code when it sent one. */
export function describeStreamError(error: Error): { message: string; code: string | null } {
  const cause =
    error instanceof FirehoseSubscriptionError && error.cause instanceof Error ? error.cause : error;
  const code = 'error' in cause && typeof cause.error === 'string' ? cause.error : null;
  const errno = 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const text = cause.message || code || errno || 'unknown error';
  return { message: errno && !text.includes(errno) ? `${text} (${errno})` : text, code: code ?? errno };
}
