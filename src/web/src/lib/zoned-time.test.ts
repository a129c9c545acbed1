import { describe, expect, it } from 'vitest';
import { fromLocalInput, instantOf, offsetAt, parseWallTime, toLocalInput, wallTimeAt } from './zoned-time';

describe('zoned time', () => {
  it('reads a datetime-local value in the workspace zone, not the browser’s', () => {
    expect(fromLocalInput('2026-07-14T09:30', 'Europe/Paris')).toBe('2026-07-14T07:30:00.000Z');
    expect(fromLocalInput('2026-01-14T09:30', 'Europe/Paris')).toBe('2026-01-14T08:30:00.000Z');
    expect(fromLocalInput('2026-07-14T09:30', 'America/New_York')).toBe('2026-07-14T13:30:00.000Z');
    expect(fromLocalInput('2026-07-14T09:30', 'Asia/Kolkata')).toBe('2026-07-14T04:00:00.000Z');
    expect(fromLocalInput('2026-07-14T09:30', 'UTC')).toBe('2026-07-14T09:30:00.000Z');
  });

  it('shows a UTC instant as the wall time of the zone', () => {
    expect(toLocalInput('2026-07-14T07:30:00.000Z', 'Europe/Paris')).toBe('2026-07-14T09:30');
    expect(toLocalInput('2026-12-31T23:30:00.000Z', 'Europe/Paris')).toBe('2027-01-01T00:30');
    expect(toLocalInput('2026-12-31T23:30:00.000Z', 'Pacific/Honolulu')).toBe('2026-12-31T13:30');
  });

  it('round-trips every half hour of a spring-forward day except the skipped hour', () => {
    // Europe/Paris, 29 March 2026: 02:00 → 03:00.
    for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
      const value = `2026-03-29T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const back = toLocalInput(fromLocalInput(value, 'Europe/Paris') ?? '', 'Europe/Paris');
      if (value.startsWith('2026-03-29T02:')) {
        expect(back).toBe(value.replace('T02:', 'T03:'));
      } else {
        expect(back).toBe(value);
      }
    }
  });

  it('moves a time skipped by the spring-forward change forward by the gap', () => {
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInput('2026-03-08T02:15', 'America/New_York')).toBe('2026-03-08T07:15:00.000Z');
  });

  it('takes the first of two repeated times on a fall-back day', () => {
    // Europe/Paris, 25 October 2026: 03:00 → 02:00; 02:30 happens at 00:30 and 01:30 UTC.
    expect(fromLocalInput('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(toLocalInput('2026-10-25T01:30:00.000Z', 'Europe/Paris')).toBe('2026-10-25T02:30');
    expect(fromLocalInput('2026-10-25T03:30', 'Europe/Paris')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('knows the offset on each side of a change', () => {
    expect(offsetAt(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(wallTimeAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 0,
    });
    expect(
      instantOf({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Paris').toISOString(),
    ).toBe('2026-03-29T01:00:00.000Z');
  });

  it('refuses what is not a datetime-local value', () => {
    expect(fromLocalInput('', 'Europe/Paris')).toBeNull();
    expect(fromLocalInput('2026-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(parseWallTime('2026-07-14 09:30')).toBeNull();
    expect(parseWallTime('2026-07-14T09:30:15')).toEqual({
      year: 2026,
      month: 7,
      day: 14,
      hour: 9,
      minute: 30,
    });
  });
});
