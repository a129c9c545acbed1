/**
 * Service levels in business hours: a target of 60 minutes set at 17:30 on a Friday, with hours
 * 09:00–18:00 Monday to Friday, falls due at 09:30 on Monday — what support teams mean by "within an
 * hour". Days and times are read in the workspace's time zone, across DST changes.
 */
import { localMoment } from '../guardrails/claims/zoned-time.js';
import { instantOf, minutesOf } from '../publishing/queue-slots.js';

export interface BusinessHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM", local. */
  start: string;
  end: string;
}

export interface SlaPolicy {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  hours: BusinessHours;
  timeZone: string;
}

export const DEFAULT_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
export const DEFAULT_FIRST_RESPONSE_MINUTES = 60;
export const DEFAULT_NEXT_RESPONSE_MINUTES = 240;

const MINUTE_MS = 60_000;
/** Far enough for any target on any schedule with at least one open day. */
const HORIZON_DAYS = 400;

/** The local business window of a day, as instants; null when closed that day. */
function windowOf(
  day: number,
  hours: BusinessHours,
  timeZone: string,
): { open: number; close: number } | null {
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (!hours.days.includes(isoWeekday) || end <= start) {
    return null;
  }
  return { open: instantOf(day, start, timeZone).getTime(), close: instantOf(day, end, timeZone).getTime() };
}

/** The instant `minutes` business minutes after `from`; null when the hours have no open day. */
export function addBusinessMinutes(
  from: Date,
  minutes: number,
  hours: BusinessHours,
  timeZone: string,
): Date | null {
  let left = minutes * MINUTE_MS;
  const firstDay = localMoment(from, timeZone).day;
  for (let day = firstDay - 1; day <= firstDay + HORIZON_DAYS; day++) {
    const window = windowOf(day, hours, timeZone);
    if (!window) {
      continue;
    }
    const start = Math.max(window.open, from.getTime());
    if (start >= window.close) {
      continue;
    }
    if (start + left <= window.close) {
      return new Date(start + left);
    }
    left -= window.close - start;
  }
  return null;
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours, timeZone: string): number {
  if (to.getTime() <= from.getTime()) {
    return 0;
  }
  let total = 0;
  const last = localMoment(to, timeZone).day;
  for (let day = localMoment(from, timeZone).day - 1; day <= last + 1; day++) {
    const window = windowOf(day, hours, timeZone);
    if (window) {
      total += Math.max(0, Math.min(window.close, to.getTime()) - Math.max(window.open, from.getTime()));
    }
  }
  return Math.round(total / MINUTE_MS);
}

export interface SlaState {
  /** Which target applies: the first answer, or the next one after we spoke. */
  target: 'first_response' | 'next_response';
  dueAt: string;
  overdue: boolean;
}

/** The target that runs for a conversation waiting since `awaitingSince`; null when nothing waits. */
export function slaState(
  conversation: { awaitingSince: string | null; firstResponseAt: string | null },
  policy: SlaPolicy,
  now: Date,
): SlaState | null {
  if (conversation.awaitingSince === null) {
    return null;
  }
  const target = conversation.firstResponseAt === null ? 'first_response' : 'next_response';
  const minutes = target === 'first_response' ? policy.firstResponseMinutes : policy.nextResponseMinutes;
  const due = addBusinessMinutes(
    new Date(conversation.awaitingSince),
    minutes,
    policy.hours,
    policy.timeZone,
  );
  if (!due) {
    return null;
  }
  return { target, dueAt: due.toISOString(), overdue: now.getTime() > due.getTime() };
}
