import { XRPCError } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../../core/safe-fetch.js';
import { ConnectorError } from '../types.js';
import { retryAfterMsFrom, toConnectorError } from './errors.js';

const now = new Date('2026-03-28T09:00:00.000Z');
const nowSeconds = now.getTime() / 1000;

const xrpc = (
  status: number,
  error?: string,
  message?: string,
  headers?: Record<string, string>,
): XRPCError => new XRPCError(status, error, message, headers);

/** How @atproto/xrpc wraps a fetch that threw. */
const noAnswer = (cause: unknown): XRPCError => XRPCError.from(cause);

const fetchFailed = (code: string): TypeError =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

describe('toConnectorError', () => {
  it.each([
    ['a 401', xrpc(401, 'AuthenticationRequired', 'Invalid identifier or password'), 'auth'],
    ['a 403', xrpc(403, 'Forbidden'), 'auth'],
    ['an expired token the agent could not refresh', xrpc(400, 'ExpiredToken', 'Token has expired'), 'auth'],
    ['a taken-down account', xrpc(400, 'AccountTakedown'), 'auth'],
    ['an invalid record', xrpc(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record'), 'permanent'],
    ['a payload too large', xrpc(413), 'permanent'],
    ['a method the server lacks', xrpc(501, 'MethodNotImplemented'), 'permanent'],
    ['a 502 from the AppView', xrpc(502, 'UpstreamFailure'), 'transient'],
  ] as const)('maps %s', (_what, error, kind) => {
    expect(toConnectorError(error, 'safe', now).kind).toBe(kind);
  });

  it("keeps the network's message for a refusal", () => {
    const mapped = toConnectorError(
      xrpc(400, 'InvalidRequest', 'grapheme too big (maximum 300, got 301)'),
      'create',
      now,
    );
    expect(mapped.message).toContain('grapheme too big (maximum 300, got 301)');
    expect(mapped.details.status).toBe(400);
    expect(mapped.cause).toBeInstanceOf(XRPCError);
  });

  it("makes a 5xx on a create 'unknown_outcome' (the record may exist), on a read 'transient'", () => {
    expect(toConnectorError(xrpc(500), 'create', now).kind).toBe('unknown_outcome');
    expect(toConnectorError(xrpc(504), 'create', now).kind).toBe('unknown_outcome');
    expect(toConnectorError(xrpc(500), 'safe', now).kind).toBe('transient');
  });

  it("makes a time-out or a reset on a create 'unknown_outcome', on a read 'transient'", () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(toConnectorError(noAnswer(timeout), 'create', now).kind).toBe('unknown_outcome');
    expect(toConnectorError(noAnswer(fetchFailed('ECONNRESET')), 'create', now).kind).toBe('unknown_outcome');
    expect(toConnectorError(noAnswer(timeout), 'safe', now).kind).toBe('transient');
  });

  it("makes a failure before sending 'transient', even on a create", () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(toConnectorError(noAnswer(fetchFailed(code)), 'create', now).kind).toBe('transient');
    }
  });

  it("makes an address the host's fetch refuses 'permanent'", () => {
    const mapped = toConnectorError(
      noAnswer(new BlockedAddressError('pds.internal', '10.0.0.7')),
      'create',
      now,
    );
    expect(mapped.kind).toBe('permanent');
  });

  it('passes a ConnectorError through', () => {
    const original = new ConnectorError('auth', 'no');
    expect(toConnectorError(noAnswer(original), 'create', now)).toBe(original);
  });

  it("makes a 429 'rate_limited' with the delay", () => {
    const mapped = toConnectorError(
      xrpc(429, 'RateLimitExceeded', undefined, { 'ratelimit-reset': String(nowSeconds + 30) }),
      'create',
      now,
    );
    expect(mapped.kind).toBe('rate_limited');
    expect(mapped.details).toEqual({ status: 429, retryAfterMs: 30_000 });
  });
});

describe('retryAfterMsFrom', () => {
  it('reads retry-after in seconds or as a date, then ratelimit-reset (epoch or delay seconds)', () => {
    expect(retryAfterMsFrom({ 'retry-after': '12' }, now)).toBe(12_000);
    expect(retryAfterMsFrom({ 'retry-after': 'Sat, 28 Mar 2026 09:01:00 GMT' }, now)).toBe(60_000);
    expect(retryAfterMsFrom({ 'ratelimit-reset': String(nowSeconds + 300) }, now)).toBe(300_000);
    expect(retryAfterMsFrom({ 'ratelimit-reset': '45' }, now)).toBe(45_000);
    expect(retryAfterMsFrom({ 'ratelimit-reset': String(nowSeconds - 5) }, now)).toBe(0);
  });

  it('is undefined when the network said nothing usable', () => {
    expect(retryAfterMsFrom(undefined, now)).toBeUndefined();
    expect(retryAfterMsFrom({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMsFrom({}, now)).toBeUndefined();
  });
});
