/**
 * The words a set of mentions uses most: each text split by the query language's tokeniser (so a
 * term is a word the query box would find), stop words, lone letters and numbers left out; a term
 * counts once per mention it appears in.
 */
import { isContentWord } from '../../guardrails/originality/stopwords.js';
import { words } from '../query/text-tokens.js';

export interface TermCount {
  term: string;
  /** Mentions that hold it. */
  count: number;
}

/** The `limit` most frequent content words of `texts`, most frequent first (ties in alphabetical order). */
export function topTerms(texts: Iterable<string>, limit: number): TermCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(words(text))) {
      if (isContentWord(word)) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([term, count]) => ({ term, count }));
}
