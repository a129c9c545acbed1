/**
 * Business minutes for many conversations at once: the same windows and arithmetic as inbox/sla.ts
 * (which walks the days one by one for each call), computed once per report as a sorted list of
 * open windows with running totals, then read by binary search. Outside the prepared span it falls
 * back to sla.ts itself, so both always agree (business-calendar.test.ts checks it).
 */
import { localMoment } from '../../guardrails/claims/zoned-time.js';
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from '../../inbox/sla.js';
import { instantOf, minutesOf } from '../../publishing/queue-slots.js';

const MINUTE_MS = 60_000;

export interface BusinessCalendar {
  between(from: Date, to: Date): number;
  add(from: Date, minutes: number): Date | null;
}

/** A calendar prepared for instants between `first` and `last` (and `extraDays` after `last`). */
export function businessCalendar(hours: BusinessHours, timeZone: string, first: Date, last: Date, extraDays = 30): BusinessCalendar {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const firstDay = localMoment(first, timeZone).day - 1;
  const lastDay = localMoment(last, timeZone).day + extraDays;
  const opens: number[] = [];
  const closes: number[] = [];
  /** before[i]: open milliseconds in the windows before window i. */
  const before: number[] = [];
  let total = 0;
  if (end > start) {
    for (let day = firstDay; day <= lastDay; day++) {
      const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
      if (!hours.days.includes(isoWeekday)) {
        continue;
      }
      const open = instantOf(day, start, timeZone).getTime();
      const close = instantOf(day, end, timeZone).getTime();
      opens.push(open);
      closes.push(close);
      before.push(total);
      total += close - open;
    }
  }
  // The span where the running totals are exact: whole local days from firstDay + 1 to lastDay.
  const spanStart = instantOf(firstDay + 1, 0, timeZone).getTime();
  const spanEnd = instantOf(lastDay, 0, timeZone).getTime();

  /** Open milliseconds before instant t (t inside the span). */
  const cumulative = (t: number): number => {
    let low = 0;
    let high = opens.length;
    // First window whose close is after t.
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((closes[mid] ?? 0) <= t) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low === opens.length) {
      return total;
    }
    return (before[low] ?? 0) + Math.max(0, t - (opens[low] ?? 0));
  };

  const inSpan = (t: number): boolean => t >= spanStart && t <= spanEnd;

  return {
    between(from, to) {
      if (!inSpan(from.getTime()) || !inSpan(to.getTime())) {
        return businessMinutesBetween(from, to, hours, timeZone);
      }
      if (to.getTime() <= from.getTime()) {
        return 0;
      }
      return Math.round((cumulative(to.getTime()) - cumulative(from.getTime())) / MINUTE_MS);
    },
    add(from, minutes) {
      if (!inSpan(from.getTime())) {
        return addBusinessMinutes(from, minutes, hours, timeZone);
      }
      const target = cumulative(from.getTime()) + minutes * MINUTE_MS;
      let low = 0;
      let high = opens.length;
      // First window whose running total at its close reaches the target.
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((before[mid] ?? 0) + ((closes[mid] ?? 0) - (opens[mid] ?? 0)) < target) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      if (low === opens.length) {
        return addBusinessMinutes(from, minutes, hours, timeZone);
      }
      return new Date((opens[low] ?? 0) + (target - (before[low] ?? 0)));
    },
  };
}
