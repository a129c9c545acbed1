/** Banned terms and preferred substitutions, like Vale's substitution rules ("cheap" → "affordable"). */
import type { Finding } from '../types.js';
import { compilePhrases, findAll, makeFinding, type FoldedText } from '../text/folded-text.js';
import { matchCase } from './formality.js';
import type { BannedTerm } from './profile.js';

const FINAL_PERIOD = /\.?$/;

/** Whole-word, case- and accent-insensitive matches of each term, multi-word terms included. */
export function checkBannedTerms(text: string, folded: FoldedText, terms: readonly BannedTerm[]): Finding[] {
  const findings: Finding[] = [];
  for (const term of terms) {
    const pattern = compilePhrases([term.term]);
    for (const span of findAll(folded, pattern)) {
      const written = text.slice(span.start, span.end);
      const instead = term.replacement === undefined ? '' : ` Prefer "${term.replacement}".`;
      const why = term.reason === undefined ? '' : ` ${term.reason.replace(FINAL_PERIOD, '.')}`;
      findings.push(
        makeFinding(text, span, {
          rule: 'voice.banned-term',
          category: 'voice',
          severity: 'warning',
          message: `"${written}" is not part of this brand's vocabulary.${instead}${why}`,
          suggestions: term.replacement === undefined ? [] : [matchCase(written, term.replacement)],
        }),
      );
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
