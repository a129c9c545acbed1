/** The weekly queue slots editor's rows: what is saved, in which order, and what is wrong. */
import type { QueueSlot } from './accounts.api';

/** One editable row; `time` is what a time input holds (`HH:MM`, empty while being typed). */
export interface SlotRow {
  weekday: number;
  time: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `09:30:00` (some browsers add seconds) → `09:30`; anything else unchanged. */
const shortTime = (time: string): string => time.trim().replace(/^(\d{2}:\d{2}):\d{2}(\.\d+)?$/, '$1');

export const isSlotTime = (time: string): boolean => TIME.test(shortTime(time));

/** The rows to save: complete ones only, once each, by weekday then time. */
export function slotsFromRows(rows: readonly SlotRow[]): QueueSlot[] {
  const seen = new Set<string>();
  const slots: QueueSlot[] = [];
  for (const row of rows) {
    const time = shortTime(row.time);
    const key = `${row.weekday}@${time}`;
    if (
      Number.isInteger(row.weekday) &&
      row.weekday >= 0 &&
      row.weekday <= 6 &&
      TIME.test(time) &&
      !seen.has(key)
    ) {
      seen.add(key);
      slots.push({ weekday: row.weekday, time });
    }
  }
  return slots.sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/** Indexes of the rows whose time is not a time of day. */
export const invalidSlotRows = (rows: readonly SlotRow[]): number[] =>
  rows.flatMap((row, index) => (isSlotTime(row.time) ? [] : [index]));

/** A new row after the last one: the same day, an hour later (or Monday 09:00 for the first). */
export function nextSlotRow(rows: readonly SlotRow[]): SlotRow {
  const last = rows.at(-1);
  if (last === undefined || !isSlotTime(last.time)) {
    return { weekday: last?.weekday ?? 0, time: '09:00' };
  }
  const [hours = 0, minutes = 0] = shortTime(last.time).split(':').map(Number);
  return hours >= 23
    ? { weekday: (last.weekday + 1) % 7, time: '09:00' }
    : {
        weekday: last.weekday,
        time: `${String(hours + 1).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
      };
}

/** The name of weekday 0 = Monday … 6 = Sunday in `locale`. */
export function weekdayName(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + weekday)),
  );
}
