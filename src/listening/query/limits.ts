/**
 * Bounds on what a query may ask, so that a query typed into the UI or sent to the API can never
 * make the parser, the evaluator or the database work without end.
 */
import { MAX_TOKEN_LENGTH } from './text-tokens.js';

export const QUERY_LIMITS = {
  /** Characters in the query text. */
  maxLength: 2_000,
  /** Nested parentheses and NOTs. */
  maxDepth: 20,
  /** Words, phrases, hashtags, mentions and field filters, all together. */
  maxTerms: 150,
  /** Words in one phrase or proximity group. */
  maxPhraseWords: 16,
  /** Characters in one word. */
  maxWordLength: MAX_TOKEN_LENGTH,
  /** Letters before a trailing wildcard: `ab*` would ask the index for too much. */
  minPrefixLength: 3,
  /** Words between proximity terms. */
  maxDistance: 100,
  /** Values of one field filter (`lang:fr|en|de`). */
  maxFieldValues: 20,
  /** NEAR over (… OR …) groups is expanded for FTS5 up to this many combinations. */
  maxNearExpansion: 32,
} as const;
