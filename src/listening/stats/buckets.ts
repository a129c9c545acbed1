/**
 * Counts over time: hours counted in SQL (UTC, the first 13 characters of created_at) folded into
 * the chart's buckets. Hour buckets are UTC hours (an instant each; the UI shows them in any zone).
 * Day buckets are the calendar days of a time zone: each UTC hour goes to the local day its start
 * falls in, which is exact for zones whose offset is whole hours (Europe, the Americas, most of
 * Asia) and rounds a day's edge to the hour elsewhere (India +5:30, Nepal +5:45).
 */
import type { SentimentLabel } from '../../analysis/types.js';

export type Interval = 'hour' | 'day';

/** One row of the SQL count: `hour` is `YYYY-MM-DDTHH` (UTC), sentiment null when not analysed. */
export interface HourCount {
  hour: string;
  sentiment: SentimentLabel | null;
  count: number;
}

export interface Bucket {
  /** Hour: the UTC instant it starts (`2026-03-01T10:00:00.000Z`); day: the local date (`2026-03-01`). */
  start: string;
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Not analysed (no sentiment). */
  unknown: number;
}

const HOUR_MS = 3_600_000;
/** More buckets than a chart can show: ask for days instead of hours, or a shorter range. */
export const MAX_BUCKETS = 2_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // sv-SE writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const emptyBucket = (start: string): Bucket => ({ start, total: 0, negative: 0, neutral: 0, positive: 0, unknown: 0 });

/** Every bucket key from `since` (inclusive) to `until` (exclusive), or null when there would be too many. */
export function bucketKeys(interval: Interval, since: Date, until: Date, timeZone: string): string[] | null {
  const keys: string[] = [];
  if (interval === 'hour') {
    for (let t = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS; t < until.getTime(); t += HOUR_MS) {
      if (keys.length === MAX_BUCKETS) {
        return null;
      }
      keys.push(new Date(t).toISOString());
    }
    return keys;
  }
  const last = localDate(new Date(until.getTime() - 1), timeZone);
  // Calendar arithmetic on the dates themselves (noon UTC: no DST edge can change the day).
  for (let day = localDate(since, timeZone); day <= last; day = nextDate(day)) {
    if (keys.length === MAX_BUCKETS) {
      return null;
    }
    keys.push(day);
  }
  return keys;
}

function nextDate(day: string): string {
  const next = new Date(`${day}T12:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The key of the bucket an hour (`YYYY-MM-DDTHH`, UTC) falls in. */
export function bucketOf(interval: Interval, hour: string, timeZone: string): string {
  const start = new Date(`${hour}:00:00.000Z`);
  return interval === 'hour' ? start.toISOString() : localDate(start, timeZone);
}

/** The hour counts folded into `keys`' buckets, in order; counts outside them are dropped. */
export function foldHours(interval: Interval, keys: readonly string[], hours: readonly HourCount[], timeZone: string): Bucket[] {
  const buckets = new Map(keys.map((key) => [key, emptyBucket(key)]));
  for (const { hour, sentiment, count } of hours) {
    const bucket = buckets.get(bucketOf(interval, hour, timeZone));
    if (bucket) {
      bucket.total += count;
      bucket[sentiment ?? 'unknown'] += count;
    }
  }
  return [...buckets.values()];
}
