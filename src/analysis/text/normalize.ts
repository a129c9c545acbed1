/**
 * Text normalisation shared by model training and prediction: both sides MUST call this, so a
 * model sees at run time exactly the kind of text it was trained on.
 */

// TweetEval's validation split keeps some characters as literal escapes (`\u2019`, `\u002c`).
const ESCAPE = /\\u([0-9a-fA-F]{4})/g;
// The placeholders follow TweetEval, whose training texts already read `@user` and `http`.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]{1,30}/gu;
// Three repeats carry the emphasis ("soooo"); more only spreads the same word over many spellings.
const LONG_RUN = /(.)\1{3,}/gu;
const SPACES = /\s+/gu;
// Typographic apostrophes are the norm in French tweets; one spelling keeps "l’" and "l'" the same token.
const APOSTROPHES = /[’‘`´]/gu;

/** Decode escapes, NFC, lower-case, URLs → `http`, handles → `@user`, squeeze runs and spaces. */
export function normalizeForModel(text: string): string {
  return text
    .replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .normalize('NFC')
    .replace(URL, 'http')
    .replace(HANDLE, '$1@user')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(LONG_RUN, '$1$1$1')
    .replace(SPACES, ' ')
    .trim();
}
