/**
 * Orders suggestions: small weighted edit distance first, where an accent-only change, a doubled
 * letter, a vowel for another vowel or a keyboard-adjacent key costs less than an arbitrary edit,
 * and a changed first letter costs more; then common words before rare ones ("army" before
 * "array" for "aray"), and a lower-case word before a name ("anna" → "Anna" only if nothing else).
 * The writer's capitalisation is kept. The weights were tuned on one half of the en-misspellings
 * targets (bench/guardrails/spelling-tune.ts) and are reported on the other half.
 */
import type { CheckLanguage } from '../types.js';
import { NO_COUNTS, type WordCounts } from './frequencies.js';

const ROWS: Record<CheckLanguage, string[]> = {
  en: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  fr: ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
};

const ADJACENT: Record<CheckLanguage, Set<string>> = { en: adjacency(ROWS.en), fr: adjacency(ROWS.fr) };

const VOWELS = new Set([...'aeiouy']);

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

export interface RankWeights {
  /** Cost of replacing a vowel by another vowel ("seperate"), instead of 1. */
  vowel: number;
  /** Cost of replacing a letter by a keyboard neighbour, instead of 1. */
  adjacentKey: number;
  /** Added when the first letter changes. */
  firstLetter: number;
  /** Added when the writer typed a lower-case word and the candidate has capitals (a name, a unit), bar English "I". */
  name: number;
  /** Added for a possessive the writer did not type ("affidavit's" for "affidavits"); contractions ("don't") are free. */
  possessive: number;
  /** Added for a multi-word candidate ("a lot"). */
  split: number;
  /** Subtracted times the candidate's commonness (0..1, frequencies.ts). */
  frequency: number;
}

/**
 * Tuned on the tune half of en-misspellings (bench/guardrails/spelling-tune.ts, coordinate descent
 * on top-1 + top-5), except `adjacentKey`: a prior for typed text, since those misspellings were
 * handwritten (tuned, it goes to 1 and gains 0.8 point of top-5 on that corpus).
 */
const ENGLISH_WEIGHTS: RankWeights = {
  vowel: 0.3,
  adjacentKey: 0.6,
  firstLetter: 0.75,
  name: 1.5,
  possessive: 0.3,
  split: 0.3,
  frequency: 2,
};

/**
 * French: `vowel` and `frequency` tuned on the tune half of the synthetic French misspellings
 * (bench/guardrails/spelling-fr.ts; `spelling-tune.ts --language fr`): no vowel discount (in French
 * the accent-only change is what is cheap). `firstLetter` is a prior there, since synthetic errors
 * fall on the first letter as often as on any other.
 */
const FRENCH_WEIGHTS: RankWeights = { ...ENGLISH_WEIGHTS, vowel: 1, firstLetter: 0.5, frequency: 1.5 };

export const DEFAULT_RANK_WEIGHTS: Record<CheckLanguage, RankWeights> = { en: ENGLISH_WEIGHTS, fr: FRENCH_WEIGHTS };

/** Strips accents: "ç" → "c". */
export function baseLetters(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

function substitutionCost(a: string, b: string, language: CheckLanguage, weights: RankWeights): number {
  if (a === b) {
    return 0;
  }
  const baseA = baseLetters(a);
  const baseB = baseLetters(b);
  if (baseA === baseB) {
    return 0.25;
  }
  let cost = 1;
  if (VOWELS.has(baseA) && VOWELS.has(baseB)) {
    cost = Math.min(cost, weights.vowel);
  }
  if (ADJACENT[language].has(`${baseA}${baseB}`)) {
    cost = Math.min(cost, weights.adjacentKey);
  }
  return cost;
}

/** Weighted Damerau–Levenshtein distance (optimal string alignment) on lower-cased code points. */
export function editCost(from: string, to: string, language: CheckLanguage, weights: RankWeights = DEFAULT_RANK_WEIGHTS[language]): number {
  const a = [...from.toLowerCase()];
  const b = [...to.toLowerCase()];
  const width = b.length + 1;
  const cells = new Float64Array((a.length + 1) * width);
  for (let i = 0; i <= a.length; i++) {
    cells[i * width] = i;
  }
  for (let j = 0; j <= b.length; j++) {
    cells[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const ca = a[i - 1] as string;
      const cb = b[j - 1] as string;
      // Doubling or undoubling a letter ("comande" → "commande") is the most common slip.
      const deleteCost = ca === a[i - 2] || ca === b[j - 1] ? 0.5 : 1;
      const insertCost = cb === b[j - 2] || cb === a[i - 1] ? 0.5 : 1;
      let best = Math.min(
        (cells[(i - 1) * width + j] as number) + deleteCost,
        (cells[i * width + j - 1] as number) + insertCost,
        (cells[(i - 1) * width + j - 1] as number) + substitutionCost(ca, cb, language, weights),
      );
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) {
        best = Math.min(best, (cells[(i - 2) * width + j - 2] as number) + 0.5);
      }
      cells[i * width + j] = best;
    }
  }
  return cells[a.length * width + b.length] as number;
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

export interface RankContext {
  counts?: WordCounts;
  weights?: RankWeights;
}

const hasUpper = (word: string): boolean => word !== word.toLowerCase();

/** English "I" and its contractions ("I'm", "I've"): capitalised, but not names. */
const PRONOUN_I = /^I(?:['’][a-z]+)?$/u;

/** Commonness of a multi-word candidate ("a lot") is that of its rarest word. */
function commonness(candidate: string, counts: WordCounts): number {
  const words = candidate.split(' ');
  return words.length === 1 ? counts.commonness(candidate) : Math.min(...words.map((w) => counts.commonness(w)));
}

/** How far `candidate` (as the dictionary spells it) is from the writer's `word`: lower is better. */
export function suggestionScore(word: string, candidate: string, language: CheckLanguage, context: RankContext = {}): number {
  const weights = context.weights ?? DEFAULT_RANK_WEIGHTS[language];
  const counts = context.counts ?? NO_COUNTS;
  let score = editCost(word, candidate, language, weights);
  if (baseLetters(candidate.charAt(0).toLowerCase()) !== baseLetters(word.charAt(0).toLowerCase())) {
    score += weights.firstLetter;
  }
  // "parsi" → "Paris" only when nothing lower-case fits; "ca" → "cA" (a unit) likewise. But "paris" → "Paris".
  const recased = candidate.toLowerCase() === word.toLowerCase();
  if (hasUpper(candidate) && !hasUpper(word) && !recased && !(language === 'en' && PRONOUN_I.test(candidate))) {
    score += weights.name;
  }
  if (/['’]s$/u.test(candidate) && !/['’]/u.test(word)) {
    score += weights.possessive;
  }
  // Multi-word splits ("alot" → "a lot") are rarely the fix in a post.
  if (candidate.includes(' ')) {
    score += weights.split;
  }
  return score - weights.frequency * commonness(candidate, counts);
}

/** The best `max` of `candidates` for `word`, ranked, case matched, deduplicated. */
export function rankSuggestions(
  word: string,
  candidates: readonly string[],
  language: CheckLanguage,
  max = 5,
  context: RankContext = {},
): string[] {
  const scored = [...new Set(candidates)].map((candidate, index) => ({
    candidate: matchCase(word, candidate),
    // The order of discovery breaks ties.
    score: suggestionScore(word, candidate, language, context) + index * 0.0001,
  }));
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
