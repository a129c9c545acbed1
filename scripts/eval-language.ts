/**
 * Language identification, measured: Hearth's detector against the npm detectors a user would reach
 * for (eld, franc, tinyld, cld3-asm), on the same UMSAB texts, with accuracy per language, overall
 * (Hindi apart: the UMSAB "hindi" tweets are mostly romanised Hinglish), texts/s and load time.
 *
 *   npx tsx scripts/eval-language.ts [--data DIR] [--split val|train]
 *
 * DIR is laid out like ../shared/datasets (DIR/umsab/<language>/<split>_text.txt) or is the umsab
 * folder itself. The benchmark imports `runLanguageEvaluation` and `formatLanguageTable`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  evaluateLanguageDetector,
  type LanguageEvaluation,
  type LanguageSample,
} from '../src/analysis/language/evaluate-language.js';
import { HEARTH_LANGUAGES } from '../src/analysis/language/languages.js';

/** UMSAB folder → ISO 639-1. */
export const UMSAB_LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar',
  english: 'en',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
  hindi: 'hi',
};

/** franc answers ISO 639-3. */
const FROM_639_3: Readonly<Record<string, string>> = {
  fra: 'fr',
  eng: 'en',
  spa: 'es',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  arb: 'ar',
  hin: 'hi',
};

interface NamedDetector {
  name: string;
  detect: (text: string) => string;
  loadMs: number;
}

export interface LanguageEvaluationRow extends LanguageEvaluation {
  name: string;
  loadMs: number;
}

/** Reads the UMSAB texts of one split, one sample per line, labelled by their folder. */
export function loadLanguageSamples(dataDir: string, split = 'val'): LanguageSample[] {
  const umsab = existsSync(join(dataDir, 'umsab')) ? join(dataDir, 'umsab') : dataDir;
  const samples: LanguageSample[] = [];
  for (const [folder, language] of Object.entries(UMSAB_LANGUAGES)) {
    const file = join(umsab, folder, `${split}_text.txt`);
    if (!existsSync(file)) {
      continue;
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines.at(-1) === '') {
      lines.pop();
    }
    for (const text of lines) {
      samples.push({ language, text });
    }
  }
  if (samples.length === 0) {
    throw new Error(`no umsab/<language>/${split}_text.txt under ${dataDir}`);
  }
  return samples;
}

async function timed<T>(load: () => Promise<T>): Promise<{ value: T; loadMs: number }> {
  const started = performance.now();
  const value = await load();
  return { value, loadMs: performance.now() - started };
}

/** Loads every detector compared, Hearth's first; each load is timed. */
export async function loadLanguageDetectors(): Promise<NamedDetector[]> {
  const hearth = await timed(async () => {
    const module = await import('../src/analysis/language/index.js');
    module.loadLanguageModel();
    return module.detectLanguage;
  });
  const eldSmall = await timed(async () => (await import('eld/small')).eld);
  const eldFull = eldSmall.value.newInstance();
  const eldOurs = eldSmall.value.newInstance();
  eldOurs.setLanguageSubset([...HEARTH_LANGUAGES]);
  const franc = await timed(async () => (await import('franc')).franc);
  const tinyld = await timed(async () => (await import('tinyld')).detect);
  const cld3 = await timed(async () => (await (await import('cld3-asm')).loadModule()).create(0, 1000));
  return [
    {
      name: 'hearth (eld subset + rules)',
      detect: (text) => hearth.value(text).language,
      loadMs: hearth.loadMs,
    },
    {
      name: 'eld 2.1 small, 60 languages',
      detect: (text) => eldFull.detect(text).language,
      loadMs: eldSmall.loadMs,
    },
    {
      name: 'eld 2.1 small, our 8',
      detect: (text) => eldOurs.detect(text).language,
      loadMs: eldSmall.loadMs,
    },
    { name: 'franc 6.2', detect: (text) => FROM_639_3[franc.value(text)] ?? 'und', loadMs: franc.loadMs },
    { name: 'tinyld 1.3', detect: (text) => tinyld.value(text) || 'und', loadMs: tinyld.loadMs },
    {
      name: 'cld3-asm 4.0',
      detect: (text) => String(cld3.value.findLanguage(text).language).split('-')[0] ?? 'und',
      loadMs: cld3.loadMs,
    },
  ];
}

/** Evaluates every detector on the UMSAB texts of `dataDir`. */
export async function runLanguageEvaluation(options: {
  dataDir: string;
  split?: string;
}): Promise<LanguageEvaluationRow[]> {
  const samples = loadLanguageSamples(options.dataDir, options.split);
  const detectors = await loadLanguageDetectors();
  return detectors.map(({ name, detect, loadMs }) => ({
    name,
    loadMs,
    ...evaluateLanguageDetector(detect, samples),
  }));
}

/** A plain-text table: accuracy % per language, overall (without Hindi), Hindi, texts/s, load ms. */
export function formatLanguageTable(rows: readonly LanguageEvaluationRow[]): string {
  const languages = Object.values(UMSAB_LANGUAGES).filter((code) => code !== 'hi');
  const header = ['detector', ...languages, 'overall', 'hi (apart)', 'texts/s', 'load ms'];
  const percent = (value: number | undefined): string =>
    value === undefined ? '-' : (value * 100).toFixed(1);
  const body = rows.map((row) => [
    row.name,
    ...languages.map((code) => percent(row.perLanguage[code]?.accuracy)),
    percent(row.overall),
    percent(row.perLanguage.hi?.accuracy),
    Math.round(row.textsPerSecond).toString(),
    Math.round(row.loadMs).toString(),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/datasets' },
      split: { type: 'string', default: 'val' },
    },
  });
  const dataDir = resolve(values.data);
  const rows = await runLanguageEvaluation({ dataDir, split: values.split });
  console.log(
    `UMSAB ${values.split} texts under ${dataDir}; accuracy %, overall = the 7 languages without hi`,
  );
  console.log(formatLanguageTable(rows));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
