/** The stream's filters live in the page's URL (shareable; a saved query links to its stream). */
import { fromLocalInput, toLocalInput } from '../../lib/zoned-time';
import {
  INTENTS,
  SENTIMENTS,
  filterParams,
  type Intent,
  type MentionFilters,
  type Sentiment,
} from '../listening.api';

const listOf = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): value is T =>
    (allowed as readonly string[]).includes(value);

const text = (value: string | null): string | undefined =>
  value === null || value.trim() === '' ? undefined : value;

const nonEmpty = <T>(values: T[]): T[] | undefined => (values.length === 0 ? undefined : values);

/** Reads the filters from a URL's search part; unknown values are dropped. */
export function filtersFromSearch(search: URLSearchParams): MentionFilters {
  return {
    queryId: text(search.get('queryId')),
    query: text(search.get('query')),
    text: text(search.get('text')),
    networks: nonEmpty(listOf(search.get('network'))),
    languages: nonEmpty(listOf(search.get('language'))),
    sentiments: nonEmpty(listOf(search.get('sentiment')).filter(oneOf<Sentiment>(SENTIMENTS))),
    intents: nonEmpty(listOf(search.get('intent')).filter(oneOf<Intent>(INTENTS))),
    since: text(search.get('since')),
    until: text(search.get('until')),
  };
}

/** The URL search part of `filters` (the same keys as the API's). */
export const searchOf = (filters: MentionFilters): URLSearchParams => filterParams(filters);

/** The first instant of a `YYYY-MM-DD` day in `timeZone` (the `since` of a date filter). */
export const dayStartIn = (day: string, timeZone: string): string | undefined =>
  fromLocalInput(`${day}T00:00`, timeZone) ?? undefined;

/** The first instant after a day in `timeZone` (the `until` of a date filter, exclusive). */
export function dayEndIn(day: string, timeZone: string): string | undefined {
  const next = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(next.getTime())) {
    return undefined;
  }
  next.setUTCDate(next.getUTCDate() + 1);
  return dayStartIn(next.toISOString().slice(0, 10), timeZone);
}

/** The day a `since` starts, or the last day before an `until`, in `timeZone` (for the date inputs). */
export const dayOf = (iso: string | undefined, timeZone: string, exclusiveEnd = false): string => {
  if (iso === undefined || Number.isNaN(Date.parse(iso))) {
    return '';
  }
  const instant = exclusiveEnd ? new Date(Date.parse(iso) - 60_000).toISOString() : iso;
  return toLocalInput(instant, timeZone).slice(0, 10);
};
