import { describe, expect, it } from 'vitest';
import { nextRunAt } from './cron.js';

const next = (cron: string, timeZone: string, after: string): string =>
  nextRunAt(cron, timeZone, new Date(after)).toISOString();

describe('nextRunAt', () => {
  it('reads the expression in the given time zone', () => {
    expect(next('0 9 * * 1', 'Europe/Paris', '2025-01-01T00:00:00Z')).toBe('2025-01-06T08:00:00.000Z');
    expect(next('0 9 * * 1', 'America/New_York', '2025-01-01T00:00:00Z')).toBe('2025-01-06T14:00:00.000Z');
  });

  it('keeps 9:00 local across the spring DST change', () => {
    expect(next('0 9 * * *', 'Europe/Paris', '2025-03-29T08:00:00Z')).toBe('2025-03-30T07:00:00.000Z');
  });

  it('runs a wall-clock time skipped by spring forward an hour later, and a repeated one once', () => {
    // 02:30 does not exist in Paris on 2025-03-30: it runs at 03:30 CEST.
    expect(next('30 2 * * *', 'Europe/Paris', '2025-03-29T12:00:00Z')).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 2025-10-26: the first one runs, the next run is the following day.
    expect(next('30 2 * * *', 'Europe/Paris', '2025-10-26T00:00:00Z')).toBe('2025-10-26T00:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Paris', '2025-10-26T00:30:00Z')).toBe('2025-10-27T01:30:00.000Z');
  });

  it('is strictly after the given time and supports a seconds field', () => {
    expect(next('* * * * *', 'UTC', '2025-03-01T12:00:00.000Z')).toBe('2025-03-01T12:01:00.000Z');
    expect(next('*/10 * * * * *', 'UTC', '2025-03-01T12:00:00.500Z')).toBe('2025-03-01T12:00:10.000Z');
  });

  it('rejects a bad expression or time zone with a readable message', () => {
    expect(() => nextRunAt('every day', 'UTC', new Date())).toThrow(/Invalid cron expression "every day"/);
    expect(() => nextRunAt('* * * * *', 'Mars/Olympus', new Date())).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });
});
