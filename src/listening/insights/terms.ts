/**
 * The terms of a post for trend counting: its hashtags (`#tag`), its content words and the pairs of
 * adjacent content words ("black friday"), each once per post. Words come from the query
 * language's tokeniser, so "Équipe" and "equipe" are one term; French and English stop words, tokens
 * shorter than three characters and bare numbers are left out, and so are links and @handles.
 */
import { findHashtags } from '../../analysis/extract/hashtags.js';
import { STOP_WORDS as ACCENTED_STOP_WORDS } from '../../analysis/extract/stopwords.js';
import { tokenize, words } from '../query/text-tokens.js';

export const MIN_TERM_LENGTH = 3;

/** The analysis stop lists (French, English, social filler), folded as the tokeniser folds. */
const STOP_WORDS: ReadonlySet<string> = new Set([...ACCENTED_STOP_WORDS].flatMap((word) => words(word)));

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
// A whole token holding '@' (handles, e-mail addresses).
const ADDRESS = /(?<!\S)\S*@\S*/g;
const HASHTAG = /[#＃][\p{L}\p{M}\p{N}_]+/gu;
const DIGITS = /^\p{N}+$/u;

export function isContentWord(word: string): boolean {
  return word.length >= MIN_TERM_LENGTH && !STOP_WORDS.has(word) && !DIGITS.test(word);
}

/** The distinct terms of `text`: hashtags as `#tag` (folded), words, and bigrams of adjacent content words. */
export function termsOf(text: string, options: { bigrams?: boolean } = {}): Set<string> {
  const terms = new Set<string>();
  for (const { tag } of findHashtags(text)) {
    const folded = words(tag).join('');
    if (folded.length >= 2) {
      terms.add(`#${folded}`);
    }
  }
  let clean = text;
  if (clean.includes('http') || clean.includes('www.')) {
    clean = clean.replace(LINK, ' \n ');
  }
  if (clean.includes('@')) {
    clean = clean.replace(ADDRESS, ' \n ');
  }
  if (terms.size > 0) {
    // A hashtag counts as itself only; a break in its place keeps bigrams from spanning it.
    clean = clean.replace(HASHTAG, ' \n ');
  }
  const tokens = tokenize(clean);
  const bigrams = options.bigrams ?? true;
  let previous: string | null = null;
  let previousEnd = -1;
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i] as string;
    if (!isContentWord(word)) {
      previous = null;
      continue;
    }
    terms.add(word);
    const start = tokens.starts[i] as number;
    // Adjacent only when nothing but spaces lies between (no punctuation, no removed link or tag).
    if (
      bigrams &&
      previous !== null &&
      previous !== word &&
      /^[ \t]+$/.test(clean.slice(previousEnd, start))
    ) {
      terms.add(`${previous} ${word}`);
    }
    previous = word;
    previousEnd = tokens.ends[i] as number;
  }
  return terms;
}
