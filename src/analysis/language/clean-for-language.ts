/**
 * Strips what says nothing about a text's language before detection: links, e-mail addresses,
 * handles, '#' marks (a hashtag's words stay, split at case changes), entities and "RT".
 */

const ESCAPE = /\\u([0-9a-fA-F]{4})/g;
// Literal "http" tokens too: datasets (and some exports) replace links by a bare "http".
const URL_LIKE =
  /(?:\bhttps?:\/\/|\bwww\.)\S+|\bhttps?\b|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|io|co|fr|de|es|it|pt|uk|be|ch|ca|ly|gl|me|app|social|in)(?:\/\S*)?/giu;
const MAYBE_URL = /http|www\.|[\p{L}\p{N}]\.[a-z]{2}/iu;
// E-mail addresses and handles (@name, @name.bsky.social, @user@instance.social) alike. The
// lookbehind starts a match at a word's start only: without it each position rescans the word.
const ADDRESS = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]*@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_.-]+)?/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const CASE_CHANGE = /(\p{Ll})(\p{Lu})/gu;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+);/g;
const RETWEET = /\bRT\b/g;

/** Decodes literal `\uXXXX` escapes, as some exports (TweetEval) keep them. */
export function decodeUnicodeEscapes(text: string): string {
  return text.includes('\\u')
    ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The text as the language detector should see it. */
export function cleanForLanguage(text: string): string {
  // NFKC folds Arabic presentation forms, full-width and styled letters back to ordinary letters.
  // Each pattern runs only where its marker is: most texts have no link, handle or entity.
  let clean = decodeUnicodeEscapes(text).normalize('NFKC');
  if (MAYBE_URL.test(clean)) {
    clean = clean.replace(URL_LIKE, ' ');
  }
  if (clean.includes('@')) {
    clean = clean.replace(ADDRESS, ' ');
  }
  if (clean.includes('&')) {
    clean = clean.replace(ENTITY, ' ');
  }
  if (clean.includes('RT')) {
    clean = clean.replace(RETWEET, ' ');
  }
  if (clean.includes('#')) {
    clean = clean.replace(HASHTAG, (_, tag: string) => ` ${tag.replace(CASE_CHANGE, '$1 $2')} `);
  }
  return clean;
}
