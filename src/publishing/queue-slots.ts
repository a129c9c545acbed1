/**
 * Queue slots: each account's recurring weekly times ("Monday 09:00"), read in the workspace's time
 * zone. "Add to queue" takes the next slot that is free, across DST changes: 09:00 stays 09:00 local.
 */
import { localMoment } from '../guardrails/claims/zoned-time.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface WeeklySlot {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

/** UTC offset of the zone at `instant`, in ms (local wall clock − UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const local = localMoment(new Date(instant), timeZone);
  return local.day * DAY_MS + local.minutes * MINUTE_MS - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant of a local date and time. A time skipped by a spring-forward change is moved forward
 * by the gap (02:30 → 03:30); a time repeated by a fall-back change is its first occurrence.
 */
export function instantOf(day: number, minutes: number, timeZone: string): Date {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const before = wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
  // Try the offset in force a few hours earlier too: it picks the first of two repeated times.
  const earlier = wall - offsetAt(wall - 6 * 3_600_000, timeZone);
  const candidates = [earlier, before].filter((t) => {
    const local = localMoment(new Date(t), timeZone);
    return local.day === day && local.minutes === minutes;
  });
  if (candidates.length > 0) {
    return new Date(Math.min(...candidates));
  }
  // Skipped time: the wall time read with the offset before the change lands after the gap.
  return new Date(wall - offsetAt(wall - 6 * 3_600_000, timeZone));
}

/** The first slot strictly after `from` not in `taken` (UTC ms), looking `horizonDays` ahead. */
export function nextFreeSlot(
  slots: readonly WeeklySlot[],
  taken: ReadonlySet<number>,
  from: Date,
  timeZone: string,
  horizonDays = 56,
): Date | null {
  if (slots.length === 0) {
    return null;
  }
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.minutes - b.minutes);
  const start = localMoment(from, timeZone).day;
  for (let day = start; day <= start + horizonDays; day++) {
    const weekday = (((day + 3) % 7) + 7) % 7;
    for (const slot of sorted) {
      if (slot.weekday !== weekday) {
        continue;
      }
      const instant = instantOf(day, slot.minutes, timeZone);
      if (instant.getTime() > from.getTime() && !taken.has(instant.getTime())) {
        return instant;
      }
    }
  }
  return null;
}

/** "09:30" ⇄ 570. */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};
export const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
