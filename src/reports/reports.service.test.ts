import { describe, expect, it } from 'vitest';
import { parseBound } from './reports.service.js';

describe('period bounds', () => {
  it('reads a bare date as local midnight of the workspace, an instant as given', () => {
    expect(parseBound('from', '2026-03-02', 'Europe/Paris').toISOString()).toBe('2026-03-01T23:00:00.000Z');
    // Summer time: UTC+2.
    expect(parseBound('from', '2026-07-01', 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(parseBound('from', '2026-03-02', 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(parseBound('to', '2026-03-02T10:00:00+01:00', 'America/New_York').toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => parseBound('from', 'next week', 'UTC')).toThrow(/from: "next week" is not an ISO 8601 date/);
    expect(() => parseBound('from', '2026-02-31', 'UTC')).toThrow(/not an ISO 8601/);
  });
});
