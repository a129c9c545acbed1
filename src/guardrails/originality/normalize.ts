/**
 * Originality's own normalisation: words folded so that case, accents, hashtags, emoji, punctuation,
 * links and handles cannot hide a copy, each word keeping its span in the ORIGINAL text so that a
 * shared passage can be highlighted where the writer typed it.
 */

export interface Token {
  /** Folded form: lower case, no diacritics, compatibility characters decomposed (ﬁ → fi, œ → oe). */
  word: string;
  /** Span in the original text, [start, end), UTF-16 code units. */
  start: number;
  end: number;
  /** Typed as a hashtag ("#Paris"): the same word for matching (see compare.ts for when it is a tag). */
  hashtag: boolean;
  /**
   * The second piece of a word split at an apostrophe ("don't" → "don" + "t", "l'été" → "l" + "ete"):
   * a token for matching, but not a word of its own when passages are counted in words.
   */
  joined: boolean;
}

// One alternation so that a URL or a handle is consumed whole before its pieces could match as words.
// '#' is not a word character: "#Paris" yields the word "paris". Apostrophes split ("l'équipe" →
// "l", "equipe") on both sides alike, so the typographic and straight forms never differ.
const TOKEN =
  /(?:https?:\/\/|www\.)[^\s<>"]+|[@＠][\p{L}\p{N}_]+(?:@[\p{L}\p{N}_.-]+)?|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}/gu;
// "soooo" and "sooo" are the same word for copy detection.
const LONG_RUN = /(.)\1{2,}/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };
const LIGATURE = /[œæßøđł]/gu;

/** Folds one word: NFKD, diacritics removed, lower case, ligatures spelled out, long runs squeezed. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .replace(LONG_RUN, '$1$1');
}

/** Splits a text into folded words with their original spans; URLs and @handles are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    // '@' / '＠' or a URL: dropped, since they name accounts and links rather than carry wording.
    if (first === 0x40 || first === 0xff20 || /^(?:https?:\/\/|www\.)/iu.test(raw)) {
      continue;
    }
    const start = match.index;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const previous = tokens[tokens.length - 1];
    tokens.push({
      word: foldWord(raw),
      start,
      end: start + raw.length,
      hashtag: before === 0x23 || before === 0xff03,
      joined: previous !== undefined && previous.end === start - 1 && APOSTROPHES.has(before),
    });
  }
  return tokens;
}

// Straight, typographic and modifier apostrophes, and the acute and grave accents typed in their place.
const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0xb4, 0x60]);
