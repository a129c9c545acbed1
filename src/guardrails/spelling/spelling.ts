/**
 * Spelling, French and English, with nspell and the dictionary-fr / dictionary-en Hunspell files.
 *
 * `ready(language)` loads a dictionary once (French: seconds and hundreds of MB); after that
 * `check` is synchronous. nspell's `suggest` can take seconds on an unknown long word (a name, in
 * either language), too slow for checking as one types, so `check` attaches cheap suggestions
 * only: the full list when `suggest` already cached it, otherwise the dictionary words one edit
 * away (about a millisecond). `suggest(word, language)` computes the full ranked list (nspell's
 * plus the one-edit words) on demand, e.g. when the writer opens the finding, and caches it.
 *
 * This is the synchronous engine; `check()` reaches it through the asynchronous `SpellingService`
 * (service.ts): on the caller's thread, or in a worker thread for a server (threaded.ts).
 */
import type { CheckLanguage, Finding } from '../types.js';
import { loadDictionary, packagedDictionary, type DictionaryLoader, type LoadedDictionary } from './dictionaries.js';
import { oneEditCandidates } from './edits.js';
import { rankSuggestions } from './rank.js';
import { workspaceMatcher, type WorkspaceMatcher } from './workspace-words.js';
import { afterElision, findWords, hasUpperCase, isExempt, isInversionPronoun, splitOn, type WordSpan } from './words.js';

export const UNKNOWN_WORD_RULE = 'spelling.unknown-word';

export interface SpellCheckerOptions {
  /** Where the Hunspell files come from; defaults to the dictionary-en / dictionary-fr packages (shared per process). */
  loader?: DictionaryLoader;
  /** Suggestions `check` attaches when none is cached: one-edit words (default), the full slow list, or none. */
  suggestionsInCheck?: 'quick' | 'full' | 'none';
  /** Suggestions kept per word (default 5). */
  maxSuggestions?: number;
}

export interface SpellChecker {
  /** Loads the language's dictionary (once); must resolve before `check` or `suggest` in that language. */
  ready(language: CheckLanguage): Promise<void>;
  isReady(language: CheckLanguage): boolean;
  /** Unknown words of `text`; synchronous. Throws if `ready(language)` has not resolved. */
  check(text: string, language: CheckLanguage, workspaceWords?: readonly string[]): Finding[];
  /** Ranked replacements for one word, cached. */
  suggest(word: string, language: CheckLanguage): string[];
  /** Whether the dictionary alone accepts `word` (no workspace words, no splitting). */
  isKnown(word: string, language: CheckLanguage): boolean;
  /** Load time and memory of the dictionaries loaded so far. */
  loadStats(): { language: CheckLanguage; loadMs: number; rssDeltaBytes: number }[];
}

const SUGGESTION_CACHE_LIMIT = 10_000;

/** A spell checker; dictionaries are loaded by `ready`, suggestions cached per checker. */
export function createSpellChecker(options: SpellCheckerOptions = {}): SpellChecker {
  const loader = options.loader ?? packagedDictionary;
  const inCheck = options.suggestionsInCheck ?? 'quick';
  const maxSuggestions = options.maxSuggestions ?? 5;
  const dictionaries = new Map<CheckLanguage, LoadedDictionary>();
  const suggestionCache = new Map<string, string[]>();

  const dictionary = (language: CheckLanguage): LoadedDictionary => {
    const loaded = dictionaries.get(language);
    if (!loaded) {
      throw new Error(`The ${language} dictionary is not loaded: await ready('${language}') first.`);
    }
    return loaded;
  };

  const isKnown = (word: string, language: CheckLanguage): boolean => {
    const spell = dictionary(language).spell;
    if (spell.correct(word)) {
      return true;
    }
    // Dictionaries disagree on ' and ’: try the other one.
    const other = word.includes('’') ? word.replace(/’/gu, "'") : word.replace(/'/gu, '’');
    return other !== word && spell.correct(other);
  };

  const quickCandidates = (word: string, language: CheckLanguage): string[] =>
    oneEditCandidates(word, language, (candidate) => isKnown(candidate, language));

  const cacheKey = (word: string, language: CheckLanguage): string => `${language}\u0000${word}`;

  const suggest = (word: string, language: CheckLanguage): string[] => {
    const key = cacheKey(word, language);
    const cached = suggestionCache.get(key);
    if (cached) {
      return cached;
    }
    const candidates = [...quickCandidates(word, language), ...dictionary(language).spell.suggest(word)];
    const ranked = rankSuggestions(word, candidates, language, maxSuggestions);
    if (suggestionCache.size >= SUGGESTION_CACHE_LIMIT) {
      suggestionCache.clear();
    }
    suggestionCache.set(key, ranked);
    return ranked;
  };

  const suggestionsFor = (word: string, language: CheckLanguage): string[] => {
    switch (inCheck) {
      case 'full':
        return suggest(word, language);
      case 'none':
        return [];
      case 'quick':
        return rankSuggestions(word, quickCandidates(word, language), language, maxSuggestions);
    }
  };

  return {
    async ready(language) {
      if (!dictionaries.has(language)) {
        dictionaries.set(language, await loadDictionary(language, loader));
      }
    },
    isReady: (language) => dictionaries.has(language),
    isKnown,
    suggest,
    loadStats: () => [...dictionaries].map(([language, d]) => ({ language, loadMs: d.loadMs, rssDeltaBytes: d.rssDeltaBytes })),
    check(text, language, workspaceWords) {
      dictionary(language);
      const inWorkspace = workspaceMatcher(workspaceWords);
      const unknown: WordSpan[] = [];
      for (const word of findWords(text)) {
        collectUnknown(word, language, { isKnown, inWorkspace }, unknown);
      }
      return unknown.map((part) => {
        const cached = suggestionCache.get(cacheKey(part.word, language));
        const suggestions = cached ?? suggestionsFor(part.word, language);
        return toFinding(text, part, suggestions);
      });
    },
  };
}

interface Lexicon {
  isKnown: (word: string, language: CheckLanguage) => boolean;
  inWorkspace: WorkspaceMatcher;
}

/**
 * Adds the unknown parts of `part` to `out`: the whole word first (compounds such as
 * "peut-être", "aujourd’hui", "e-mail" are dictionary entries), then French elisions, then the
 * pieces between hyphens and apostrophes.
 */
function collectUnknown(part: WordSpan, language: CheckLanguage, lexicon: Lexicon, out: WordSpan[]): void {
  if (isExempt(part.word) || lexicon.inWorkspace(part.word) || lexicon.isKnown(part.word, language)) {
    return;
  }
  if (language === 'fr') {
    const rest = afterElision(part);
    if (rest) {
      collectUnknown(rest, language, lexicon, out);
      return;
    }
  }
  if (/[\u2010\u2011-]/u.test(part.word)) {
    for (const piece of splitOn(part, /[\u2010\u2011-]/u)) {
      if (!(language === 'fr' && isInversionPronoun(piece.word))) {
        collectUnknown(piece, language, lexicon, out);
      }
    }
    return;
  }
  if (/['’]/u.test(part.word)) {
    const pieces = splitOn(part, /['’]/u);
    // English possessive of an unknown name ("Hearth's") is the name's question, not the "s".
    for (const piece of pieces) {
      collectUnknown(piece, language, lexicon, out);
    }
    return;
  }
  out.push(part);
}

function toFinding(text: string, part: WordSpan, suggestions: string[]): Finding {
  const maybeName = hasUpperCase(part.word) && !startsSentence(text, part.start);
  return {
    rule: UNKNOWN_WORD_RULE,
    category: 'spelling',
    // A capitalised word mid-sentence is likely a name the dictionary lacks: a warning, not an error.
    severity: maybeName ? 'warning' : 'error',
    start: part.start,
    end: part.end,
    text: part.word,
    message: maybeName
      ? `“${part.word}” is not in the dictionary: if it is a name, add it to the workspace dictionary.`
      : `“${part.word}” is not in the dictionary: check its spelling.`,
    suggestions,
  };
}

/** Whether only spaces, quotes or opening brackets stand between `index` and the previous sentence end. */
function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (char === '\n') {
      return true;
    }
    if (/[\s"'“‘«([\u00a0\u202f\-–—*•]/u.test(char)) {
      continue;
    }
    return /[.!?…:\n]/u.test(char);
  }
  return true;
}
