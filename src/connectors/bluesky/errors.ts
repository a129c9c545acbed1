/**
 * How a failed Bluesky call maps to a ConnectorError kind (see ConnectorErrorKind in ../types.ts).
 *
 * | What happened                                       | Kind                                          |
 * |-----------------------------------------------------|-----------------------------------------------|
 * | 401, 403, ExpiredToken / InvalidToken after refresh | auth                                          |
 * | 429                                                 | rate_limited, retryAfterMs from the headers    |
 * | other 4xx, 501 (the network refused the request)    | permanent, with the network's message          |
 * | 5xx, timeout, connection reset, invalid response    | transient; unknown_outcome on a record create |
 * | connection refused, DNS failure (nothing was sent)  | transient, even on a create                    |
 * | the host's fetch refused the address (SSRF guard)   | permanent: the operator must allow it          |
 */
import { XRPCError } from '@atproto/api';
import { failedBeforeSending, UnsafeRequestError } from '../../core/safe-fetch.js';
import { ConnectorError, isConnectorError } from '../types.js';

/** `create`: a call that may have created something if it failed after being sent. */
export type CallEffect = 'safe' | 'create';

const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AccountTakedown', 'AccountDeactivated']);

export function toConnectorError(error: unknown, effect: CallEffect, now: Date): ConnectorError {
  const passed = findInCauses(error, isConnectorError);
  if (passed) {
    return passed;
  }
  const unsafe = findInCauses(error, (e): e is UnsafeRequestError => e instanceof UnsafeRequestError);
  if (unsafe) {
    return withCause(
      new ConnectorError('permanent', `Bluesky server refused by Hearth: ${unsafe.message}`),
      error,
    );
  }
  const uncertain = effect === 'create' ? 'unknown_outcome' : 'transient';
  if (!(error instanceof XRPCError)) {
    return withCause(
      new ConnectorError(networkKind(error, uncertain), `Bluesky: ${messageOf(error)}`),
      error,
    );
  }
  const status = error.status as number;
  const message = error.message || error.error;
  if (status === 401 || status === 403 || (status === 400 && AUTH_ERRORS.has(error.error))) {
    return withCause(
      new ConnectorError('auth', `Bluesky refused the credentials: ${message}`, { status }),
      error,
    );
  }
  if (status === 429) {
    const retryAfterMs = retryAfterMsFrom(error.headers, now);
    const details = retryAfterMs === undefined ? { status } : { status, retryAfterMs };
    return withCause(new ConnectorError('rate_limited', `Bluesky rate limit: ${message}`, details), error);
  }
  if ((status >= 400 && status < 500) || status === 501) {
    return withCause(
      new ConnectorError('permanent', `Bluesky refused the request: ${message}`, { status }),
      error,
    );
  }
  if (status >= 500) {
    return withCause(
      new ConnectorError(uncertain, `Bluesky answered ${status}: ${message}`, { status }),
      error,
    );
  }
  // ResponseType.Unknown (no answer: network failure) or InvalidResponse (an answer we cannot read).
  return withCause(
    new ConnectorError(networkKind(error, uncertain), `Bluesky did not answer: ${message}`),
    error,
  );
}

/** Milliseconds to wait, from `retry-after` (seconds or a date) or `ratelimit-reset` (epoch seconds). */
export function retryAfterMsFrom(
  headers: Record<string, string | undefined> | undefined,
  now: Date,
): number | undefined {
  const retryAfter = headers?.['retry-after'];
  if (retryAfter !== undefined && retryAfter !== '') {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now.getTime() + seconds * 1000 : Date.parse(retryAfter);
    if (!Number.isNaN(at)) {
      return Math.max(0, at - now.getTime());
    }
  }
  const reset = Number(headers?.['ratelimit-reset'] ?? Number.NaN);
  if (Number.isFinite(reset)) {
    // Bluesky sends an epoch time in seconds; the IETF draft a delay in seconds.
    return Math.max(0, reset > 1e9 ? reset * 1000 - now.getTime() : reset * 1000);
  }
  return undefined;
}

/** A failure before anything was sent (DNS, connection refused) is transient even for a create. */
function networkKind(
  error: unknown,
  uncertain: 'transient' | 'unknown_outcome',
): 'transient' | 'unknown_outcome' {
  const notSent = findInCauses(error, (e): e is Error => failedBeforeSending(e));
  return notSent ? 'transient' : uncertain;
}

/** The first error in the cause chain (AggregateError members included) that matches. */
function findInCauses<T>(error: unknown, matches: (e: unknown) => e is T): T | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === undefined || current === null || seen.has(current)) {
      continue;
    }
    seen.add(current);
    if (matches(current)) {
      return current;
    }
    if (current instanceof AggregateError) {
      queue.push(...(current.errors as unknown[]));
    }
    if (current instanceof Error) {
      queue.push(current.cause);
    }
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withCause(connectorError: ConnectorError, cause: unknown): ConnectorError {
  connectorError.cause = cause;
  return connectorError;
}
