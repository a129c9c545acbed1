/**
 * Hunspell dictionaries for nspell, loaded once per process and shared: dictionary-fr takes seconds
 * and hundreds of MB to load (NOTES.md), so it is loaded lazily and never twice.
 *
 * English is dictionary-en (American) and dictionary-en-gb (British) together: a word is correct
 * if either accepts it ("color" and "colour", "analyze" and "analyse"). The two packages share one
 * affix file, so their word lists are joined into one nspell instance (about +10 MB, not twice the
 * memory). A setting to prefer one variant (voice profile or workspace) would load one list only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import type NSpell from 'nspell';
import { defaultModelsDir } from '../../analysis/model/models-dir.js';
import type { CheckLanguage } from '../types.js';
import { parseWordCounts, type WordCounts } from './frequencies.js';

export interface HunspellFiles {
  aff: Uint8Array;
  dic: Uint8Array;
  /** More word lists written for the same affix file (their first line, the count, is skipped). */
  extraDic?: Uint8Array[];
  /** Word counts for ranking suggestions (frequencies.ts format); optional. */
  wordCounts?: Uint8Array;
}

export interface LoadedDictionary {
  spell: NSpell;
  /** How often each word occurs in the counting corpus, empty when the loader gave none. */
  counts: WordCounts;
  /** Wall time of import + nspell construction, and the process RSS growth it caused (approximate). */
  loadMs: number;
  rssDeltaBytes: number;
}

export type DictionaryLoader = (language: CheckLanguage) => Promise<HunspellFiles>;

/** `models/spelling-<language>.counts`, written by scripts/train/spelling-counts.ts. */
export function wordCountsFile(language: CheckLanguage, modelsDir: string = defaultModelsDir()): string {
  return join(modelsDir, `spelling-${language}.counts`);
}

function readWordCounts(language: CheckLanguage): { wordCounts?: Uint8Array } {
  const file = wordCountsFile(language);
  return existsSync(file) ? { wordCounts: readFileSync(file) } : {};
}

/** `dictionary-*` packages are ESM with top-level await: they can only be `import()`ed. */
export const packagedDictionary: DictionaryLoader = async (language) => {
  switch (language) {
    case 'en': {
      const [us, gb] = await Promise.all([import('dictionary-en'), import('dictionary-en-gb')]);
      return { ...us.default, extraDic: [gb.default.dic], ...readWordCounts(language) };
    }
    case 'fr':
      return { ...(await import('dictionary-fr')).default, ...readWordCounts(language) };
  }
};

// The one piece of global state the guardrails keep: read-only once built (nspell's `add` is never called).
const shared = new Map<CheckLanguage, Promise<LoadedDictionary>>();

/** The language's dictionary, loading it on first use; concurrent callers share one load. */
export function loadDictionary(language: CheckLanguage, loader: DictionaryLoader = packagedDictionary): Promise<LoadedDictionary> {
  const useShared = loader === packagedDictionary;
  const existing = useShared ? shared.get(language) : undefined;
  if (existing) {
    return existing;
  }
  const loading = build(language, loader);
  if (useShared) {
    shared.set(language, loading);
    // A failed load must not stick: the next call retries.
    loading.catch(() => shared.delete(language));
  }
  return loading;
}

/**
 * One .dic text out of several written for the same .aff. nspell's `dictionary()` cannot be called
 * twice (2.1.5 rebuilds its compound-rule expressions from the already built ones, which then match
 * every word), so the lists are joined before the one parse. The first line of a .dic is its count.
 */
export function joinWordLists(dic: Uint8Array, extra: readonly Uint8Array[]): Buffer {
  if (extra.length === 0) {
    return Buffer.from(dic);
  }
  const parts = [Buffer.from(dic)];
  for (const list of extra) {
    const text = Buffer.from(list);
    const firstLineEnd = text.indexOf(10);
    parts.push(Buffer.from('\n'), firstLineEnd < 0 ? Buffer.alloc(0) : text.subarray(firstLineEnd + 1));
  }
  return Buffer.concat(parts);
}

async function build(language: CheckLanguage, loader: DictionaryLoader): Promise<LoadedDictionary> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const files = await loader(language);
  const spell = nspell({ aff: Buffer.from(files.aff), dic: joinWordLists(files.dic, files.extraDic ?? []) });
  const counts = parseWordCounts(files.wordCounts);
  return { spell, counts, loadMs: performance.now() - started, rssDeltaBytes: process.memoryUsage().rss - rssBefore };
}
