/**
 * The spelling seam of `check()`. It is asynchronous so that a server can keep the dictionaries in
 * a worker thread (threaded.ts); the CLI, tests and benchmarks check on their own thread (here).
 */
import type { CheckLanguage, Finding } from '../types.js';
import { createSpellChecker, type SpellCheckerOptions } from './spelling.js';

export interface SpellingService {
  /** Loads the language's dictionary once; a failed load rejects and the next call tries again. */
  ready(language: CheckLanguage): Promise<void>;
  /** Whether `ready(language)` has resolved: a call in that language will not wait on a load. */
  isReady(language: CheckLanguage): boolean;
  /** Unknown words of `text` with cheap suggestions; loads the dictionary first when needed. */
  check(text: string, language: CheckLanguage, workspaceWords?: readonly string[]): Promise<Finding[]>;
  /** Ranked replacements for one word, cached; the first call in a language builds its suggestion index (~0.5 s English, seconds French). */
  suggest(word: string, language: CheckLanguage): Promise<string[]>;
}

/** Spelling on the calling thread: loading French blocks it for seconds (fine for one-shot runs). */
export function createInProcessSpellChecker(options: SpellCheckerOptions = {}): SpellingService {
  const engine = createSpellChecker(options);
  return {
    ready: (language) => engine.ready(language),
    isReady: (language) => engine.isReady(language),
    async check(text, language, workspaceWords) {
      await engine.ready(language);
      return engine.check(text, language, workspaceWords);
    },
    async suggest(word, language) {
      await engine.ready(language);
      return engine.suggest(word, language);
    },
  };
}
