/** Pure helpers of the community pages: filters in the URL, links that may become an href, due dates. */
import {
  ENGAGEMENT_LEVELS,
  PEOPLE_SORTS,
  RELATIONSHIP_STAGES,
  type EngagementLevel,
  type PeopleFilter,
  type PeopleSort,
  type PersonSummary,
  type RelationshipStage,
} from './community.api';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export const isStage = (value: string | null): value is RelationshipStage =>
  oneOf(RELATIONSHIP_STAGES, value) !== undefined;

export const isLevel = (value: string | null): value is EngagementLevel =>
  oneOf(ENGAGEMENT_LEVELS, value) !== undefined;

export const isSort = (value: string | null): value is PeopleSort => oneOf(PEOPLE_SORTS, value) !== undefined;

/** The people list's filters as the URL holds them (unknown values ignored; engagement by default). */
export function filterFromSearch(search: URLSearchParams): PeopleFilter {
  const filter: PeopleFilter = { sort: oneOf(PEOPLE_SORTS, search.get('sort')) ?? 'engagement' };
  const stage = oneOf(RELATIONSHIP_STAGES, search.get('stage'));
  const level = oneOf(ENGAGEMENT_LEVELS, search.get('level'));
  const q = search.get('q')?.trim() ?? '';
  const network = search.get('network')?.trim() ?? '';
  const tag = search.get('tag')?.trim() ?? '';
  if (q !== '') {
    filter.q = q;
  }
  if (stage !== undefined) {
    filter.stage = stage;
  }
  if (network !== '') {
    filter.network = network;
  }
  if (level !== undefined) {
    filter.level = level;
  }
  if (tag !== '') {
    filter.tag = tag;
  }
  return filter;
}

/** The URL's search parameters of a filter (the default sort left out). */
export function searchOfFilter(filter: PeopleFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.sort !== 'engagement') {
    search.set('sort', filter.sort);
  }
  for (const key of ['q', 'stage', 'network', 'level', 'tag'] as const) {
    const value = filter[key]?.trim() ?? '';
    if (value !== '') {
      search.set(key, value);
    }
  }
  return search;
}

/** Links found in profiles: only http(s) may become an href (no javascript:, data:…). */
export function safeLink(url: string | null | undefined): string | null {
  if (url === null || url === undefined) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A next step whose date has passed. */
export const isOverdue = (due: string | null, now: Date): boolean =>
  due !== null && !Number.isNaN(Date.parse(due)) && Date.parse(due) < now.getTime();

/** The name to show for a person: their name, else their first handle, else their first account key. */
export function personName(person: Pick<PersonSummary, 'displayName' | 'identities'>): string {
  const name = person.displayName?.trim() ?? '';
  if (name !== '') {
    return name;
  }
  const identity = person.identities[0];
  if (identity === undefined) {
    return '—';
  }
  return identity.handle !== null && identity.handle !== '' ? `@${identity.handle}` : identity.accountKey;
}

/** A handle as people write it: `@name`, or the account key when the network gives no handle. */
export const handleText = (identity: { handle: string | null; accountKey: string }): string =>
  identity.handle !== null && identity.handle !== ''
    ? `@${identity.handle.replace(/^@/, '')}`
    : identity.accountKey;

/** Tags typed by a user: trimmed, without '#', without duplicates or empties. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().replace(/^#+/, '');
    if (clean !== '') {
      seen.add(clean);
    }
  }
  return [...seen];
}

/** A score as it reads in a table: integers as they are, others with at most one decimal. */
export function formatScore(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: value >= 100 ? 0 : 1 }).format(value);
}

/** The file name of a person's export. */
export const exportFileName = (personId: string): string => `person-${personId}.json`;
