/**
 * Trying a query before saving it: whether it parses (and if not, where the problem is), how it was
 * read, and — given a sample text — whether that text matches and why. The sample is analysed like a
 * stored mention, so `lang:`, `sentiment:` and `intent:` behave as they will on the stream.
 */
import type { Analyzer } from '../analysis/analyzer.js';
import type { NamedThings } from '../analysis/types.js';
import { compileQuery, describeQuery, parseQuery, type FilterReport, type MatchableItem, type TermReport } from './query/index.js';

export interface QuerySample {
  text: string;
  network?: string;
  author?: string;
  followers?: number;
  /** ISO 639-1; the analyzer decides when absent. */
  language?: string;
}

export type QueryTestResult =
  | { valid: false; error: { message: string; position: number; end: number } }
  | {
      valid: true;
      /** The query in words, as it was read. */
      description: string;
      sample?: {
        matches: boolean;
        language: string;
        sentiment: string;
        intents: string[];
        highlights: { start: number; end: number }[];
        terms: Pick<TermReport, 'query' | 'negated' | 'found' | 'decisive' | 'spans'>[];
        filters: Pick<FilterReport, 'query' | 'negated' | 'passed' | 'actual' | 'decisive'>[];
      };
    };

export async function testQuery(
  analyzer: () => Promise<Analyzer>,
  query: string,
  sample?: QuerySample,
  named: NamedThings = {},
): Promise<QueryTestResult> {
  const parsed = parseQuery(query);
  if (!parsed.ok) {
    const { message, position, end } = parsed.error;
    return { valid: false, error: { message, position, end } };
  }
  const description = describeQuery(parsed.query);
  if (!sample) {
    return { valid: true, description };
  }
  const analysis = (await analyzer()).analyze(sample.text, { named, ...(sample.language ? { language: sample.language } : {}) });
  const item: MatchableItem = {
    text: sample.text,
    language: analysis.language,
    author: { handle: (sample.author ?? '').replace(/^@/, ''), followers: sample.followers ?? null },
    network: sample.network ?? 'import',
    sentiment: analysis.sentiment.label,
    intents: analysis.intents.map((intent) => intent.label),
    hasLink: analysis.urls.length > 0,
    hasImage: false,
  };
  const result = compileQuery(parsed.query).match(item);
  return {
    valid: true,
    description,
    sample: {
      matches: result.matched,
      language: analysis.language,
      sentiment: analysis.sentiment.label,
      intents: item.intents.slice(),
      highlights: result.highlights.map(({ start, end }) => ({ start, end })),
      terms: result.terms.map(({ query: term, negated, found, decisive, spans }) => ({
        query: term,
        negated,
        found,
        decisive,
        spans: spans.map(({ start, end }) => ({ start, end })),
      })),
      filters: result.filters.map(({ query: filter, negated, passed, actual, decisive }) => ({ query: filter, negated, passed, actual, decisive })),
    },
  };
}
