/**
 * Which pieces of a text the spell checker looks at: words with their spans, minus what is never
 * a spelling question (numbers, ordinals, prices, times, one letter, short acronyms).
 */
import { maskProtected } from './protected-spans.js';

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

// Letters, marks and digits, with inner apostrophes and hyphens ("l’été", "peut-être", "10h30").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const UPPER = /^[\p{Lu}\p{M}]+$/u;

/** Candidate words of `text` (links, handles, hashtags and e-mails masked), spans in the original. */
export function findWords(text: string): WordSpan[] {
  const found: WordSpan[] = [];
  for (const match of maskProtected(text).matchAll(WORD)) {
    const word = match[0];
    // "3e", "1st", "10h30", "2,5", "COVID-19": a digit makes it a number, not a word to spell.
    if (!DIGIT.test(word)) {
      found.push({ word, start: match.index, end: match.index + word.length });
    }
  }
  return found;
}

/** One letter, or an all-caps acronym of at most five letters: never flagged. */
export function isExempt(word: string): boolean {
  const length = [...word].length;
  return length <= 1 || (length <= 5 && UPPER.test(word));
}

/** French elided articles and conjunctions that end in an apostrophe. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

/** Pronouns that follow a French inverted verb ("dit-il", "va-t-elle", "allez-vous", "donne-le-moi"). */
const INVERSION = new Set([
  't', 'il', 'elle', 'on', 'ils', 'elles', 'je', 'tu', 'nous', 'vous', 'moi', 'toi',
  'le', 'la', 'les', 'lui', 'leur', 'y', 'en', 'ce', 'ci', 'là',
]);

/** The part after a French elision ("l’été" → "été"), or undefined when there is none. */
export function afterElision(part: WordSpan): WordSpan | undefined {
  const match = /^([\p{L}]+)['’]/u.exec(part.word);
  if (!match || !ELISIONS.has((match[1] as string).toLowerCase())) {
    return undefined;
  }
  const cut = match[0].length;
  return { word: part.word.slice(cut), start: part.start + cut, end: part.end };
}

/** Splits a word on one kind of joiner, keeping spans. */
export function splitOn(part: WordSpan, joiner: RegExp): WordSpan[] {
  const pieces: WordSpan[] = [];
  let offset = 0;
  for (const piece of part.word.split(joiner)) {
    pieces.push({ word: piece, start: part.start + offset, end: part.start + offset + piece.length });
    offset += piece.length + 1;
  }
  return pieces;
}

export function isInversionPronoun(word: string): boolean {
  return INVERSION.has(word.toLowerCase());
}

/** Letters only upper-cased at the start: "Marseille" (not "MARSEILLE", not "iPhone"). */
export function hasUpperCase(word: string): boolean {
  return /\p{Lu}/u.test(word);
}
