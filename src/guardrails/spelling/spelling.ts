/**
 * Spelling, French and English, with nspell and the Hunspell files of dictionary-fr, and of
 * dictionary-en with dictionary-en-gb (American and British spellings are both accepted).
 *
 * `ready(language)` loads a dictionary once (French: seconds and hundreds of MB); after that
 * `check` is synchronous. `check` attaches cheap suggestions only: the full list when `suggest`
 * already cached it, otherwise the dictionary words one edit away, with accents restored and the
 * dictionary's REP patterns applied (about a millisecond). `suggest(word, language)` adds the
 * words that share most letter pairs with it (suggestion-index.ts, built on first use), ranks them
 * all (rank.ts: weighted edits, word frequencies) and caches the list. nspell's own `suggest` is
 * not used: it can take seconds on a long unknown word and finds less.
 *
 * This is the synchronous engine; `check()` reaches it through the asynchronous `SpellingService`
 * (service.ts): on the caller's thread, or in a worker thread for a server (threaded.ts).
 */
import type { CheckLanguage, Finding } from '../types.js';
import { loadDictionary, packagedDictionary, type DictionaryLoader, type LoadedDictionary } from './dictionaries.js';
import { accentCandidates, oneEditCandidates, replacementCandidates } from './edits.js';
import { fastCorrect, isPlainWord, isUnsuggestable, nspellInternals } from './nspell-internals.js';
import { rankSuggestions, type RankWeights } from './rank.js';
import { buildSuggestionIndex, suggestableForms, type SuggestionIndex } from './suggestion-index.js';
import { workspaceMatcher, type WorkspaceMatcher } from './workspace-words.js';
import { afterElision, findWords, hasUpperCase, isExempt, isInversionPronoun, splitOn, type WordSpan } from './words.js';

export const UNKNOWN_WORD_RULE = 'spelling.unknown-word';

export interface SpellCheckerOptions {
  /** Where the Hunspell files come from; defaults to dictionary-en + dictionary-en-gb / dictionary-fr and models/spelling-*.counts (shared per process). */
  loader?: DictionaryLoader;
  /** Suggestions `check` attaches when none is cached: one edit, accents and REP patterns (default), the full list, or none. */
  suggestionsInCheck?: 'quick' | 'full' | 'none';
  /** Suggestions kept per word (default 5). */
  maxSuggestions?: number;
  /** Ranking weights for every language (default: rank.ts's, per language); for tuning. */
  rankWeights?: RankWeights;
  /** Dictionary words compared with the writer's word by letter pairs in `suggest` (default 50). */
  similarForms?: number;
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
  /** Unranked candidate replacements of `suggest` (for benchmarks and tuning). */
  candidates(word: string, language: CheckLanguage): string[];
  /** Load time and memory of the dictionaries (and suggestion indexes) loaded so far. */
  loadStats(): { language: CheckLanguage; loadMs: number; rssDeltaBytes: number; indexMs?: number; indexRssDeltaBytes?: number }[];
}

const SUGGESTION_CACHE_LIMIT = 10_000;

/** A spell checker; dictionaries are loaded by `ready`, suggestions cached per checker. */
export function createSpellChecker(options: SpellCheckerOptions = {}): SpellChecker {
  const loader = options.loader ?? packagedDictionary;
  const inCheck = options.suggestionsInCheck ?? 'quick';
  const maxSuggestions = options.maxSuggestions ?? 5;
  const similarForms = options.similarForms ?? 50;
  const dictionaries = new Map<CheckLanguage, LoadedDictionary>();
  const indexes = new Map<CheckLanguage, { index: SuggestionIndex | undefined; ms: number; rssDeltaBytes: number }>();
  const suggestionCache = new Map<string, string[]>();
  // The quick lists `check` attaches, so that a text checked again as it is typed costs little.
  const quickCache = new Map<string, string[]>();

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

  /**
   * The dictionary's spelling of a lower-case candidate, itself or capitalised for a name
   * ("america" → "America"), unless the dictionary says never to suggest it (slurs). One function
   * per language, built once: suggestions call it thousands of times.
   */
  type Find = (candidate: string, orCapitalised: boolean, plain: boolean) => string | undefined;
  const lookups = new Map<CheckLanguage, Find>();
  /** `plain`: the candidate is made of a plain word's letters and plain letters (nspell-internals.ts). */
  const lookup = (candidate: string, language: CheckLanguage, orCapitalised = true, plain = false): string | undefined => {
    let find = lookups.get(language);
    if (!find) {
      find = buildLookup(language);
      lookups.set(language, find);
    }
    return find(candidate, orCapitalised, plain);
  };

  const buildLookup = (language: CheckLanguage): Find => {
    const internals = nspellInternals(dictionary(language).spell);
    const fast = internals ? fastCorrect(internals) : undefined;
    const known = (form: string, plain: boolean): boolean => {
      const answer = fast?.(form, plain);
      // The fast path reads the table as stored: the other apostrophe is `isKnown`'s to try.
      return answer === true || ((answer === undefined || form.includes("'")) && isKnown(form, language));
    };
    const suggestable = (form: string): string | undefined => (internals && isUnsuggestable(internals, form) ? undefined : form);
    return (candidate, orCapitalised, plain) => {
      if (known(candidate, plain)) {
        return suggestable(candidate);
      }
      if (!orCapitalised) {
        return undefined;
      }
      const capitalised = candidate.charAt(0).toUpperCase() + candidate.slice(1);
      return capitalised !== candidate && known(capitalised, plain) ? suggestable(capitalised) : undefined;
    };
  };

  const quickCandidates = (word: string, language: CheckLanguage): string[] => {
    const internals = nspellInternals(dictionary(language).spell);
    // Edits of a plain word with the edit alphabets' letters are plain too: checked once here.
    const plain = internals !== undefined && isPlainWord(internals, word.toLowerCase());
    const known = (candidate: string): string | undefined => lookup(candidate, language, true, plain);
    // Accents restored on a name ("Zoe" → "Zoé") are rare: the lower-case form only there.
    const knownLowerCase = (candidate: string): string | undefined => lookup(candidate, language, false, plain);
    const anyKnown = (candidate: string): string | undefined => lookup(candidate, language);
    const table = internals?.replacementTable ?? [];
    const recased = anyKnown(word.toLowerCase());
    return [
      // A name written in lower case ("paris" → "Paris").
      ...(recased !== undefined && recased !== word ? [recased] : []),
      ...oneEditCandidates(word, language, known),
      // English has few accented words (café, naïve): one accent at a time is enough there.
      ...accentCandidates(word, language, knownLowerCase, language === 'fr' ? 3 : 1),
      ...replacementCandidates(word, table, anyKnown),
    ];
  };

  /** The letter-pair index of the language, built on first use (undefined if nspell's internals are not readable). */
  const suggestionIndex = (language: CheckLanguage): SuggestionIndex | undefined => {
    let built = indexes.get(language);
    if (!built) {
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const internals = nspellInternals(dictionary(language).spell);
      const index = internals ? buildSuggestionIndex(suggestableForms(internals)) : undefined;
      built = { index, ms: performance.now() - started, rssDeltaBytes: process.memoryUsage().rss - rssBefore };
      indexes.set(language, built);
    }
    return built.index;
  };

  const candidates = (word: string, language: CheckLanguage): string[] => {
    const index = suggestionIndex(language);
    const far = index ? index.similar(word, similarForms) : dictionary(language).spell.suggest(word);
    return [...quickCandidates(word, language), ...far];
  };

  const rank = (word: string, found: string[], language: CheckLanguage): string[] =>
    rankSuggestions(word, found, language, maxSuggestions, {
      counts: dictionary(language).counts,
      ...(options.rankWeights ? { weights: options.rankWeights } : {}),
    });

  const cacheKey = (word: string, language: CheckLanguage): string => `${language}\u0000${word}`;

  const suggest = (word: string, language: CheckLanguage): string[] => {
    const key = cacheKey(word, language);
    const cached = suggestionCache.get(key);
    if (cached) {
      return cached;
    }
    const ranked = rank(word, candidates(word, language), language);
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
      case 'quick': {
        const key = cacheKey(word, language);
        let quick = quickCache.get(key);
        if (!quick) {
          quick = rank(word, quickCandidates(word, language), language);
          if (quickCache.size >= SUGGESTION_CACHE_LIMIT) {
            quickCache.clear();
          }
          quickCache.set(key, quick);
        }
        return quick;
      }
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
    candidates,
    loadStats: () =>
      [...dictionaries].map(([language, d]) => {
        const index = indexes.get(language);
        return {
          language,
          loadMs: d.loadMs,
          rssDeltaBytes: d.rssDeltaBytes,
          ...(index ? { indexMs: index.ms, indexRssDeltaBytes: index.rssDeltaBytes } : {}),
        };
      }),
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
 * "peut-être", "aujourd’hui", "e-mail" are dictionary entries, and so are the French elided forms
 * the dictionary allows), then French elisions, then the pieces between hyphens and apostrophes.
 */
function collectUnknown(part: WordSpan, language: CheckLanguage, lexicon: Lexicon, out: WordSpan[]): void {
  if (isExempt(part.word) || lexicon.inWorkspace(part.word) || lexicon.isKnown(part.word, language)) {
    return;
  }
  if (language === 'fr') {
    const rest = afterElision(part);
    if (rest) {
      // The dictionary lists the elided forms it allows: "j'entends", not "j'entend" (je + a third-person
      // form), as Hunspell does. The whole word is the finding; "l'Zorgbox" is the name's question.
      if (!/[\u2010\u2011-]/u.test(rest.word) && !lexicon.inWorkspace(rest.word) && lexicon.isKnown(rest.word, language)) {
        out.push(part);
        return;
      }
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
