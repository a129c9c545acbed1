/**
 * The listening query language (docs/LISTENING.md): Brandwatch-style boolean queries parsed into a
 * typed tree, matched exactly against items with the reasons why, described in words, and turned
 * into a full-text prefilter for SQLite FTS5 and PostgreSQL. Pure: no database, no HTTP.
 */
export type * from './ast.js';
export { parseQuery, parseQueryOrThrow, type ParseOutcome } from './parser.js';
export {
  QuerySyntaxError,
  isQuerySyntaxError,
  formatQueryError,
  type QueryErrorKind,
  type QueryErrorDetails,
} from './errors.js';
export { QUERY_LIMITS } from './limits.js';
export {
  compileQuery,
  type CompiledQuery,
  type MatchResult,
  type TermReport,
  type FilterReport,
} from './evaluate.js';
export { PreparedItem, prepareItem, type MatchableItem, type Occurrence } from './item.js';
export {
  buildPrefilter,
  toFts5,
  toTsQuery,
  requiredFilters,
  fts5String,
  tsQueryLexeme,
  type Prefilter,
  type PrefilterOptions,
  type StructuredFilter,
} from './fts.js';
export { searchText, tokenize, words, type TextTokens } from './text-tokens.js';
export { describeQuery } from './describe.js';
export { ENGLISH, type QueryMessages } from './messages.js';
