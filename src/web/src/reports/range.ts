/**
 * Date ranges of the reports pages, in the workspace's time zone: a preset is the last N whole days
 * up to tonight's midnight (today included); a custom range is from one local date's midnight to
 * the midnight after the other. The previous period is the server's: the same length just before.
 */
import { instantOf, wallTimeAt } from '../lib/zoned-time';
import type { Period } from './reports.api';

export const PRESETS = ['7', '30', '90', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface RangeChoice {
  preset: Preset;
  /** `YYYY-MM-DD`, local dates, both included: only for `custom`. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Local midnight of the calendar date `days` after the UTC-labelled date `date`. */
function midnight(date: { year: number; month: number; day: number }, days: number, timeZone: string): Date {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return instantOf(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

function parseDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The period a choice stands for; null for an incomplete or reversed custom range. */
export function periodOf(choice: RangeChoice, now: Date, timeZone: string): Period | null {
  if (choice.preset !== 'custom') {
    const today = wallTimeAt(now, timeZone);
    const to = midnight(today, 1, timeZone);
    const from = midnight(today, 1 - Number(choice.preset), timeZone);
    return { from: from.toISOString(), to: to.toISOString() };
  }
  const from = parseDate(choice.from);
  const to = parseDate(choice.to);
  if (from === null || to === null) {
    return null;
  }
  const start = midnight(from, 0, timeZone);
  const end = midnight(to, 1, timeZone);
  return start.getTime() < end.getTime() ? { from: start.toISOString(), to: end.toISOString() } : null;
}

/** The choice the pages open with: the last 30 days, and a custom range prefilled with them. */
export function defaultChoice(now: Date, timeZone: string): RangeChoice {
  return {
    preset: '30',
    from: localDate(new Date(now.getTime() - 29 * DAY_MS), timeZone),
    to: localDate(now, timeZone),
  };
}
