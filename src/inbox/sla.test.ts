import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, DEFAULT_HOURS, slaState } from './sla.js';

const PARIS = 'Europe/Paris';
const at = (iso: string): Date => new Date(iso);

describe('business-hours service levels', () => {
  it('counts only open hours: Friday 17:30 + 60 min is Monday 09:30 in Paris', () => {
    // 2026-12-04 is a Friday; Paris is UTC+1 in December.
    expect(addBusinessMinutes(at('2026-12-04T16:30:00Z'), 60, DEFAULT_HOURS, PARIS)?.toISOString()).toBe(
      '2026-12-07T08:30:00.000Z',
    );
    // Within the day.
    expect(addBusinessMinutes(at('2026-12-07T09:00:00Z'), 90, DEFAULT_HOURS, PARIS)?.toISOString()).toBe(
      '2026-12-07T10:30:00.000Z',
    );
    // Before opening: the clock starts at 09:00 local.
    expect(addBusinessMinutes(at('2026-12-07T05:00:00Z'), 30, DEFAULT_HOURS, PARIS)?.toISOString()).toBe(
      '2026-12-07T08:30:00.000Z',
    );
    // Saturday: nothing until Monday.
    expect(addBusinessMinutes(at('2026-12-05T12:00:00Z'), 10, DEFAULT_HOURS, PARIS)?.toISOString()).toBe(
      '2026-12-07T08:10:00.000Z',
    );
  });

  it('keeps 09:00 local across a DST change (Paris, 2026-03-29)', () => {
    // Friday 27 March 17:00 local (UTC+1) + 120 min → Monday 30 March 10:00 local, now UTC+2.
    expect(addBusinessMinutes(at('2026-03-27T16:00:00Z'), 120, DEFAULT_HOURS, PARIS)?.toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('measures business minutes between two instants', () => {
    expect(
      businessMinutesBetween(at('2026-12-04T16:30:00Z'), at('2026-12-07T08:30:00Z'), DEFAULT_HOURS, PARIS),
    ).toBe(60);
    expect(
      businessMinutesBetween(at('2026-12-07T10:00:00Z'), at('2026-12-07T09:00:00Z'), DEFAULT_HOURS, PARIS),
    ).toBe(0);
    expect(
      businessMinutesBetween(at('2026-12-05T00:00:00Z'), at('2026-12-06T23:00:00Z'), DEFAULT_HOURS, PARIS),
    ).toBe(0);
  });

  it('says which target runs, when it falls due and whether it is overdue', () => {
    const policy = {
      firstResponseMinutes: 60,
      nextResponseMinutes: 240,
      hours: DEFAULT_HOURS,
      timeZone: 'UTC',
    };
    const waiting = { awaitingSince: '2026-12-07T10:00:00.000Z', firstResponseAt: null };
    expect(slaState(waiting, policy, at('2026-12-07T10:30:00Z'))).toEqual({
      target: 'first_response',
      dueAt: '2026-12-07T11:00:00.000Z',
      overdue: false,
    });
    expect(slaState(waiting, policy, at('2026-12-07T11:01:00Z'))?.overdue).toBe(true);
    expect(
      slaState(
        { ...waiting, firstResponseAt: '2026-12-07T09:00:00.000Z' },
        policy,
        at('2026-12-07T10:30:00Z'),
      ),
    ).toMatchObject({
      target: 'next_response',
      dueAt: '2026-12-07T14:00:00.000Z',
    });
    expect(
      slaState({ awaitingSince: null, firstResponseAt: null }, policy, at('2026-12-07T10:30:00Z')),
    ).toBeNull();
    expect(
      addBusinessMinutes(at('2026-12-07T10:00:00Z'), 10, { days: [], start: '09:00', end: '18:00' }, 'UTC'),
    ).toBeNull();
  });
});
