/**
 * Orders nspell's suggestions: small weighted edit distance first, where an accent-only change,
 * a doubled letter or a keyboard-adjacent key costs less than an arbitrary edit, and a changed
 * first letter costs more; the writer's capitalisation is kept.
 */
import type { CheckLanguage } from '../types.js';

const ROWS: Record<CheckLanguage, string[]> = {
  en: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  fr: ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
};

const ADJACENT: Record<CheckLanguage, Set<string>> = { en: adjacency(ROWS.en), fr: adjacency(ROWS.fr) };

function adjacency(rows: string[]): Set<string> {
  const pairs = new Set<string>();
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      const neighbours = [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r - 1]?.[i + 1], rows[r + 1]?.[i], rows[r + 1]?.[i - 1]];
      for (const n of neighbours) {
        if (n) {
          pairs.add(`${row[i]}${n}`);
          pairs.add(`${n}${row[i]}`);
        }
      }
    }
  });
  return pairs;
}

/** Strips accents: "ç" → "c". */
export function baseLetters(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

function substitutionCost(a: string, b: string, language: CheckLanguage): number {
  if (a === b) {
    return 0;
  }
  if (baseLetters(a) === baseLetters(b)) {
    return 0.25;
  }
  return ADJACENT[language].has(`${baseLetters(a)}${baseLetters(b)}`) ? 0.6 : 1;
}

/** Weighted Damerau–Levenshtein distance (optimal string alignment) on lower-cased code points. */
export function editCost(from: string, to: string, language: CheckLanguage): number {
  const a = [...from.toLowerCase()];
  const b = [...to.toLowerCase()];
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
  }
  const at = (i: number, j: number): number => (rows[i] as number[])[j] as number;
  for (let i = 0; i <= a.length; i++) {
    (rows[i] as number[])[0] = i;
  }
  for (let j = 0; j <= b.length; j++) {
    (rows[0] as number[])[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const ca = a[i - 1] as string;
      const cb = b[j - 1] as string;
      // Doubling or undoubling a letter ("comande" → "commande") is the most common slip.
      const deleteCost = ca === a[i - 2] || ca === b[j - 1] ? 0.5 : 1;
      const insertCost = cb === b[j - 2] || cb === a[i - 1] ? 0.5 : 1;
      let best = Math.min(at(i - 1, j) + deleteCost, at(i, j - 1) + insertCost, at(i - 1, j - 1) + substitutionCost(ca, cb, language));
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) {
        best = Math.min(best, at(i - 2, j - 2) + 0.5);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Gives `suggestion` the capitalisation of `original` (all caps, or a capital first letter). */
export function matchCase(original: string, suggestion: string): string {
  if ([...original].length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) {
    return suggestion.toUpperCase();
  }
  const first = original[0] ?? '';
  if (first !== first.toLowerCase()) {
    return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  }
  return suggestion;
}

/** The best `max` of `candidates` for `word`, ranked, case matched, deduplicated. */
export function rankSuggestions(word: string, candidates: readonly string[], language: CheckLanguage, max = 5): string[] {
  const firstLetter = baseLetters(word.charAt(0).toLowerCase());
  const scored = candidates.map((candidate, index) => {
    let score = editCost(word, candidate, language);
    if (baseLetters(candidate.charAt(0).toLowerCase()) !== firstLetter) {
      score += 0.5;
    }
    // Multi-word splits ("alot" → "a lot") are rarely the fix in a post.
    if (candidate.includes(' ')) {
      score += 0.3;
    }
    // nspell's own order breaks ties.
    return { candidate: matchCase(word, candidate), score: score + index * 0.001 };
  });
  scored.sort((x, y) => x.score - y.score);
  const seen = new Set<string>();
  const ranked: string[] = [];
  for (const { candidate } of scored) {
    if (!seen.has(candidate) && candidate !== word) {
      seen.add(candidate);
      ranked.push(candidate);
    }
    if (ranked.length === max) {
      break;
    }
  }
  return ranked;
}
