/**
 * The full-text prefilter: a query turned into an SQLite FTS5 MATCH expression, a PostgreSQL
 * `to_tsquery` expression and column conditions, together selecting a SUPERSET of what the query
 * matches; the evaluator then confirms each candidate. Sound only over an index of `searchText()`:
 *
 *   SQLite      CREATE VIRTUAL TABLE … USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2')
 *               … WHERE items_fts MATCH ?                                  (bind `fts5`)
 *   PostgreSQL  … WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', $1)   (bind `tsquery`)
 *
 * (no stemmer: porter or 'english' would break prefixes). The expressions are values to bind, never
 * SQL to splice; inside them every word is quoted and escaped, so no query text can become an
 * operator, a column filter or a syntax error of the FTS language. What FTS cannot express is
 * loosened, never tightened: a field becomes a column condition or nothing, proximity becomes AND
 * on PostgreSQL, a NOT is kept only around what FTS finds exactly.
 */
import type { IntentLabel } from '../../analysis/types.js';
import type { FieldFilter, NearOperand, ParsedQuery, QueryNode, QueryWord } from './ast.js';
import { QUERY_LIMITS } from './limits.js';
import { parseQueryOrThrow } from './parser.js';
import { words } from './text-tokens.js';

/**
 * A condition every match meets, for the WHERE clause. A repository may drop any it has no column
 * for (the result stays a superset), never add one. `negated`: the item passes when its value is
 * unknown (NULL) or not among `values` / outside the range — write `col IS NULL OR NOT (…)`.
 * Values are lower case; compare handles case-insensitively, without a leading '@'.
 */
export type StructuredFilter =
  | { field: 'language' | 'network' | 'sentiment' | 'authorHandle'; values: string[]; negated: boolean }
  | { field: 'intents'; values: IntentLabel[]; negated: boolean }
  /** Inclusive bounds, null where open. Not negated: NULL followers fail. */
  | { field: 'authorFollowers'; min: number | null; max: number | null; negated: boolean }
  /** hasMention / hasHashtag as findMentions / findHashtags see the text. */
  | { field: 'hasLink' | 'hasImage' | 'hasMention' | 'hasHashtag'; value: boolean };

export interface Prefilter {
  /** FTS5 MATCH expression; null when the text cannot narrow the search (every item is a candidate). */
  fts5: string | null;
  /** `to_tsquery('simple', …)` expression; null as for fts5. */
  tsquery: string | null;
  /** Conditions every match meets. */
  filters: StructuredFilter[];
}

export interface PrefilterOptions {
  /** Restrict the FTS5 expression to this column of a table with several. */
  fts5Column?: string;
}

/** The prefilter of a query (a string is parsed first, throwing QuerySyntaxError). */
export function buildPrefilter(query: string | ParsedQuery, options: PrefilterOptions = {}): Prefilter {
  const { root } = typeof query === 'string' ? parseQueryOrThrow(query) : query;
  return { fts5: toFts5(root, options.fts5Column), tsquery: toTsQuery(root), filters: requiredFilters(root) };
}

/** How one FTS language writes the few things we need. */
interface Dialect {
  phrase: (words: readonly QueryWord[]) => string;
  and: (parts: readonly string[]) => string;
  or: (parts: readonly string[]) => string;
  andNot: (positive: string, negatives: readonly string[]) => string;
  /** Proximity of phrases (FTS5 NEAR semantics); undefined where the language has none. */
  near?: (phrases: readonly string[], distance: number) => string;
}

const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** FTS5 MATCH expression of the tree, or null when it cannot narrow the search. */
export function toFts5(root: QueryNode, column?: string): string | null {
  const part = translate(root, FTS5);
  if (part === null || column === undefined) {
    return part?.expr ?? null;
  }
  if (!COLUMN.test(column)) {
    throw new Error(`Invalid FTS5 column name: ${column}`);
  }
  return `{${column}} : (${part.expr})`;
}

/** `to_tsquery('simple', …)` expression of the tree, or null when it cannot narrow the search. */
export function toTsQuery(root: QueryNode): string | null {
  return translate(root, POSTGRES)?.expr ?? null;
}

/** A string literal of FTS5: in double quotes, quotes doubled; NUL (which would end it) dropped. */
export function fts5String(text: string): string {
  return `"${text.replace(/\0/g, '').replace(/"/g, '""')}"`;
}

/** A quoted tsquery lexeme: quotes doubled, backslashes escaped, NUL dropped. */
export function tsQueryLexeme(text: string): string {
  return `'${text.replace(/\0/g, '').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const wrap = (parts: readonly string[], operator: string): string =>
  parts.length === 1 ? (parts[0] as string) : parts.map((part) => `(${part})`).join(operator);

const FTS5: Dialect = {
  phrase: (phraseWords) => phraseWords.map((w) => fts5String(w.text) + (w.prefix ? '*' : '')).join(' + '),
  and: (parts) => wrap(parts, ' AND '),
  or: (parts) => wrap(parts, ' OR '),
  andNot: (positive, negatives) => `(${positive}) NOT (${wrap(negatives, ' OR ')})`,
  near: (phrases, distance) => `NEAR(${phrases.join(' ')}, ${distance})`,
};

const POSTGRES: Dialect = {
  phrase: (phraseWords) =>
    phraseWords.map((w) => tsQueryLexeme(w.text) + (w.prefix ? ':*' : '')).join(' <-> '),
  and: (parts) => wrap(parts, ' & '),
  or: (parts) => wrap(parts, ' | '),
  andNot: (positive, negatives) =>
    [positive, ...negatives].map((part, i) => (i === 0 ? `(${part})` : `!(${part})`)).join(' & '),
};

/** A translated subtree; `exact` when FTS finds precisely what the evaluator would. */
interface Part {
  expr: string;
  exact: boolean;
}

const plain = (texts: readonly string[]): QueryWord[] => texts.map((text) => ({ text, prefix: false }));

/** The phrases an operand may be: one, or one per alternative. */
function operandPhrases(operand: NearOperand, dialect: Dialect): string[] {
  if (operand.type === 'alternatives') {
    return operand.terms.map((term) => termPart(term, dialect).expr);
  }
  return [termPart(operand, dialect).expr];
}

function termPart(node: Exclude<NearOperand, { type: 'alternatives' }>, dialect: Dialect): Part {
  switch (node.type) {
    case 'word':
      return { expr: dialect.phrase([node.word]), exact: true };
    case 'phrase':
      return { expr: dialect.phrase(node.words), exact: true };
    case 'hashtag':
      // The tag's words in a row: also found outside a hashtag, so a superset.
      return { expr: dialect.phrase(plain(node.words)), exact: false };
    case 'mention':
      return { expr: dialect.phrase(plain(words(node.handle))), exact: false };
  }
}

/** A superset translation of `node`, or null for "no constraint". */
function translate(node: QueryNode, dialect: Dialect): Part | null {
  switch (node.type) {
    case 'word':
    case 'phrase':
    case 'hashtag':
    case 'mention':
      return termPart(node, dialect);
    case 'near': {
      const alternatives = node.operands.map((operand) => operandPhrases(operand, dialect));
      const combinations = alternatives.reduce((product, list) => product * list.length, 1);
      const near = dialect.near;
      if (near && combinations <= QUERY_LIMITS.maxNearExpansion) {
        return {
          expr: dialect.or(product(alternatives).map((phrases) => near(phrases, node.distance))),
          exact: false,
        };
      }
      // Every operand is present, at whatever distance.
      return { expr: dialect.and(alternatives.map((list) => dialect.or(list))), exact: false };
    }
    case 'field':
    case 'not':
      // Neither narrows by itself: a field is a column condition, and FTS cannot say "all but".
      return null;
    case 'or': {
      const parts = node.children.map((child) => translate(child, dialect));
      if (parts.some((part) => part === null)) {
        return null;
      }
      const kept = parts as Part[];
      return { expr: dialect.or(kept.map((part) => part.expr)), exact: kept.every((part) => part.exact) };
    }
    case 'and': {
      const positives: string[] = [];
      const negatives: string[] = [];
      let exact = true;
      for (const child of node.children) {
        if (child.type === 'not') {
          // Excluding is safe only with what FTS finds exactly: a looser FTS match would exclude too much.
          const inner = translate(child.child, dialect);
          if (inner?.exact) {
            negatives.push(inner.expr);
          } else {
            exact = false;
          }
          continue;
        }
        const part = translate(child, dialect);
        if (part === null) {
          exact = false;
        } else {
          positives.push(part.expr);
          exact &&= part.exact;
        }
      }
      if (positives.length === 0) {
        return null;
      }
      const positive = dialect.and(positives);
      return { expr: negatives.length > 0 ? dialect.andNot(positive, negatives) : positive, exact };
    }
  }
}

/** Every way to pick one item of each list. */
function product(lists: readonly (readonly string[])[]): string[][] {
  let combos: string[][] = [[]];
  for (const list of lists) {
    combos = combos.flatMap((combo) => list.map((item) => [...combo, item]));
  }
  return combos;
}

/** The field conditions every match meets: the filters among the top-level AND's terms. */
export function requiredFilters(root: QueryNode): StructuredFilter[] {
  const found: StructuredFilter[] = [];
  const visit = (node: QueryNode): void => {
    if (node.type === 'and') {
      node.children.forEach(visit);
    } else if (node.type === 'field') {
      found.push(...structured(node.filter, false));
    } else if (node.type === 'not' && node.child.type === 'field') {
      found.push(...structured(node.child.filter, true));
    } else if (node.type === 'or') {
      const merged = mergeSameField(node.children);
      if (merged) {
        found.push(...structured(merged, false));
      }
    }
  };
  visit(root);
  return found;
}

/** `lang:fr OR lang:en` → lang:fr|en; undefined unless every child filters the same listed field. */
function mergeSameField(children: readonly QueryNode[]): FieldFilter | undefined {
  const filters = children.map((child) => (child.type === 'field' ? child.filter : undefined));
  const first = filters[0];
  if (!first || first.field === 'followers' || first.field === 'has') {
    return undefined;
  }
  const values: string[] = [];
  for (const filter of filters) {
    if (filter === undefined || filter.field !== first.field || !('values' in filter)) {
      return undefined;
    }
    values.push(...filter.values);
  }
  return { ...first, values: [...new Set(values)] } as FieldFilter;
}

function structured(filter: FieldFilter, negated: boolean): StructuredFilter[] {
  switch (filter.field) {
    case 'lang':
      return [{ field: 'language', values: filter.values, negated }];
    case 'network':
      return [{ field: 'network', values: filter.values, negated }];
    case 'sentiment':
      return [{ field: 'sentiment', values: filter.values, negated }];
    case 'author':
      return [{ field: 'authorHandle', values: filter.values, negated }];
    case 'intent':
      return [{ field: 'intents', values: filter.values, negated }];
    case 'followers':
      return [{ field: 'authorFollowers', min: filter.min, max: filter.max, negated }];
    case 'has': {
      // has:a|b is "any of": one column condition only for one feature; NOT has:a|b is "none of".
      if (!negated && filter.values.length > 1) {
        return [];
      }
      return filter.values.map((feature) => ({ field: HAS_COLUMNS[feature], value: !negated }));
    }
  }
}

const HAS_COLUMNS = {
  link: 'hasLink',
  image: 'hasImage',
  mention: 'hasMention',
  hashtag: 'hasHashtag',
} as const;
