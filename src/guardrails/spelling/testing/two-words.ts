/** A two-word Hunspell dictionary ("hello", "world") for tests that need a dictionary, not a language. */
import type { HunspellFiles } from '../dictionaries.js';

export const TWO_WORDS: HunspellFiles = {
  aff: new TextEncoder().encode('SET UTF-8\n'),
  dic: new TextEncoder().encode('2\nhello\nworld\n'),
};
