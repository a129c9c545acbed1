/**
 * How a failed webhook call maps to a ConnectorError kind (see ConnectorErrorKind in ../types.ts).
 *
 * | What happened                                        | Kind                                     |
 * |------------------------------------------------------|------------------------------------------|
 * | 401, 403 (the receiver refused the signature)        | auth                                     |
 * | 429                                                  | rate_limited, retryAfterMs from Retry-After |
 * | 408, 5xx                                             | transient                                |
 * | other 4xx                                            | permanent, with the receiver's message (truncated) |
 * | a redirect (signed calls are not forwarded)          | permanent, naming the new host           |
 * | refused by the address guard                         | permanent                                |
 * | DNS failure, connection refused (nothing was sent)   | transient                                |
 * | timeout or reset after sending                       | unknown_outcome for a post, transient for a ping |
 */
import { failedBeforeSending, UnsafeRequestError } from '../../core/safe-fetch.js';
import { ConnectorError, isConnectorError } from '../types.js';

const MAX_MESSAGE = 300;

export function errorFromAnswer(status: number, headers: Headers, body: string, now: Date): ConnectorError {
  const message = receiverMessage(body) ?? `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new ConnectorError('auth', `The webhook refused the call (check the secret): ${message}`, {
      status,
    });
  }
  if (status === 429) {
    const retryAfterMs = retryAfterMsFrom(headers, now);
    return new ConnectorError(
      'rate_limited',
      `The webhook asks to slow down: ${message}`,
      retryAfterMs === undefined ? { status } : { status, retryAfterMs },
    );
  }
  if (status >= 300 && status < 400) {
    const host = hostOf(headers.get('location'));
    return new ConnectorError(
      'permanent',
      `The webhook redirects${host === null ? '' : ` to ${host}`}: use its final address`,
      { status },
    );
  }
  if (status === 408 || status >= 500) {
    return new ConnectorError('transient', `The webhook answered ${status}: ${message}`, { status });
  }
  return new ConnectorError('permanent', `The webhook refused the post: ${message}`, { status });
}

/** `effect: 'create'` for a post (it may have arrived), 'safe' for a ping. */
export function errorFromFailure(error: unknown, effect: 'safe' | 'create'): ConnectorError {
  if (isConnectorError(error)) {
    return error;
  }
  const wrapped =
    error instanceof UnsafeRequestError
      ? new ConnectorError('permanent', error.message)
      : failedBeforeSending(error)
        ? new ConnectorError('transient', `The webhook could not be reached: ${messageOf(error)}`)
        : new ConnectorError(
            effect === 'create' ? 'unknown_outcome' : 'transient',
            `The webhook did not answer: ${messageOf(error)}`,
          );
  wrapped.cause = error;
  return wrapped;
}

/** Retry-After, in seconds or as an HTTP date. */
export function retryAfterMsFrom(headers: Headers, now: Date): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  const seconds = Number(value);
  const at = Number.isFinite(seconds) ? now.getTime() + seconds * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** `{"error": "..."}`, `{"message": "..."}`, `{"error": {"message": "..."}}` or the text itself, short and on one line. */
function receiverMessage(body: string): string | undefined {
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    const found = pickMessage(parsed);
    if (found !== undefined) {
      text = found;
    }
  } catch {
    // Plain text or HTML: shown as it is, shortened.
  }
  const clean = [...text]
    .map((char) => (char < ' ' || char === '\u007f' ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') {
    return undefined;
  }
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
}

function pickMessage(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { error, message } = value as Record<string, unknown>;
  if (typeof error === 'string') {
    return error;
  }
  if (typeof message === 'string') {
    return message;
  }
  return pickMessage(error);
}

function hostOf(location: string | null): string | null {
  try {
    return location === null ? null : new URL(location).host;
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
