import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_SECONDS, nextPollDelaySeconds, parseRetryAfter } from './polling.js';

describe('polling politeness', () => {
  it('waits the interval after a success, doubles it per failure up to a day, never below 5 minutes', () => {
    expect(nextPollDelaySeconds(900, 0)).toBe(900);
    expect([1, 2, 3, 4].map((failures) => nextPollDelaySeconds(900, failures))).toEqual([1800, 3600, 7200, 14_400]);
    expect(nextPollDelaySeconds(900, 40)).toBe(MAX_BACKOFF_SECONDS);
    expect(nextPollDelaySeconds(10, 0)).toBe(300);
  });

  it('never polls sooner than Retry-After asks (capped at a day)', () => {
    expect(nextPollDelaySeconds(900, 1, 7200)).toBe(7200);
    expect(nextPollDelaySeconds(900, 1, 60)).toBe(1800);
    expect(nextPollDelaySeconds(900, 1, 10 ** 9)).toBe(MAX_BACKOFF_SECONDS);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-03-28T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 28 Mar 2026 10:00:00 GMT', now)).toBe(3600);
    expect(parseRetryAfter('Fri, 27 Mar 2026 10:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
