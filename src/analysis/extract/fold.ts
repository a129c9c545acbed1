/**
 * Case- and accent-insensitive text, with a map back to the original: folding "Œuvre" or "ß"
 * changes lengths, and named-thing spans must point into the text the user wrote.
 */

export interface FoldedText {
  /** Lower-case, without diacritics; whitespace runs and hyphens become one space. */
  text: string;
  /** For each folded character, the original span [start, end) it came from. */
  start: Int32Array;
  end: Int32Array;
}

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  '’': "'",
  ʼ: "'",
};
const SEPARATOR = /[\s\-‐‑–—_]/u;
const MARKS = /\p{M}/gu;
const cache = new Map<string, string>();

/** One character (a code point), folded. */
function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    const lower = char.toLowerCase();
    folded = SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, '');
    // Bounded: the cache only ever holds characters, and texts use few distinct ones.
    if (cache.size < 10_000) {
      cache.set(char, folded);
    }
  }
  return folded;
}

const SPECIAL_CHARS = /[ßœæøłđı’ʼ]/g;
const SEPARATOR_RUNS = /[\s\-‐‑–—_]+/gu;

/**
 * The folded text alone, from whole-string operations (several times faster than `foldText`), to
 * test whether anything could match before paying for the span map. Same text as `foldText` but
 * for exotic context-dependent cases, which `foldText` then decides.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_CHARS, (char) => SPECIAL[char] ?? char)
    .replace(SEPARATOR_RUNS, ' ')
    .replace(/^ /, '');
}

/** Folds `text`; with `compact`, drops everything but letters and digits ("Maison-Lumière" → "maisonlumiere"). */
export function foldText(text: string, compact = false): FoldedText {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: string;
    let width = 1;
    if (code < 0x80) {
      // ASCII, most characters: no cache, no regular expression.
      if (isAsciiWord(code)) {
        out += code <= 90 && code >= 65 ? String.fromCharCode(code + 32) : (text[i] as string);
        starts.push(i);
        ends.push(i + 1);
        lastWasSpace = false;
        continue;
      }
      folded = text[i] as string;
    } else {
      width = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length ? 2 : 1;
      folded = foldChar(text.slice(i, i + width));
    }
    if (folded === '') {
      // A combining mark: it belongs to the character before it.
      if (ends.length > 0) {
        ends[ends.length - 1] = i + width;
      }
    } else if (compact ? !isWordChar(folded) : SEPARATOR.test(folded)) {
      if (!compact && !lastWasSpace) {
        out += ' ';
        starts.push(i);
        ends.push(i + width);
        lastWasSpace = true;
      }
    } else {
      for (let k = 0; k < folded.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      out += folded;
      lastWasSpace = false;
    }
    i += width - 1;
  }
  return { text: out, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

function isAsciiWord(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

const WORD_CHAR = /^[\p{L}\p{N}]+$/u;
const ASCII_WORD_CHAR = /^[a-z0-9]$/;

function isWordChar(folded: string): boolean {
  return folded.length === 1 && folded < '\u0080' ? ASCII_WORD_CHAR.test(folded) : WORD_CHAR.test(folded);
}

/** Original span [start, end) of the folded span [from, to). */
export function originalSpan(folded: FoldedText, from: number, to: number): [number, number] {
  return [folded.start[from] as number, folded.end[to - 1] as number];
}
