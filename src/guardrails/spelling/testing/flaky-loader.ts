/** Test `DictionaryLoader` for a spelling thread: the first load fails, later ones give a two-word dictionary. */
import type { DictionaryLoader } from '../dictionaries.js';
import { TWO_WORDS } from './two-words.js';

let calls = 0;

const flakyLoader: DictionaryLoader = async () => {
  calls++;
  if (calls === 1) {
    throw new Error('Dictionary unavailable (the first load fails on purpose).');
  }
  return TWO_WORDS;
};

export default flakyLoader;
