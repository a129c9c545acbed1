/**
 * Hunspell dictionaries for nspell, loaded once per process and shared: dictionary-fr takes seconds
 * and hundreds of MB to load (NOTES.md), so it is loaded lazily and never twice.
 */
import nspell from 'nspell';
import type NSpell from 'nspell';
import type { CheckLanguage } from '../types.js';

export interface HunspellFiles {
  aff: Uint8Array;
  dic: Uint8Array;
}

export interface LoadedDictionary {
  spell: NSpell;
  /** Wall time of import + nspell construction, and the process RSS growth it caused (approximate). */
  loadMs: number;
  rssDeltaBytes: number;
}

export type DictionaryLoader = (language: CheckLanguage) => Promise<HunspellFiles>;

/** `dictionary-*` packages are ESM with top-level await: they can only be `import()`ed. */
export const packagedDictionary: DictionaryLoader = async (language) => {
  switch (language) {
    case 'en':
      return (await import('dictionary-en')).default;
    case 'fr':
      return (await import('dictionary-fr')).default;
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

async function build(language: CheckLanguage, loader: DictionaryLoader): Promise<LoadedDictionary> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const files = await loader(language);
  const spell = nspell({ aff: Buffer.from(files.aff), dic: Buffer.from(files.dic) });
  return { spell, loadMs: performance.now() - started, rssDeltaBytes: process.memoryUsage().rss - rssBefore };
}
