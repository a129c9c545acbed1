/**
 * The periods a scheduled report covers, in the workspace's time zone: daily is the previous local
 * day, weekly the previous Monday–Sunday, monthly the previous calendar month. Boundaries are local
 * midnights read as instants (so a day is 23 or 25 hours long across a DST change, and a week 167
 * or 169). A schedule runs one hour after its period ends — at 01:00 local after a daily period,
 * 01:00 on Monday after a week, 01:00 on the 1st after a month — so late-arriving items of the last
 * minutes are in. A server that was down sends the latest complete period once, not every period
 * it missed.
 */
import { dayNumber, localMoment } from '../../guardrails/claims/zoned-time.js';
import { instantOf } from '../../publishing/queue-slots.js';
import type { ReportCadence } from '../reports.tables.js';

export interface ReportPeriod {
  /** Inclusive: local midnight starting the period. */
  from: Date;
  /** Exclusive: local midnight after the period. */
  to: Date;
  /** ISO, language-neutral: `2026-03-27`, `2026-03-23 – 2026-03-29`, `2026-03`. */
  label: string;
}

/** How long after the end of its period a schedule runs. */
export const RUN_DELAY_MS = 60 * 60_000;

const DAY_MS = 86_400_000;

interface DayRange {
  /** Local day numbers (days since 1970-01-01), end exclusive. */
  start: number;
  end: number;
}

function monthOf(day: number): { year: number; month: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The local days of the period of `cadence` that contains `at`. */
function periodContaining(cadence: ReportCadence, at: Date, timeZone: string): DayRange {
  const local = localMoment(at, timeZone);
  switch (cadence) {
    case 'daily':
      return { start: local.day, end: local.day + 1 };
    case 'weekly': {
      const monday = local.day - local.weekday;
      return { start: monday, end: monday + 7 };
    }
    case 'monthly': {
      const { year, month } = monthOf(local.day);
      // Date.UTC carries month 13 into January of the next year.
      return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
    }
  }
}

function previous(cadence: ReportCadence, range: DayRange): DayRange {
  switch (cadence) {
    case 'daily':
      return { start: range.start - 1, end: range.start };
    case 'weekly':
      return { start: range.start - 7, end: range.start };
    case 'monthly': {
      const { year, month } = monthOf(range.start);
      return { start: dayNumber(year, month - 1, 1), end: range.start };
    }
  }
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function labelOf(cadence: ReportCadence, range: DayRange): string {
  switch (cadence) {
    case 'daily':
      return isoDay(range.start);
    case 'weekly':
      return `${isoDay(range.start)} – ${isoDay(range.end - 1)}`;
    case 'monthly':
      return isoDay(range.start).slice(0, 7);
  }
}

/** The last period of `cadence` that has ended at `at`. */
export function lastCompletePeriod(cadence: ReportCadence, at: Date, timeZone: string): ReportPeriod {
  const range = previous(cadence, periodContaining(cadence, at, timeZone));
  return {
    from: instantOf(range.start, 0, timeZone),
    to: instantOf(range.end, 0, timeZone),
    label: labelOf(cadence, range),
  };
}

/** When a schedule next runs after `at`: one hour after the period in progress at `at` ends. */
export function nextRunAfter(cadence: ReportCadence, at: Date, timeZone: string): Date {
  const current = periodContaining(cadence, at, timeZone);
  const runAt = new Date(instantOf(current.end, 0, timeZone).getTime() + RUN_DELAY_MS);
  // Between a period's end and its run hour, the run still to come is that period's own.
  const pending = new Date(instantOf(current.start, 0, timeZone).getTime() + RUN_DELAY_MS);
  return pending.getTime() > at.getTime() ? pending : runAt;
}

/** The label of the period that starts at `from` (as stored on a delivery). */
export function periodLabel(cadence: ReportCadence, from: Date, timeZone: string): string {
  return labelOf(cadence, periodContaining(cadence, from, timeZone));
}
