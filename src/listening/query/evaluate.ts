/**
 * The exact evaluator: a compiled query says whether an item matches (`test`, short-circuiting,
 * for the live stream) and why (`match`, every term located, for the UI and `hearth query test`).
 */
import type { FieldName, ParsedQuery, QueryNode, Span, TextTerm } from './ast.js';
import { leaves } from './ast.js';
import { prepareItem, type MatchableItem, type PreparedItem } from './item.js';
import { parseQueryOrThrow } from './parser.js';
import { fieldPasses, fieldValue, findNear, findTerm } from './terms.js';

export type TermKind = TextTerm['type'] | 'near';

/** One word, phrase, hashtag, mention or proximity group of the query, looked up in the item. */
export interface TermReport {
  /** As written in the query, and where. */
  query: string;
  querySpan: Span;
  kind: TermKind;
  /** Under an odd number of NOTs: finding it counts against the match. */
  negated: boolean;
  found: boolean;
  /** Where it occurs in the item's text (original characters, [start, end)), in order. */
  spans: Span[];
  /** Part of the reason for the outcome: for a match, what made it match; otherwise, what stopped it. */
  decisive: boolean;
}

/** One field filter of the query, checked against the item. */
export interface FilterReport {
  query: string;
  querySpan: Span;
  field: FieldName;
  negated: boolean;
  /** Whether the item satisfies the filter as written (a NOT around it not applied). */
  passed: boolean;
  /** The item's value: its language, network, followers... */
  actual: string | number | boolean | string[] | null;
  decisive: boolean;
}

export interface MatchResult {
  matched: boolean;
  /** Every term of the query, in query order. */
  terms: TermReport[];
  /** Every filter of the query, in query order. */
  filters: FilterReport[];
  /** What to highlight in the item's text: the spans of decisive terms found, sorted and merged. */
  highlights: Span[];
}

export interface CompiledQuery {
  readonly query: ParsedQuery;
  /** Whether the item matches; the fast path (no explanation). */
  test(item: MatchableItem | PreparedItem): boolean;
  /** Whether the item matches, and why. */
  match(item: MatchableItem | PreparedItem): MatchResult;
}

/**
 * Compiles a query once for any number of items. Throws QuerySyntaxError for an invalid query
 * (use parseQuery to validate without throwing). Pass a PreparedItem to share one tokenisation
 * between several queries.
 */
export function compileQuery(query: string | ParsedQuery): CompiledQuery {
  const parsed = typeof query === 'string' ? parseQueryOrThrow(query) : query;
  const test = compileTest(parsed.root);
  return {
    query: parsed,
    test: (item) => test(prepareItem(item)),
    match: (item) => explain(parsed, prepareItem(item)),
  };
}

type Test = (item: PreparedItem) => boolean;

/** Cheapest first: AND and OR may try their children in any order, so fields go before text. */
function cost(node: QueryNode): number {
  switch (node.type) {
    case 'field':
      return 0;
    case 'word':
      return node.word.prefix ? 3 : 1;
    case 'hashtag':
    case 'mention':
      return 4;
    case 'phrase':
      return 2 + node.words.length;
    case 'near':
      return 10;
    case 'not':
      return cost(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((sum, child) => sum + cost(child), 0);
  }
}

function compileTest(node: QueryNode): Test {
  switch (node.type) {
    case 'and': {
      const parts = [...node.children].sort((a, b) => cost(a) - cost(b)).map(compileTest);
      return (item) => parts.every((part) => part(item));
    }
    case 'or': {
      const parts = [...node.children].sort((a, b) => cost(a) - cost(b)).map(compileTest);
      return (item) => parts.some((part) => part(item));
    }
    case 'not': {
      const child = compileTest(node.child);
      return (item) => !child(item);
    }
    case 'word': {
      const { text, prefix } = node.word;
      return prefix
        ? (item) => item.prefixPositions(text).length > 0
        : (item) => item.positions(text).length > 0;
    }
    case 'phrase':
    case 'hashtag':
    case 'mention':
      return (item) => findTerm(item, node, true).length > 0;
    case 'near':
      return (item) => findNear(item, node, false).length > 0;
    case 'field': {
      const { filter } = node;
      return (item) => fieldPasses(item, filter);
    }
  }
}

function explain(parsed: ParsedQuery, item: PreparedItem): MatchResult {
  const terms: TermReport[] = [];
  const filters: FilterReport[] = [];
  const reports = new Map<QueryNode, TermReport | FilterReport>();
  for (const { node, negated } of leaves(parsed.root)) {
    const query = parsed.source.slice(node.span.start, node.span.end);
    if (node.type === 'field') {
      const report: FilterReport = {
        query,
        querySpan: node.span,
        field: node.filter.field,
        negated,
        passed: fieldPasses(item, node.filter),
        actual: fieldValue(item, node.filter),
        decisive: false,
      };
      filters.push(report);
      reports.set(node, report);
    } else {
      const found = node.type === 'near' ? findNear(item, node, true) : findTerm(item, node, false);
      const report: TermReport = {
        query,
        querySpan: node.span,
        kind: node.type,
        negated,
        found: found.length > 0,
        spans: mergeSpans(found),
        decisive: false,
      };
      terms.push(report);
      reports.set(node, report);
    }
  }
  const value = (node: QueryNode): boolean => {
    switch (node.type) {
      case 'and':
        return node.children.every(value);
      case 'or':
        return node.children.some(value);
      case 'not':
        return !value(node.child);
      case 'word':
      case 'phrase':
      case 'hashtag':
      case 'mention':
      case 'near':
      case 'field': {
        const report = reports.get(node);
        return report !== undefined && ('found' in report ? report.found : report.passed);
      }
    }
  };
  // Marks what gives `node` the value `wanted` (which it has).
  const markDecisive = (node: QueryNode, wanted: boolean): void => {
    switch (node.type) {
      case 'and':
      case 'or': {
        // AND true / OR false: every child counts; AND false / OR true: the children that decide.
        const all = (node.type === 'and') === wanted;
        for (const child of node.children) {
          if (all || value(child) === wanted) {
            markDecisive(child, wanted);
          }
        }
        return;
      }
      case 'not':
        markDecisive(node.child, !wanted);
        return;
      case 'word':
      case 'phrase':
      case 'hashtag':
      case 'mention':
      case 'near':
      case 'field': {
        const report = reports.get(node);
        if (report) {
          report.decisive = true;
        }
        return;
      }
    }
  };
  const matched = value(parsed.root);
  markDecisive(parsed.root, matched);
  const highlights = mergeSpans(
    terms.filter((term) => term.decisive && term.found).flatMap((term) => term.spans),
  );
  return { matched, terms, filters, highlights };
}

/** Sorted, with overlapping and touching spans merged. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}
