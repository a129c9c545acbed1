/**
 * The one error a query can raise: where (a character position, 0-based) and what, as a code with
 * its details for a translated UI, and an English message. A `validation_failed` AppError, so the
 * HTTP layer answers 400 and the CLI prints the message.
 */
import { AppError } from '../../core/errors.js';
import { ENGLISH, type QueryMessages } from './messages.js';

export type QueryErrorKind =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'too_many_terms'
  | 'unclosed_quote'
  | 'empty_quotes'
  | 'unclosed_paren'
  | 'unexpected_paren'
  | 'empty_parens'
  | 'term_expected_after'
  | 'term_expected_before'
  | 'no_words'
  | 'word_too_long'
  | 'too_many_words'
  | 'wildcard_inside'
  | 'wildcard_too_short'
  | 'wildcard_not_allowed'
  | 'bad_hashtag'
  | 'bad_mention'
  | 'proximity_distance'
  | 'proximity_one_word'
  | 'proximity_needs_quotes'
  | 'distance_too_large'
  | 'near_distance'
  | 'near_operand'
  | 'near_chain'
  | 'unknown_field'
  | 'missing_value'
  | 'bad_value'
  | 'too_many_values'
  | 'only_excludes';

/** What a message may mention; each kind uses a few of these. */
export interface QueryErrorDetails {
  /** The operator, word or value in question, as written. */
  token?: string;
  field?: string;
  /** The closest valid spelling, for "did you mean". */
  suggestion?: string;
  /** Valid values, when there are few. */
  expected?: readonly string[];
  /** The limit that was passed. */
  limit?: number;
  /** The actual size, for limits. */
  actual?: number;
}

export class QuerySyntaxError extends AppError {
  constructor(
    readonly kind: QueryErrorKind,
    /** 0-based position in the query text of what the message names. */
    readonly position: number,
    /** End (exclusive) of what the message names, for underlining. */
    readonly end: number,
    readonly details: QueryErrorDetails = {},
  ) {
    const message = formatQueryError(kind, position, details);
    super('validation_failed', message, [{ path: 'query', message }]);
    this.name = 'QuerySyntaxError';
  }
}

/** The message for an error, in the language of `messages`. */
export function formatQueryError(
  kind: QueryErrorKind,
  position: number,
  details: QueryErrorDetails,
  messages: QueryMessages = ENGLISH,
): string {
  return messages.errors[kind]({ ...details, at: position });
}

export function isQuerySyntaxError(error: unknown): error is QuerySyntaxError {
  return error instanceof QuerySyntaxError;
}
