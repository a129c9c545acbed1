/**
 * Every user-facing string of the query language, in one place so that a French (or any) version
 * is one more object of the same shape: parse errors and the descriptions of `describeQuery`.
 */
import type { HasFeature } from './ast.js';
import type { QueryErrorDetails, QueryErrorKind } from './errors.js';

export type ErrorArgs = QueryErrorDetails & { at: number };

export interface QueryMessages {
  errors: Record<QueryErrorKind, (args: ErrorArgs) => string>;
  describe: {
    /** The whole description around the body. */
    sentence: (body: string) => string;
    word: (word: string) => string;
    prefix: (prefix: string) => string;
    phrase: (words: string) => string;
    hashtag: (tag: string) => string;
    mention: (handle: string) => string;
    /** Operands already described; `distance` in words. */
    near: (operands: readonly string[], distance: number) => string;
    and: (parts: readonly string[]) => string;
    or: (parts: readonly string[]) => string;
    not: (part: string) => string;
    group: (part: string) => string;
    lang: (names: readonly string[], negated: boolean) => string;
    network: (names: readonly string[], negated: boolean) => string;
    sentiment: (labels: readonly string[], negated: boolean) => string;
    intent: (labels: readonly string[], negated: boolean) => string;
    author: (handles: readonly string[], negated: boolean) => string;
    has: (features: readonly HasFeature[], negated: boolean) => string;
    followers: (min: number | null, max: number | null, negated: boolean) => string;
    languageName: (code: string) => string;
    networkName: (id: string) => string;
    intentName: (label: string) => string;
  };
}

const quoteList = (values: readonly string[] | undefined): string => (values ?? []).join(', ');
const didYouMean = (args: ErrorArgs): string =>
  args.suggestion ? ` — did you mean ${args.suggestion}?` : '';
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
const count = (value: number): string => value.toLocaleString('en-US');

const LANGUAGES: Readonly<Record<string, string>> = {
  fr: 'French',
  en: 'English',
  es: 'Spanish',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  ar: 'Arabic',
  hi: 'Hindi',
  nl: 'Dutch',
  und: 'an undetermined language',
};
const NETWORKS: Readonly<Record<string, string>> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'RSS feeds',
  webhook: 'webhooks',
  import: 'imports',
};
const FEATURES: Readonly<Record<HasFeature, string>> = {
  link: 'a link',
  image: 'an image',
  mention: 'a mention',
  hashtag: 'a hashtag',
};

export const ENGLISH: QueryMessages = {
  errors: {
    empty: () => 'The query is empty',
    too_long: (a) =>
      `The query is too long: ${count(a.actual ?? 0)} characters, at most ${count(a.limit ?? 0)}`,
    too_deep: (a) => `Too many nested groups at ${a.at} (at most ${a.limit ?? 0} levels)`,
    too_many_terms: (a) => `Too many terms at ${a.at} (at most ${a.limit ?? 0})`,
    unclosed_quote: (a) => `Unclosed quote at ${a.at}`,
    empty_quotes: (a) => `Empty quotes at ${a.at}`,
    unclosed_paren: (a) => `Unclosed parenthesis at ${a.at}`,
    unexpected_paren: (a) => `Unexpected ')' at ${a.at}: no '(' to close`,
    empty_parens: (a) => `Empty parentheses at ${a.at}`,
    term_expected_after: (a) => `Expected a term after ${a.token ?? ''} at ${a.at}`,
    term_expected_before: (a) => `Expected a term before ${a.token ?? ''} at ${a.at}`,
    no_words: (a) => `'${a.token ?? ''}' at ${a.at} has no letters or digits to search for`,
    word_too_long: (a) => `Word too long at ${a.at} (at most ${a.limit ?? 0} characters)`,
    too_many_words: (a) => `Too many words at ${a.at} (at most ${a.limit ?? 0} in a phrase)`,
    wildcard_inside: (a) => `A wildcard * can only end a word: '${a.token ?? ''}' at ${a.at}`,
    wildcard_too_short: (a) =>
      `A wildcard needs at least ${a.limit ?? 0} letters before it: '${a.token ?? ''}' at ${a.at}`,
    wildcard_not_allowed: (a) =>
      `Wildcards do not apply to hashtags or mentions: '${a.token ?? ''}' at ${a.at}`,
    bad_hashtag: (a) => `'${a.token ?? ''}' at ${a.at} is not a hashtag (letters, digits and _ after #)`,
    bad_mention: (a) => `'${a.token ?? ''}' at ${a.at} is not a mention (a handle after @)`,
    proximity_distance: (a) => `Expected a distance after ~ at ${a.at}, as in "word1 word2"~5`,
    proximity_one_word: (a) => `Proximity needs at least two words in the quotes at ${a.at}`,
    proximity_needs_quotes: (a) =>
      `Proximity applies to a quoted phrase: write "word1 word2"~5 ('${a.token ?? ''}' at ${a.at})`,
    distance_too_large: (a) => `Distance too large at ${a.at} (at most ${a.limit ?? 0} words)`,
    near_distance: (a) => `NEAR needs a distance at ${a.at}, as in NEAR/5`,
    near_operand: (a) =>
      `NEAR links words, phrases, hashtags, mentions or (… OR …) groups of them, not '${a.token ?? ''}' at ${a.at}`,
    near_chain: (a) => `NEAR links two terms, at ${a.at}: for more, write "word1 word2 word3"~5`,
    unknown_field: (a) =>
      `Unknown field '${a.field ?? ''}' at ${a.at}` +
      (a.suggestion
        ? didYouMean(a)
        : ` (fields: ${quoteList(a.expected)}; to search for text with a colon, put it in quotes)`),
    missing_value: (a) => `Expected a value after '${a.field ?? ''}:' at ${a.at}`,
    bad_value: (a) =>
      `Unknown ${a.field ?? 'value'} '${a.token ?? ''}' at ${a.at}` +
      (a.suggestion ? didYouMean(a) : a.expected ? ` (expected ${orList(a.expected)})` : ''),
    too_many_values: (a) => `Too many values at ${a.at} (at most ${a.limit ?? 0})`,
    only_excludes: (a) =>
      `The part at ${a.at} only excludes, so it matches almost everything: add a word or a filter to look for, with AND`,
  },
  describe: {
    sentence: (body) => `Matches ${body}.`,
    word: (word) => `“${word}”`,
    prefix: (prefix) => `a word starting with “${prefix}”`,
    phrase: (words) => `the phrase “${words}”`,
    hashtag: (tag) => `the hashtag #${tag}`,
    mention: (handle) => `a mention of @${handle}`,
    near: (operands, distance) =>
      operands.length === 2
        ? `${operands[0] ?? ''} within ${distance} words of ${operands[1] ?? ''}`
        : `${orList(operands).replace(/ or ([^,]*)$/, ' and $1')} within ${distance} words of each other`,
    and: (parts) => parts.join(' and '),
    or: (parts) => parts.join(' or '),
    not: (part) => `not ${part}`,
    group: (part) => `(${part})`,
    lang: (names, negated) => `${negated ? 'not in' : 'in'} ${orList(names)}`,
    network: (names, negated) => `${negated ? 'not from' : 'from'} ${orList(names)}`,
    sentiment: (labels, negated) =>
      `with ${negated ? 'a sentiment other than' : 'a'} ${orList(labels)}${negated ? '' : ' sentiment'}`,
    intent: (labels, negated) => `${negated ? 'not expressing' : 'expressing'} ${orList(labels)}`,
    author: (handles, negated) =>
      `${negated ? 'not written by' : 'written by'} ${orList(handles.map((h) => `@${h}`))}`,
    has: (features, negated) => `${negated ? 'without' : 'with'} ${orList(features.map((f) => FEATURES[f]))}`,
    followers: (min, max, negated) => {
      const range =
        min !== null && max !== null
          ? min === max
            ? `exactly ${count(min)}`
            : `between ${count(min)} and ${count(max)}`
          : min !== null
            ? `more than ${count(min - 1)}`
            : `fewer than ${count((max ?? 0) + 1)}`;
      return `by an author ${negated ? 'without' : 'with'} ${range} followers`;
    },
    languageName: (code) => LANGUAGES[code] ?? code,
    networkName: (id) => NETWORKS[id] ?? id,
    intentName: (label) => label.replace(/_/g, ' '),
  },
};
