/**
 * Field filters (`lang:fr`, `followers:>1000`...): their names, the values each accepts, and the
 * "did you mean" for a near miss.
 */
import { INTENT_LABELS, type IntentLabel, type SentimentLabel } from '../../analysis/types.js';
import type { FieldFilter, FieldName, HasFeature } from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { QUERY_LIMITS } from './limits.js';

/** Field names as typed (lower case) → the field. */
const FIELD_NAMES: Readonly<Record<string, FieldName>> = {
  lang: 'lang',
  language: 'lang',
  network: 'network',
  sentiment: 'sentiment',
  intent: 'intent',
  author: 'author',
  has: 'has',
  followers: 'followers',
};
export const FIELD_LIST: readonly FieldName[] = [
  'lang',
  'network',
  'sentiment',
  'intent',
  'author',
  'has',
  'followers',
];

const SENTIMENTS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const INTENT_ALIASES: Readonly<Record<string, IntentLabel>> = {
  purchase: 'purchase_intent',
  feature: 'feature_request',
  support: 'support_request',
};
const HAS: Readonly<Record<string, HasFeature>> = {
  link: 'link',
  links: 'link',
  url: 'link',
  image: 'image',
  images: 'image',
  mention: 'mention',
  mentions: 'mention',
  hashtag: 'hashtag',
  hashtags: 'hashtag',
};
/** Networks Hearth listens to; others (from imports) are accepted unless they look like a typo of these. */
export const KNOWN_NETWORKS = ['bluesky', 'mastodon', 'rss', 'webhook', 'import'] as const;
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  french: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  spanish: 'es',
  espagnol: 'es',
  german: 'de',
  allemand: 'de',
  italian: 'it',
  italien: 'it',
  portuguese: 'pt',
  portugais: 'pt',
  arabic: 'ar',
  arabe: 'ar',
  hindi: 'hi',
};

const LANGUAGE_CODE = /^(?:[a-z]{2}|und)$/;
const NETWORK_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const HANDLE = /^[a-z0-9_][a-z0-9_.-]*(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?$/;
const NUMBER = /^(\d+(?:\.\d+)?)([km]?)$/;
const COMPARISON = /^(>=|<=|>|<|=)?(.*)$/;
const RANGE = /^(.*)\.\.(.*)$/;

/** The field a name refers to (case-insensitive), or undefined. */
export function fieldNamed(name: string): FieldName | undefined {
  return FIELD_NAMES[name.toLowerCase()];
}

/** The closest of `candidates` to `value`, if it is close enough to be a typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.max(1, Math.floor(value.length / 3)));
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance <= bestDistance && (best === undefined || distance < editDistance(value, best))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    d[i * cols] = i;
  }
  for (let j = 0; j < cols; j++) {
    d[j] = j;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1);
      best = Math.min(best, (d[(i - 1) * cols + j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/** Where a raw value starts in the query, to point errors at the part in question. */
interface RawValue {
  text: string;
  start: number;
}

function splitValues(field: string, value: RawValue): RawValue[] {
  const parts: RawValue[] = [];
  let offset = 0;
  for (const text of value.text.split('|')) {
    if (text.length === 0) {
      throw new QuerySyntaxError('missing_value', value.start + offset, value.start + offset + 1, { field });
    }
    parts.push({ text: text.toLowerCase(), start: value.start + offset });
    offset += text.length + 1;
  }
  if (parts.length > QUERY_LIMITS.maxFieldValues) {
    throw new QuerySyntaxError('too_many_values', value.start, value.start + value.text.length, {
      limit: QUERY_LIMITS.maxFieldValues,
    });
  }
  return parts;
}

function badValue(
  field: string,
  part: RawValue,
  suggestion: string | undefined,
  expected?: readonly string[],
): never {
  throw new QuerySyntaxError('bad_value', part.start, part.start + part.text.length, {
    field,
    token: part.text,
    ...(suggestion === undefined ? {} : { suggestion }),
    ...(expected === undefined ? {} : { expected }),
  });
}

/** One value out of a closed list, with aliases; a near miss gets a suggestion. */
function oneOf<T extends string>(
  field: string,
  part: RawValue,
  valid: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T {
  const found = (valid as readonly string[]).includes(part.text) ? (part.text as T) : aliases[part.text];
  if (found !== undefined) {
    return found;
  }
  return badValue(field, part, closest(part.text, [...valid, ...Object.keys(aliases)]), valid);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Parses the value of field `name` (already recognised) into a filter. `value.start` is the
 * position of the value in the query, for errors.
 */
export function parseFieldValue(field: FieldName, value: RawValue): FieldFilter {
  if (value.text.length === 0) {
    throw new QuerySyntaxError('missing_value', value.start, value.start + 1, { field });
  }
  switch (field) {
    case 'lang':
      return {
        field,
        values: unique(
          splitValues(field, value).map((part) => {
            if (LANGUAGE_CODE.test(part.text)) {
              return part.text;
            }
            return badValue('language', part, LANGUAGE_NAMES[part.text], [
              'a two-letter code such as fr or en',
            ]);
          }),
        ),
      };
    case 'network':
      return {
        field,
        values: unique(
          splitValues(field, value).map((part) => {
            const known = (KNOWN_NETWORKS as readonly string[]).includes(part.text);
            const typo = known ? undefined : closest(part.text, KNOWN_NETWORKS);
            if (!NETWORK_ID.test(part.text) || typo !== undefined) {
              return badValue(field, part, typo, KNOWN_NETWORKS);
            }
            return part.text;
          }),
        ),
      };
    case 'sentiment':
      return {
        field,
        values: unique(splitValues(field, value).map((part) => oneOf(field, part, SENTIMENTS))),
      };
    case 'intent':
      return {
        field,
        values: unique(
          splitValues(field, value).map((part) => oneOf(field, part, INTENT_LABELS, INTENT_ALIASES)),
        ),
      };
    case 'has':
      return {
        field,
        values: unique(
          splitValues(field, value).map((part) =>
            oneOf(field, part, ['link', 'image', 'mention', 'hashtag'] as const, HAS),
          ),
        ),
      };
    case 'author':
      return {
        field,
        values: unique(
          splitValues(field, value).map((part) => {
            const handle = part.text.startsWith('@') ? part.text.slice(1) : part.text;
            return HANDLE.test(handle) ? handle : badValue('handle', part, undefined);
          }),
        ),
      };
    case 'followers':
      return parseFollowers(value);
  }
}

const FOLLOWERS_EXAMPLES = ['followers:>1000', 'followers:<=500', 'followers:100..10k'];

function parseCount(part: RawValue): number {
  const match = NUMBER.exec(part.text.toLowerCase());
  const scale = match?.[2] === 'k' ? 1_000 : match?.[2] === 'm' ? 1_000_000 : 1;
  const count = match ? Number(match[1]) * scale : Number.NaN;
  if (!Number.isSafeInteger(count)) {
    return badValue('number of followers', part, undefined, FOLLOWERS_EXAMPLES);
  }
  return count;
}

function parseFollowers(value: RawValue): FieldFilter {
  const range = RANGE.exec(value.text);
  if (range) {
    const low = range[1] as string;
    const min = parseCount({ text: low, start: value.start });
    const max = parseCount({ text: range[2] as string, start: value.start + low.length + 2 });
    if (min > max) {
      return badValue('range of followers', value, `${max}..${min}`);
    }
    return { field: 'followers', min, max };
  }
  const [, operator = '=', number = ''] = COMPARISON.exec(value.text) ?? [];
  const count = parseCount({ text: number, start: value.start + value.text.length - number.length });
  switch (operator) {
    case '>':
      return { field: 'followers', min: count + 1, max: null };
    case '>=':
      return { field: 'followers', min: count, max: null };
    case '<':
      return count === 0
        ? badValue('number of followers', value, '<=0')
        : { field: 'followers', min: null, max: count - 1 };
    case '<=':
      return { field: 'followers', min: null, max: count };
    default:
      return { field: 'followers', min: count, max: count };
  }
}
