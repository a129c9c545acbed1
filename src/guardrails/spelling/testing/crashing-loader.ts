/**
 * Test `DictionaryLoader` for a spelling thread: English is a two-word dictionary, loading French
 * ends the thread (`process.exit` in a worker ends only the worker). Never use it on the main thread.
 */
import type { DictionaryLoader } from '../dictionaries.js';
import { TWO_WORDS } from './two-words.js';

const crashingLoader: DictionaryLoader = async (language) => {
  if (language === 'fr') {
    process.exit(3);
  }
  return TWO_WORDS;
};

export default crashingLoader;
