/** Pure helpers of the dictionary page: reading a list of typed words, filtering the dictionary. */

/** The longest word the server accepts. */
export const MAX_WORD_LENGTH = 80;

const SEPARATORS = /[\s,;]+/u;

/** The words of a typed or pasted list (spaces, commas, semicolons or new lines between them), each once. */
export function parseWords(input: string): string[] {
  return [...new Set(input.split(SEPARATORS).filter((word) => word !== ''))];
}

/** Lower case without accents, so "cafe" finds "Café". */
export const foldWord = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words containing `query`, ignoring case and accents; all of them for an empty query. */
export function filterWords(words: readonly string[], query: string): string[] {
  const wanted = foldWord(query.trim());
  return wanted === '' ? [...words] : words.filter((word) => foldWord(word).includes(wanted));
}
