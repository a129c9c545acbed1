/**
 * From comparisons to findings. Copying someone else is the fault the check exists for: a near-copy
 * of a competitor's post or of an ingested item is an error, a copied passage a warning. Reusing
 * one's own post is not plagiarism but networks downrank (X refuses) duplicate posts, so an own
 * near-copy is a warning and an own passage only a suggestion.
 */
import type { Finding, Severity } from '../types.js';
import type { Comparison } from './compare.js';
import type { Token } from './normalize.js';
import type { SourceKind } from './store.js';

export const NEAR_COPY_RULE = 'originality.near-copy';
export const PARTIAL_COPY_RULE = 'originality.partial-copy';

const KIND_PHRASE: Record<SourceKind, string> = {
  own: 'one of your own posts',
  competitor: "a competitor's post",
  ingested: 'an ingested item',
};

export interface SourceMatch {
  sourceId: string;
  kind: SourceKind;
  comparison: Comparison;
  similarity: number;
}

export interface FindingLimits {
  nearCopySimilarity: number;
  nearCopyCoverage: number;
  minNearCopyContentWords: number;
  minPassageWords: number;
  minPassageContentWords: number;
  /** Passages reported per source. */
  maxPassages: number;
}

/** How similar the texts are: the shingle Jaccard, or the share of the text in shared shingles. */
export function similarityOf(comparison: Comparison): number {
  return Math.max(comparison.jaccard, comparison.coverage);
}

/**
 * A near-copy: the two texts are nearly the same (Jaccard), or the source contains most of the text
 * (coverage: a truncated or extended copy) in at least a passage's worth of words. Either way they
 * must share enough distinct CONTENT words: two texts that are nothing but the same stock phrase
 * ("i may or may not be obsessed with …"), the same scattered function words ("who's down to go …
 * with me tomorrow") or the same tags are not copies of one another.
 */
export function isNearCopy(comparison: Comparison, limits: FindingLimits): boolean {
  if (comparison.sharedContentWords < limits.minNearCopyContentWords) {
    return false;
  }
  return (
    comparison.jaccard >= limits.nearCopySimilarity ||
    (comparison.coverage >= limits.nearCopyCoverage && comparison.sharedWords >= limits.minPassageWords)
  );
}

/** Findings for one source: one near-copy error over the copied extent, or one warning per long passage. */
export function findingsFor(
  text: string,
  tokens: readonly Token[],
  match: SourceMatch,
  limits: FindingLimits,
): Finding[] {
  const { comparison, kind, sourceId } = match;
  const similarity = Math.round(match.similarity * 1000) / 1000;
  const phrase = `${KIND_PHRASE[kind]} (${sourceId})`;
  const near = isNearCopy(comparison, limits);
  if (near && comparison.passages.length > 0) {
    const first = Math.min(...comparison.passages.map((p) => p.first));
    const last = Math.max(...comparison.passages.map((p) => p.last));
    const message =
      kind === 'own'
        ? `This text repeats ${phrase} at ${Math.round(similarity * 100)} % similarity; networks downrank duplicate posts, so rework it.`
        : `This text is a near-copy of ${phrase} at ${Math.round(similarity * 100)} % similarity; write it in your own words.`;
    return [
      finding(
        text,
        tokens,
        first,
        last,
        NEAR_COPY_RULE,
        kind === 'own' ? 'warning' : 'error',
        message,
        match.sourceId,
        similarity,
      ),
    ];
  }
  return (
    comparison.passages
      // A passage long in words but poor in content words is a stock phrase ("and i don't know how
      // to feel about"), written independently by many.
      .filter((p) => p.words >= limits.minPassageWords && p.contentWords >= limits.minPassageContentWords)
      .slice(0, limits.maxPassages)
      .map((p) => {
        const { words } = p;
        const message =
          kind === 'own'
            ? `These ${words} words repeat ${phrase}; vary the wording if this is not deliberate.`
            : `These ${words} words are copied from ${phrase}; quote and credit it, or rewrite the passage.`;
        return finding(
          text,
          tokens,
          p.first,
          p.last,
          PARTIAL_COPY_RULE,
          kind === 'own' ? 'suggestion' : 'warning',
          message,
          sourceId,
          similarity,
        );
      })
  );
}

function finding(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  rule: string,
  severity: Severity,
  message: string,
  sourceId: string,
  similarity: number,
): Finding {
  const start = (tokens[first] as Token).start;
  const end = (tokens[last] as Token).end;
  return {
    rule,
    category: 'originality',
    severity,
    start,
    end,
    text: text.slice(start, end),
    message,
    suggestions: [],
    sourceId,
    similarity,
  };
}
