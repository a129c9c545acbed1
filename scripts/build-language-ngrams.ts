/**
 * Extracts Hearth's languages from eld's n-gram database into src/analysis/language/eld-ngrams.json.
 *
 * Why: eld's own "small" database holds 60 languages as a 1.6 MB JavaScript object literal that
 * takes over a second to load; Hearth's 26 languages (languages.ts) need 50.6k of its 81k n-grams.
 * Per-language scores in eld are independent sums, so a language keeps exactly its eld score. Run: `npx tsx scripts/build-language-ngrams.ts`.
 */
import { writeFileSync } from 'node:fs';
import { HEARTH_LANGUAGES, OTHER_LANGUAGES } from '../src/analysis/language/languages.js';

const SIZE = 'small';
const LANGUAGES: readonly string[] = [...HEARTH_LANGUAGES, ...OTHER_LANGUAGES];
const OUT = new URL('../src/analysis/language/eld-ngrams.json', import.meta.url);

interface EldNgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

function isNgramsData(value: unknown): value is EldNgramsData {
  return (
    typeof value === 'object' &&
    value !== null &&
    'languages' in value &&
    'ngrams' in value &&
    'type' in value
  );
}

/** Imports a file under eld's src/ that its `exports` map does not expose. */
async function importEldFile(relative: string): Promise<unknown> {
  // 'eld/small' resolves to <eld>/src/entries/static.small.js.
  return import(new URL(`../${relative}`, import.meta.resolve('eld/small')).href);
}

async function main(): Promise<void> {
  const ngramsModule = await importEldFile(`ngrams/${SIZE}.js`);
  const dictionaryModule = await importEldFile('dictionary.js');
  const data: unknown = (ngramsModule as { ngramsData?: unknown }).ngramsData;
  const dictionary: unknown = (dictionaryModule as { dictionary?: unknown }).dictionary;
  if (
    !isNgramsData(data) ||
    !Array.isArray(dictionary) ||
    dictionary.length !== 256 ||
    !dictionary.every((entry) => typeof entry === 'string' && entry.length === 1)
  ) {
    throw new Error('unexpected eld data layout');
  }
  const ours = new Map<string, number>();
  for (const [id, code] of Object.entries(data.languages)) {
    const index = LANGUAGES.indexOf(code);
    if (index >= 0) {
      ours.set(id, index);
    }
  }
  if (ours.size !== LANGUAGES.length) {
    throw new Error(`eld ${SIZE} lacks some of ${LANGUAGES.join(',')}`);
  }
  const lines: string[] = [];
  for (const [key, weights] of Object.entries(data.ngrams)) {
    // The line format below relies on keys never holding a tab or a newline.
    if (/[\t\n]/.test(key)) {
      throw new Error(`n-gram key with a separator: ${JSON.stringify(key)}`);
    }
    const pairs: string[] = [];
    for (const [id, weight] of Object.entries(weights)) {
      const index = ours.get(id);
      if (index !== undefined) {
        pairs.push(`${index} ${weight}`);
      }
    }
    if (pairs.length > 0) {
      lines.push(`${key}\t${pairs.join(' ')}`);
    }
  }
  const out = {
    source: `eld 2.1.0 (${data.type}, "${SIZE}" database) by Nito T.M., Apache-2.0, https://github.com/nitotm/efficient-language-detector-js`,
    // Strings rather than arrays, so that the file is already as Prettier writes it.
    languages: LANGUAGES.join(' '),
    // eld's byte → character table: 256 one-character entries.
    dictionary: dictionary.join(''),
    // One n-gram a line: key, tab, then "languageIndex weight" pairs. A string, not an object, so
    // that TypeScript does not type 18k properties on every type check.
    ngrams: lines.join('\n'),
  };
  writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`${lines.length} n-grams for ${LANGUAGES.join(', ')} -> ${OUT.pathname}`);
}

await main();
