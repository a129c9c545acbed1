import { describe, expect, it } from 'vitest';
import { dayNumber } from '../guardrails/claims/zoned-time.js';
import { instantOf, minutesOf, nextFreeSlot, timeOf } from './queue-slots.js';

const PARIS = 'Europe/Paris';

describe('queue slots in the workspace time zone', () => {
  it('reads local times on both sides of the DST changes', () => {
    expect(instantOf(dayNumber(2026, 3, 28), 9 * 60, PARIS).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(instantOf(dayNumber(2026, 3, 30), 9 * 60, PARIS).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(instantOf(dayNumber(2026, 10, 26), 9 * 60, PARIS).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(instantOf(dayNumber(2026, 7, 1), 0, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap, and takes the first of a repeated time', () => {
    // 29 March 2026, Paris: 02:00 → 03:00.
    expect(instantOf(dayNumber(2026, 3, 29), 2 * 60 + 30, PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026, Paris: 03:00 → 02:00; 02:30 happens twice (00:30Z and 01:30Z).
    expect(instantOf(dayNumber(2026, 10, 25), 2 * 60 + 30, PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('takes the next free weekly slot, keeping 09:00 local across the change', () => {
    const slots = [
      { weekday: 0, minutes: 9 * 60 }, // Monday 09:00
      { weekday: 2, minutes: 18 * 60 + 30 }, // Wednesday 18:30
    ];
    const friday = new Date('2026-03-27T12:00:00Z');
    const first = nextFreeSlot(slots, new Set(), friday, PARIS);
    expect(first?.toISOString()).toBe('2026-03-30T07:00:00.000Z'); // Monday after the change: UTC+2
    const second = nextFreeSlot(slots, new Set([first!.getTime()]), friday, PARIS);
    expect(second?.toISOString()).toBe('2026-04-01T16:30:00.000Z');
    expect(nextFreeSlot([], new Set(), friday, PARIS)).toBeNull();
  });

  it('never returns a slot in the past', () => {
    const monday0901 = new Date('2026-03-30T07:01:00Z');
    expect(nextFreeSlot([{ weekday: 0, minutes: 540 }], new Set(), monday0901, PARIS)?.toISOString()).toBe('2026-04-06T07:00:00.000Z');
  });

  it('converts times of day', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(timeOf(570)).toBe('09:30');
    expect(timeOf(5)).toBe('00:05');
  });
});
