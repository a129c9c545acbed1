/**
 * Politeness for polled sources: how often, how much longer after failures, and what a server's
 * Retry-After asks. Pure arithmetic, so the rules are tested on their own.
 */

export const DEFAULT_POLL_INTERVAL_SECONDS = 15 * 60;
export const MIN_POLL_INTERVAL_SECONDS = 5 * 60;
/** However many failures, a source is tried again at least once a day. */
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;

/**
 * Seconds until the next poll: the interval after a success; after `failures` consecutive failures,
 * the interval doubled for each (30 min, 1 h, 2 h … at 15 min), at most a day; never sooner than the
 * server's Retry-After (itself capped at a day).
 */
export function nextPollDelaySeconds(intervalSeconds: number, failures: number, retryAfterSeconds: number | null = null): number {
  const interval = Math.max(MIN_POLL_INTERVAL_SECONDS, intervalSeconds);
  const backoff = failures <= 0 ? interval : Math.min(MAX_BACKOFF_SECONDS, interval * 2 ** Math.min(failures, 16));
  const asked = retryAfterSeconds === null ? 0 : Math.min(MAX_BACKOFF_SECONDS, Math.max(0, retryAfterSeconds));
  return Math.max(backoff, asked);
}

/** Retry-After as seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) {
    return null;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
