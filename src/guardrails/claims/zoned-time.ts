/** Calendar dates and wall-clock times in an IANA time zone, with Intl only (no date library). */

export interface LocalMoment {
  /** Days since 1970-01-01 of the local calendar date: day arithmetic without DST pitfalls. */
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  year: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local calendar date and time of `instant` in `timeZone`. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const year = parts.year ?? 1970;
  const day = dayNumber(year, parts.month ?? 1, parts.day ?? 1);
  return { day, weekday: weekdayOf(day), minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0), year };
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** A valid calendar date (rejects 31 April), as a day number. */
export function validDay(year: number, month: number, day: number): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? dayNumber(year, month, day)
    : undefined;
}
