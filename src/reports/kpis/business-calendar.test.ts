import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, DEFAULT_HOURS, type BusinessHours } from '../../inbox/sla.js';
import { businessCalendar } from './business-calendar.js';

/** A deterministic pseudo-random sequence (no flaky seeds). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('business calendar', () => {
  const cases: [string, BusinessHours, string][] = [
    ['Paris, across both DST changes of 2026', DEFAULT_HOURS, 'Europe/Paris'],
    ['New York, weekends too', { days: [1, 2, 3, 4, 5, 6, 7], start: '08:30', end: '20:00' }, 'America/New_York'],
    ['Kolkata, half-hour offset', { days: [1, 3, 5], start: '10:00', end: '17:45' }, 'Asia/Kolkata'],
  ];
  for (const [name, hours, zone] of cases) {
    it(`agrees with inbox/sla.ts: ${name}`, () => {
      const first = new Date('2026-03-01T00:00:00.000Z');
      const last = new Date('2026-11-30T00:00:00.000Z');
      const calendar = businessCalendar(hours, zone, first, last);
      const next = random(7);
      for (let i = 0; i < 400; i++) {
        const from = new Date(first.getTime() + Math.floor(next() * (last.getTime() - first.getTime())));
        // Whole minutes, as stored times mostly are, and odd milliseconds for the rest.
        const to = new Date(from.getTime() + Math.floor(next() * 9 * 86_400_000));
        expect(calendar.between(from, to)).toBe(businessMinutesBetween(from, to, hours, zone));
        const minutes = 1 + Math.floor(next() * 2_000);
        expect(calendar.add(from, minutes)?.toISOString()).toBe(addBusinessMinutes(from, minutes, hours, zone)?.toISOString());
      }
      // Outside the prepared span it falls back to sla.ts.
      const early = new Date('2025-01-06T10:00:00.000Z');
      expect(calendar.between(early, new Date('2025-01-07T10:00:00.000Z'))).toBe(
        businessMinutesBetween(early, new Date('2025-01-07T10:00:00.000Z'), hours, zone),
      );
    });
  }

  it('lands on a window’s close like sla.ts, not on the next opening', () => {
    const calendar = businessCalendar(DEFAULT_HOURS, 'UTC', new Date('2026-03-02T00:00:00Z'), new Date('2026-03-09T00:00:00Z'));
    // Monday 17:00 + 60 business minutes = Monday 18:00.
    expect(calendar.add(new Date('2026-03-02T17:00:00Z'), 60)?.toISOString()).toBe('2026-03-02T18:00:00.000Z');
    expect(calendar.add(new Date('2026-03-06T17:30:00Z'), 60)?.toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });
});
