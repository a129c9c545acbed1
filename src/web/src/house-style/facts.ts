/** Pure helpers of the fact register page: expiry as the claims check reads it, dates, the form. */
import { formatDate, formatDateTime } from '../lib/format';
import type { Fact, FactInput } from './house-style.api';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const isDateOnly = (value: string): boolean => DATE_ONLY.test(value);

/** Today's date (YYYY-MM-DD) in `timeZone`, or in UTC when the zone is unknown. */
export function localDay(now: Date, timeZone: string): string {
  const parts = (zone: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  let day: Record<string, string>;
  try {
    day = parts(timeZone);
  } catch {
    day = parts('UTC');
  }
  return `${day.year}-${day.month}-${day.day}`;
}

/**
 * Whether a fact valid until `validUntil` has expired at `now`, as the claims check decides: a date
 * is valid through its whole day in the workspace's time zone, a date and time until that instant.
 */
export function isExpired(validUntil: string | undefined, now: Date, timeZone: string): boolean {
  if (validUntil === undefined) {
    return false;
  }
  if (isDateOnly(validUntil)) {
    return validUntil < localDay(now, timeZone);
  }
  const until = Date.parse(validUntil);
  return !Number.isNaN(until) && until < now.getTime();
}

/** A fact's date as people read it: a bare date as written (no zone shift), an instant in the workspace's zone. */
export const formatFactDate = (value: string, locale: string, timeZone: string): string =>
  isDateOnly(value) ? formatDate(value, locale, 'UTC') : formatDateTime(value, locale, timeZone);

export interface FactFormValues {
  statement: string;
  value: string;
  sourceUrl: string;
  validUntil: string;
  sourceDate: string;
}

export const FACT_FIELDS = ['statement', 'value', 'sourceUrl', 'validUntil', 'sourceDate'] as const;

export const toFactForm = (fact?: Fact): FactFormValues => ({
  statement: fact?.statement ?? '',
  value: fact?.value ?? '',
  sourceUrl: fact?.sourceUrl ?? '',
  validUntil: fact?.validUntil ?? '',
  sourceDate: fact?.sourceDate ?? '',
});

/** The fact to send: text trimmed, empty optional fields left out. */
export function fromFactForm(values: FactFormValues): FactInput {
  const fact: FactInput = { statement: values.statement.trim() };
  for (const field of ['value', 'sourceUrl', 'validUntil', 'sourceDate'] as const) {
    const text = values[field].trim();
    if (text !== '') {
      fact[field] = text;
    }
  }
  return fact;
}

/** Only web addresses become links: a stored `javascript:` address must never be clickable. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A date the server reads (ISO 8601), or empty. */
export const isValidDate = (value: string): boolean =>
  value.trim() === '' || !Number.isNaN(Date.parse(value));
