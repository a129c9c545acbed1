import { describe, expect, it } from 'vitest';
import { lastCompletePeriod, nextRunAfter, periodLabel } from './periods.js';

const HOUR = 3_600_000;
const iso = (date: Date): string => date.toISOString();

describe('report periods in the workspace time zone', () => {
  it('daily: the previous local day, run at 01:00 local after it', () => {
    const at = new Date('2026-03-10T08:00:00.000Z'); // 09:00 in Paris (UTC+1)
    const period = lastCompletePeriod('daily', at, 'Europe/Paris');
    expect(iso(period.from)).toBe('2026-03-08T23:00:00.000Z');
    expect(iso(period.to)).toBe('2026-03-09T23:00:00.000Z');
    expect(period.label).toBe('2026-03-09');
    expect(iso(nextRunAfter('daily', at, 'Europe/Paris'))).toBe('2026-03-11T00:00:00.000Z'); // 01:00 Paris
  });

  it('daily across the spring-forward change: the 29 March 2026 in Paris lasts 23 hours', () => {
    const period = lastCompletePeriod('daily', new Date('2026-03-30T06:00:00.000Z'), 'Europe/Paris');
    expect(iso(period.from)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(period.to)).toBe('2026-03-29T22:00:00.000Z');
    expect(period.to.getTime() - period.from.getTime()).toBe(23 * HOUR);
    // The next run is 01:00 local on the 30th in summer time, i.e. 23:00 UTC on the 29th.
    expect(iso(nextRunAfter('daily', new Date('2026-03-29T12:00:00.000Z'), 'Europe/Paris'))).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });

  it('daily across the fall-back change: the 1 November 2026 in New York lasts 25 hours', () => {
    const period = lastCompletePeriod('daily', new Date('2026-11-02T15:00:00.000Z'), 'America/New_York');
    expect(iso(period.from)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(period.to)).toBe('2026-11-02T05:00:00.000Z');
    expect(period.to.getTime() - period.from.getTime()).toBe(25 * HOUR);
  });

  it('weekly: the previous Monday to Sunday, 167 hours across spring-forward', () => {
    // Wednesday 1 April 2026 in Paris.
    const at = new Date('2026-04-01T10:00:00.000Z');
    const period = lastCompletePeriod('weekly', at, 'Europe/Paris');
    expect(iso(period.from)).toBe('2026-03-22T23:00:00.000Z'); // Monday 23 March 00:00 CET
    expect(iso(period.to)).toBe('2026-03-29T22:00:00.000Z'); // Monday 30 March 00:00 CEST
    expect(period.to.getTime() - period.from.getTime()).toBe(167 * HOUR);
    expect(period.label).toBe('2026-03-23 – 2026-03-29');
    // Next run: Monday 6 April, 01:00 CEST.
    expect(iso(nextRunAfter('weekly', at, 'Europe/Paris'))).toBe('2026-04-05T23:00:00.000Z');
  });

  it('monthly: the previous calendar month, across a year end and in a zone ahead of UTC', () => {
    const at = new Date('2026-01-15T12:00:00.000Z');
    const period = lastCompletePeriod('monthly', at, 'Pacific/Auckland');
    expect(iso(period.from)).toBe('2025-11-30T11:00:00.000Z'); // 1 Dec 00:00 NZDT (UTC+13)
    expect(iso(period.to)).toBe('2025-12-31T11:00:00.000Z'); // 1 Jan 00:00 NZDT
    expect(period.label).toBe('2025-12');
    expect(iso(nextRunAfter('monthly', at, 'Pacific/Auckland'))).toBe('2026-01-31T12:00:00.000Z'); // 1 Feb 01:00 NZDT
    // March in Paris holds the spring-forward change: 31 days less one hour.
    const march = lastCompletePeriod('monthly', new Date('2026-04-02T00:00:00.000Z'), 'Europe/Paris');
    expect(march.to.getTime() - march.from.getTime()).toBe(31 * 24 * HOUR - HOUR);
    expect(march.label).toBe('2026-03');
  });

  it('reads the local date, not the UTC one, near midnight', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Paris: yesterday is the 9th there.
    expect(lastCompletePeriod('daily', new Date('2026-03-09T23:30:00.000Z'), 'Europe/Paris').label).toBe('2026-03-09');
    expect(lastCompletePeriod('daily', new Date('2026-03-09T23:30:00.000Z'), 'UTC').label).toBe('2026-03-08');
  });

  it('between a period’s end and its run hour, the next run is that hour (once), then the next period’s', () => {
    const atHalfPastMidnight = new Date('2026-03-09T23:30:00.000Z'); // 00:30 Paris on the 10th
    expect(iso(nextRunAfter('daily', atHalfPastMidnight, 'Europe/Paris'))).toBe('2026-03-10T00:00:00.000Z');
    const atRun = new Date('2026-03-10T00:00:00.000Z');
    expect(iso(nextRunAfter('daily', atRun, 'Europe/Paris'))).toBe('2026-03-11T00:00:00.000Z');
  });

  it('labels a stored period from its start', () => {
    expect(periodLabel('weekly', new Date('2026-03-22T23:00:00.000Z'), 'Europe/Paris')).toBe('2026-03-23 – 2026-03-29');
    expect(periodLabel('monthly', new Date('2026-02-28T23:00:00.000Z'), 'Europe/Paris')).toBe('2026-03');
  });
});
