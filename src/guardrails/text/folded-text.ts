/**
 * Case- and accent-insensitive matching with spans in the original text, shared by the voice, tone
 * and claims checks (candidate to move to a common `guardrails/text/` folder).
 */
import { foldText, type FoldedText } from '../../analysis/extract/fold.js';
import type { Category, Finding, Severity } from '../types.js';

export type { FoldedText };

/** Folds `text` once; every matcher then runs on the folded form and maps spans back. */
export function fold(text: string): FoldedText {
  return foldText(text);
}

/** A phrase folded like texts are ("Calmez-vous" → "calmez vous"), escaped for a RegExp. */
export function phrasePattern(phrase: string): string {
  return escapeRegExp(foldText(phrase).text.trim());
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/#]/g, '\\$&');
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Compiles alternatives (RegExp sources written for folded text: lower case, no accents, straight
 * apostrophes, one space between words) into one whole-word matcher.
 */
export function compileMatcher(sources: readonly string[]): RegExp {
  // Longest first, so "it's not our fault" wins over "not our fault" at the same position.
  const ordered = [...sources].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${ordered.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Compiles plain phrases (not RegExp sources) into one whole-word matcher. */
export function compilePhrases(phrases: readonly string[]): RegExp {
  return compileMatcher(phrases.map(phrasePattern));
}

/** Spans in the ORIGINAL text of the matches of `pattern` (a global RegExp) on the folded text. */
export function findAll(folded: FoldedText, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of folded.text.matchAll(pattern)) {
    if (match[0].length === 0) {
      continue;
    }
    spans.push(toOriginal(folded, match.index, match.index + match[0].length));
  }
  return spans;
}

/** Original span [start, end) of the folded span [from, to). */
export function toOriginal(folded: FoldedText, from: number, to: number): Span {
  return { start: folded.start[from] ?? 0, end: folded.end[to - 1] ?? 0 };
}

/** Builds a finding whose `text` is read from the original text. */
export function makeFinding(
  text: string,
  span: Span,
  fields: { rule: string; category: Category; severity: Severity; message: string; suggestions?: string[] },
): Finding {
  return {
    rule: fields.rule,
    category: fields.category,
    severity: fields.severity,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    message: fields.message,
    suggestions: fields.suggestions ?? [],
  };
}
