import { describe, expect, it } from 'vitest';
import {
  addMonths,
  atHour,
  canMove,
  dayKeyOf,
  monthWeeks,
  moveToDay,
  postsByDay,
  rangeOf,
  shiftAnchor,
  startOfWeek,
  visibleDays,
  weekdayOf,
} from './calendar';
import type { Post } from './posts.api';

describe('calendar', () => {
  it('lays a month out in weeks from Monday', () => {
    // March 2026 begins on a Sunday and ends on a Tuesday.
    const weeks = monthWeeks('2026-03-17');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks[0]?.[6]).toBe('2026-03-01');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(weekdayOf('2026-03-01')).toBe(6);
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23');
  });

  it('steps by month and by week', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftAnchor('week', '2026-03-29', 1)).toBe('2026-04-05');
    expect(shiftAnchor('month', '2026-03-29', 1)).toBe('2026-04-01');
    expect(visibleDays('week', '2026-03-29')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(visibleDays('list', '2026-02-10')).toHaveLength(28);
  });

  it('reads days in the workspace zone', () => {
    expect(dayKeyOf('2026-03-28T23:30:00Z', 'Europe/Paris')).toBe('2026-03-29');
    expect(dayKeyOf('2026-03-28T23:30:00Z', 'America/New_York')).toBe('2026-03-28');
    // The week of the spring-forward change is an hour shorter.
    expect(rangeOf(visibleDays('week', '2026-03-29'), 'Europe/Paris')).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('keeps the time of day when a post moves across a DST change', () => {
    expect(moveToDay('2026-03-28T08:00:00.000Z', '2026-03-30', 'Europe/Paris')).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(moveToDay('2026-10-26T08:00:00.000Z', '2026-10-24', 'Europe/Paris')).toBe(
      '2026-10-24T07:00:00.000Z',
    );
    expect(atHour('2026-03-29', 2, 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z');
    expect(atHour('2026-03-29', 14, 'Europe/Paris')).toBe('2026-03-29T12:00:00.000Z');
  });

  it('groups timed posts by day, earliest first', () => {
    const post = (id: string, publishAt: string | null) => ({ id, publishAt }) as Post;
    const days = postsByDay(
      [post('late', '2026-03-29T20:00:00Z'), post('none', null), post('early', '2026-03-29T06:00:00Z')],
      'Europe/Paris',
    );
    expect([...days.keys()]).toEqual(['2026-03-29']);
    expect(days.get('2026-03-29')?.map((p) => p.id)).toEqual(['early', 'late']);
  });

  it('moves only posts that have not gone out, and keeps approval', () => {
    const at = '2026-03-29T20:00:00Z';
    expect(canMove({ status: 'scheduled', publishAt: at }, { canDraft: true, needsApproval: false })).toBe(
      true,
    );
    expect(canMove({ status: 'scheduled', publishAt: at }, { canDraft: true, needsApproval: true })).toBe(
      false,
    );
    expect(canMove({ status: 'draft', publishAt: at }, { canDraft: true, needsApproval: true })).toBe(true);
    expect(canMove({ status: 'published', publishAt: at }, { canDraft: true, needsApproval: false })).toBe(
      false,
    );
    expect(canMove({ status: 'draft', publishAt: null }, { canDraft: true, needsApproval: false })).toBe(
      false,
    );
    expect(canMove({ status: 'draft', publishAt: at }, { canDraft: false, needsApproval: false })).toBe(
      false,
    );
  });
});
