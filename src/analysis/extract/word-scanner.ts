/**
 * Splits text into words and phrase breaks by character class, without a regular expression per
 * token: keyword extraction runs on every ingested text, and a Unicode regex per token cost ~4x.
 */

/** What a character does between words. */
const enum CharClass {
  Word,
  /** An apostrophe or hyphen: part of a word between two word characters ("l'été", "e-mail"). */
  Joiner,
  Space,
  /** Punctuation, a line break, an emoji: ends a phrase. */
  Break,
}

const ASCII = new Uint8Array(128).fill(CharClass.Break);
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(char)) {
    ASCII[c] = CharClass.Word;
  } else if (char === "'" || char === '-') {
    ASCII[c] = CharClass.Joiner;
  } else if (char === ' ' || char === '\t') {
    ASCII[c] = CharClass.Space;
  }
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;
const classes = new Map<number, CharClass>();

function classifyWide(codePoint: number): CharClass {
  let found = classes.get(codePoint);
  if (found === undefined) {
    const char = String.fromCodePoint(codePoint);
    found =
      codePoint === 0x2019
        ? CharClass.Joiner
        : WORD_CHAR.test(char)
          ? CharClass.Word
          : SPACE_CHAR.test(char) && codePoint !== 0x2028 && codePoint !== 0x2029
            ? CharClass.Space
            : CharClass.Break;
    // Bounded: one entry per distinct character met.
    if (classes.size < 20_000) {
      classes.set(codePoint, found);
    }
  }
  return found;
}

/**
 * Calls `onWord` with each word as written and `onBreak` at punctuation, line breaks and emoji.
 * A word is a run of letters, marks and digits, with inner apostrophes or hyphens.
 */
export function scanWords(text: string, onWord: (word: string) => void, onBreak: () => void): void {
  let start = -1;
  let lastWordEnd = -1;
  for (let i = 0; i <= text.length; i++) {
    let cls: CharClass;
    let width = 1;
    if (i === text.length) {
      cls = CharClass.Break;
    } else {
      const code = text.charCodeAt(i);
      if (code < 128) {
        cls = ASCII[code] as CharClass;
      } else {
        const point = text.codePointAt(i) as number;
        width = point > 0xffff ? 2 : 1;
        cls = classifyWide(point);
      }
    }
    if (cls === CharClass.Word) {
      if (start < 0) {
        start = i;
      }
      lastWordEnd = i + width;
    } else if (cls === CharClass.Joiner && start >= 0 && lastWordEnd === i) {
      // Maybe inside a word: decided by the next character.
    } else {
      if (start >= 0) {
        onWord(text.slice(start, lastWordEnd));
        start = -1;
      }
      if (cls !== CharClass.Space) {
        onBreak();
      }
    }
    i += width - 1;
  }
}
