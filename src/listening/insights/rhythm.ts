/**
 * Posting rhythm in the workspace's time zone (a brand plans its week in local time, not UTC):
 * posts per weekday × hour, and posts and engagement per week (weeks start on Monday).
 */

export interface Rhythm {
  timeZone: string;
  /** [weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23, local time. */
  byWeekdayHour: number[][];
  byWeekday: number[];
  byHour: number[];
  /** Every week of the period, empty ones included, oldest first. */
  byWeek: { weekStart: string; posts: number; engagement: number }[];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_MS = 86_400_000;

interface LocalTime {
  weekday: number;
  hour: number;
  /** The local calendar date as UTC midnight, in ms. */
  day: number;
}

function localTimeFormat(timeZone: string): (at: Date) => LocalTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(at)) {
      parts[part.type] = part.value;
    }
    return {
      weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Mon'),
      hour: Number(parts.hour) % 24,
      day: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)),
    };
  };
}

const weekStartOf = (local: LocalTime): number => local.day - local.weekday * DAY_MS;

export function rhythmOf(
  posts: readonly { createdAt: string; engagement: number }[],
  timeZone: string,
  since: string,
  until: string,
): Rhythm {
  const local = localTimeFormat(timeZone);
  const byWeekdayHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const byWeekday = new Array<number>(7).fill(0);
  const byHour = new Array<number>(24).fill(0);
  const weeks = new Map<number, { posts: number; engagement: number }>();
  const first = weekStartOf(local(new Date(since)));
  const last = weekStartOf(local(new Date(new Date(until).getTime() - 1)));
  for (let week = first; week <= last; week += 7 * DAY_MS) {
    weeks.set(week, { posts: 0, engagement: 0 });
  }
  for (const post of posts) {
    const at = local(new Date(post.createdAt));
    (byWeekdayHour[at.weekday] as number[])[at.hour] =
      ((byWeekdayHour[at.weekday] as number[])[at.hour] ?? 0) + 1;
    byWeekday[at.weekday] = (byWeekday[at.weekday] ?? 0) + 1;
    byHour[at.hour] = (byHour[at.hour] ?? 0) + 1;
    const week = weeks.get(weekStartOf(at));
    if (week) {
      week.posts += 1;
      week.engagement += post.engagement;
    }
  }
  return {
    timeZone,
    byWeekdayHour,
    byWeekday,
    byHour,
    byWeek: [...weeks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([week, totals]) => ({ weekStart: new Date(week).toISOString().slice(0, 10), ...totals })),
  };
}
