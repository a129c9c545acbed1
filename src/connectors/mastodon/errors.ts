/**
 * How a failed Mastodon call maps to a ConnectorError kind (see ConnectorErrorKind in ../types.ts).
 *
 * | What happened                                          | Kind                                        |
 * |--------------------------------------------------------|---------------------------------------------|
 * | 401, 403                                               | auth                                        |
 * | 429                                                    | rate_limited, retryAfterMs from X-RateLimit-Reset or Retry-After |
 * | 408                                                    | transient                                   |
 * | other 4xx (422: Mastodon's `error`, e.g. too long)     | permanent, with Mastodon's message          |
 * | a redirect (the instance lives at another address)     | permanent, naming the new host              |
 * | 5xx                                                    | transient                                   |
 * | refused by the address guard                           | permanent                                   |
 * | DNS failure, connection refused (nothing was sent)     | transient                                   |
 * | timeout or reset after sending, an unreadable answer   | transient; unknown_outcome on a create      |
 */
import { failedBeforeSending, UnsafeRequestError } from '../../core/safe-fetch.js';
import { ConnectorError, isConnectorError } from '../types.js';

/** `create`: a call that may have created something if it failed after being sent. */
export type CallEffect = 'safe' | 'create';

/** The ConnectorError for an HTTP answer that is not a success. */
export function errorFromAnswer(status: number, headers: Headers, body: string, now: Date): ConnectorError {
  const message = mastodonMessage(body) ?? `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new ConnectorError('auth', `Mastodon refused the access token: ${message}`, { status });
  }
  if (status === 429) {
    const retryAfterMs = retryAfterMsFrom(headers, now);
    return new ConnectorError(
      'rate_limited',
      `Mastodon rate limit: ${message}`,
      retryAfterMs === undefined ? { status } : { status, retryAfterMs },
    );
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    const host = location === null ? null : hostOf(location);
    return new ConnectorError(
      'permanent',
      `The Mastodon server redirects${host === null ? '' : ` to ${host}`}: connect with its current address`,
      { status },
    );
  }
  if (status === 408 || status >= 500) {
    return new ConnectorError('transient', `Mastodon answered ${status}: ${message}`, { status });
  }
  return new ConnectorError('permanent', `Mastodon refused the request: ${message}`, { status });
}

/** The ConnectorError for a call that got no usable answer. */
export function errorFromFailure(error: unknown, effect: CallEffect): ConnectorError {
  if (isConnectorError(error)) {
    return error;
  }
  if (error instanceof UnsafeRequestError) {
    return withCause(new ConnectorError('permanent', error.message), error);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (failedBeforeSending(error)) {
    return withCause(new ConnectorError('transient', `Mastodon could not be reached: ${message}`), error);
  }
  const kind = effect === 'create' ? 'unknown_outcome' : 'transient';
  return withCause(new ConnectorError(kind, `Mastodon did not answer: ${message}`), error);
}

/** Milliseconds to wait: Retry-After (seconds or a date), else Mastodon's X-RateLimit-Reset (ISO 8601). */
export function retryAfterMsFrom(headers: Headers, now: Date): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now.getTime() + seconds * 1000 : Date.parse(retryAfter);
    if (!Number.isNaN(at)) {
      return Math.max(0, at - now.getTime());
    }
  }
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isNaN(reset) ? undefined : Math.max(0, reset - now.getTime());
}

/** Mastodon's `{"error": "..."}` (and OAuth's `error_description`), kept short. */
function mastodonMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const { error, error_description: description } = parsed as Record<string, unknown>;
      const text = typeof description === 'string' && description !== '' ? description : error;
      return typeof text === 'string' && text !== '' ? text.slice(0, 500) : undefined;
    }
  } catch {
    // Not JSON: a proxy's error page, which says nothing useful.
  }
  return undefined;
}

function hostOf(location: string): string | null {
  try {
    return new URL(location).host;
  } catch {
    return null;
  }
}

function withCause(connectorError: ConnectorError, cause: unknown): ConnectorError {
  connectorError.cause = cause;
  return connectorError;
}
