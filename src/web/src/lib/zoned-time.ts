/**
 * Wall-clock time in an IANA time zone ⇄ UTC instants, with Intl only. Posts are stored in UTC and
 * scheduled in the workspace's zone: a `<input type="datetime-local">` value is read in that zone,
 * whatever the browser's own zone is.
 *
 * Daylight saving time: a wall time skipped by a spring-forward change is moved forward by the gap
 * (02:30 → 03:30), a wall time repeated by a fall-back change is its first occurrence — as the server
 * reads queue slots (src/publishing/queue-slots.ts).
 */

/** A wall-clock time without a zone. `month` is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `instant` (seconds dropped). */
export function wallTimeAt(instant: Date | number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
  };
}

/** The wall time as if it were UTC, in ms: lets wall times be compared and shifted as numbers. */
const wallMs = (wall: WallTime): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** Local wall clock minus UTC at `instant`, in ms (Paris in summer: +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  return wallMs(wall) - Math.floor(instant / 60_000) * 60_000;
}

/** The instant of a wall-clock time in `timeZone` (see the file's note on DST changes). */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const target = wallMs(wall);
  const offsets = new Set([
    offsetAt(target - DAY_MS, timeZone),
    offsetAt(target, timeZone),
    offsetAt(target + DAY_MS, timeZone),
  ]);
  const matching = [...offsets]
    .map((offset) => target - offset)
    .filter((instant) => wallMs(wallTimeAt(instant, timeZone)) === target);
  if (matching.length > 0) {
    return new Date(Math.min(...matching));
  }
  // Skipped by a spring-forward change: read with the offset in force before it, it lands after the gap.
  return new Date(target - offsetAt(target - DAY_MS, timeZone));
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** `2026-03-29T09:30`, the value of a datetime-local input. */
export const formatWallTime = (wall: WallTime): string =>
  `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;

/** Reads a datetime-local value (seconds ignored); null when it is not one. */
export function parseWallTime(value: string): WallTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  return { year, month, day, hour, minute };
}

/** A UTC ISO instant as a datetime-local value in `timeZone`. */
export const toLocalInput = (iso: string, timeZone: string): string =>
  formatWallTime(wallTimeAt(new Date(iso), timeZone));

/** A datetime-local value read in `timeZone`, as a UTC ISO instant; null when the value is empty or invalid. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const wall = parseWallTime(value);
  return wall === null ? null : instantOf(wall, timeZone).toISOString();
}
