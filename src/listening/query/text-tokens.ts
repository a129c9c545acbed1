/**
 * Words as the query language sees them, for the items searched AND for the words of a query: one
 * tokeniser on both sides is what makes matching insensitive to case and accents, splits French
 * elisions ("l'équipe" → "l" "equipe") and lets the full-text prefilter agree with the evaluator.
 *
 * A word is a run of letters and digits, folded like the rest of Hearth (analysis/extract/fold.ts:
 * lower case, no diacritics, ß → ss, œ → oe) and to their compatibility form. Everything else separates words: spaces, punctuation,
 * apostrophes, hyphens, underscores, '#', '@', emoji. That is also how SQLite FTS5 (unicode61) and
 * PostgreSQL's parser split the text `searchText()` produces, so token positions agree everywhere.
 */
import { foldText } from '../../analysis/extract/fold.js';

/** Longer runs (base64, hashes) are cut: longer query words are refused, so nothing is lost. */
export const MAX_TOKEN_LENGTH = 100;

export interface TextTokens {
  /** The folded words, in order; a word's index is its position. */
  readonly words: readonly string[];
  /** Original span [start, end) of each word, in UTF-16 code units of the text given. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** A combining mark: part of the word before it, and folded away. */
const MARK = -1;
/** Anything that is not part of a word. */
const SEPARATOR = -2;
type CharFold = string | typeof MARK | typeof SEPARATOR;

const MARK_CHAR = /^\p{M}$/u;
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const wide = new Map<number, CharFold>();

/** How a non-ASCII code point folds; cached, as texts use few distinct characters. */
function foldWide(codePoint: number): CharFold {
  let folded = wide.get(codePoint);
  if (folded === undefined) {
    const char = String.fromCodePoint(codePoint);
    if (MARK_CHAR.test(char)) {
      folded = MARK;
    } else {
      // Compatibility forms of letters and digits too: the "bold" 𝐀𝐜𝐦𝐞 of spam, ﬁ, full-width Ａ, ².
      const compatible = LETTER_OR_DIGIT.test(char) ? foldText(char.normalize('NFKD')).text : '';
      const text = WORD_CHARS.test(compatible) ? compatible : foldText(char).text;
      folded = WORD_CHARS.test(text) ? text : SEPARATOR;
    }
    // Bounded: one entry per distinct character met.
    if (wide.size < 50_000) {
      wide.set(codePoint, folded);
    }
  }
  return folded;
}

function isAsciiWord(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

function cut(word: string): string {
  if (word.length <= MAX_TOKEN_LENGTH) {
    return word;
  }
  const last = word.charCodeAt(MAX_TOKEN_LENGTH - 1);
  // Never leave half of a surrogate pair.
  return word.slice(0, last >= 0xd800 && last < 0xdc00 ? MAX_TOKEN_LENGTH - 1 : MAX_TOKEN_LENGTH);
}

/** Splits `text` into folded words with their original spans, in one pass. */
export function tokenize(text: string): TextTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  let end = -1;
  // Built only once a word meets a non-ASCII character; ASCII words are sliced and lower-cased.
  let built: string | null = null;
  const close = (): void => {
    words.push(cut(built ?? text.slice(start, end).toLowerCase()));
    starts.push(start);
    ends.push(end);
    start = -1;
    built = null;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiWord(code)) {
        if (start < 0) {
          start = i;
        }
        if (built !== null) {
          built += code <= 90 && code >= 65 ? String.fromCharCode(code + 32) : (text[i] as string);
        }
        end = i + 1;
      } else if (start >= 0) {
        close();
      }
      continue;
    }
    const point = text.codePointAt(i) as number;
    const width = point > 0xffff ? 2 : 1;
    const folded = foldWide(point);
    if (folded === MARK) {
      if (start >= 0) {
        built ??= text.slice(start, end).toLowerCase();
        end = i + width;
      }
    } else if (folded === SEPARATOR) {
      if (start >= 0) {
        close();
      }
    } else {
      if (start < 0) {
        start = i;
        built = '';
      } else if (built === null) {
        built = text.slice(start, end).toLowerCase();
      }
      built += folded;
      end = i + width;
    }
    i += width - 1;
  }
  if (start >= 0) {
    close();
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The folded words of `text` alone (query words, hashtags, handles). */
export function words(text: string): string[] {
  return tokenize(text).words as string[];
}

/**
 * The text to put in the full-text index (an FTS5 column, or `to_tsvector('simple', …)`): the
 * folded words separated by single spaces. The prefilter from `fts.ts` is a superset of the
 * evaluator's matches only over an index of this text.
 */
export function searchText(text: string): string {
  return tokenize(text).words.join(' ');
}
