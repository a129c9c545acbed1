/**
 * The calendar's arithmetic, in the workspace's time zone: days are `YYYY-MM-DD` keys (plain dates,
 * no zone), turned into UTC instants only at their edges; weeks start on Monday. Moving a post to
 * another day keeps its wall-clock time, across DST changes (09:00 stays 09:00).
 */
import { formatWallTime, instantOf, wallTimeAt, type WallTime } from '../lib/zoned-time';
import type { Post } from './posts.api';

export type CalendarView = 'month' | 'week' | 'list';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'list'];

/** A calendar day, `2026-03-29`. */
export type DayKey = string;

const DAY_MS = 86_400_000;

const keyOfUtc = (ms: number): DayKey => new Date(ms).toISOString().slice(0, 10);
const utcOfKey = (key: DayKey): number => Date.parse(`${key}T00:00:00Z`);

/** The day of an instant in `timeZone`. */
export const dayKeyOf = (instant: string | number | Date, timeZone: string): DayKey =>
  formatWallTime(wallTimeAt(new Date(instant), timeZone)).slice(0, 10);

export const addDays = (key: DayKey, days: number): DayKey => keyOfUtc(utcOfKey(key) + days * DAY_MS);

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (key: DayKey): number => (new Date(utcOfKey(key)).getUTCDay() + 6) % 7;

export const startOfWeek = (key: DayKey): DayKey => addDays(key, -weekdayOf(key));

export const monthOf = (key: DayKey): string => key.slice(0, 7);

/** The first day of the month `months` after the one of `key`. */
export function addMonths(key: DayKey, months: number): DayKey {
  const date = new Date(utcOfKey(key));
  return keyOfUtc(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** The weeks (Monday to Sunday) that cover the month of `key`. */
export function monthWeeks(key: DayKey): DayKey[][] {
  const first = addMonths(key, 0);
  const next = addMonths(key, 1);
  const weeks: DayKey[][] = [];
  for (let monday = startOfWeek(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** The days a view shows around `anchor`. */
export function visibleDays(view: CalendarView, anchor: DayKey): DayKey[] {
  switch (view) {
    case 'month':
      return monthWeeks(anchor).flat();
    case 'week':
      return Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i));
    case 'list': {
      const first = addMonths(anchor, 0);
      const next = addMonths(anchor, 1);
      const days: DayKey[] = [];
      for (let day = first; day < next; day = addDays(day, 1)) {
        days.push(day);
      }
      return days;
    }
  }
}

/** Where a view goes with "previous" (-1) and "next" (+1). */
export const shiftAnchor = (view: CalendarView, anchor: DayKey, step: number): DayKey =>
  view === 'week' ? addDays(anchor, 7 * step) : addMonths(anchor, step);

const wallOf = (key: DayKey, hour: number, minute: number): WallTime => {
  const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
  return { year, month, day, hour, minute };
};

/** The instant a day starts in `timeZone`. */
export const startOfDay = (key: DayKey, timeZone: string): Date => instantOf(wallOf(key, 0, 0), timeZone);

/** The UTC range [from, to) of the given days, for the posts query. */
export function rangeOf(days: readonly DayKey[], timeZone: string): { from: string; to: string } {
  const first = days[0] ?? '1970-01-01';
  const last = days.at(-1) ?? first;
  return {
    from: startOfDay(first, timeZone).toISOString(),
    to: startOfDay(addDays(last, 1), timeZone).toISOString(),
  };
}

/** The same wall-clock time on another day. */
export function moveToDay(iso: string, day: DayKey, timeZone: string): string {
  const wall = wallTimeAt(new Date(iso), timeZone);
  return instantOf(wallOf(day, wall.hour, wall.minute), timeZone).toISOString();
}

/** The start of an hour slot of the week view. */
export const atHour = (day: DayKey, hour: number, timeZone: string): string =>
  instantOf(wallOf(day, hour, 0), timeZone).toISOString();

/** The hour (0–23) of an instant in `timeZone`. */
export const hourOf = (iso: string, timeZone: string): number => wallTimeAt(new Date(iso), timeZone).hour;

/** Posts with a publish time, by day, earliest first. */
export function postsByDay(posts: readonly Post[], timeZone: string): Map<DayKey, Post[]> {
  const days = new Map<DayKey, Post[]>();
  const timed = posts.filter((post): post is Post & { publishAt: string } => post.publishAt !== null);
  for (const post of [...timed].sort((a, b) => a.publishAt.localeCompare(b.publishAt))) {
    const key = dayKeyOf(post.publishAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), post]);
  }
  return days;
}

/** Statuses a post can be dragged to another time in (nothing has gone out yet). */
const MOVABLE = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'] as const;

/**
 * Whether the calendar lets this post be moved. A scheduled post moved by someone whose posts need
 * approval would go back to draft: they open it instead.
 */
export function canMove(
  post: Pick<Post, 'status' | 'publishAt'>,
  options: { canDraft: boolean; needsApproval: boolean },
): boolean {
  if (!options.canDraft || post.publishAt === null || !(MOVABLE as readonly string[]).includes(post.status)) {
    return false;
  }
  return !(post.status === 'scheduled' && options.needsApproval);
}
