/**
 * Spelling benchmark: nspell + dictionary-en (through Hearth's checker) against Debian's hunspell
 * en_US on the Birkbeck/Holbrook/Aspell/Wikipedia misspelling lists (misspelling → correct word).
 * Run: npx tsx bench/guardrails/spelling.ts [--data DIR] [--sample N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSpellChecker } from '../../src/guardrails/spelling/spelling.js';

const FILES = ['missp.dat', 'holbrook-missp.dat', 'aspell.dat', 'wikipedia.dat'];
const HUNSPELL = '/usr/bin/hunspell';

interface Pair {
  wrong: string;
  right: string;
}

export interface EngineResult {
  engine: string;
  recallRaw: number;
  recallNonWord: number;
  falseAlarmRate: number;
  top1: number;
  top5: number;
  checkWordsPerSecond: number;
  suggestSample: number;
}

export interface SpellingBenchResult {
  misspellings: number;
  nonWordMisspellings: number;
  correctWords: number;
  results: EngineResult[];
  dictionaryLoad: { loadMs: number; rssDeltaBytes: number } | undefined;
  hunspell: 'ok' | 'missing';
}

/** Reads the lists: "$correct" then one misspelling per line ('_' is a space, Latin-1); multi-word entries skipped. */
export function readPairs(dataDir: string): Pair[] {
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  for (const file of FILES) {
    const path = join(dataDir, 'en-misspellings', file);
    if (!existsSync(path)) {
      continue;
    }
    let right = '';
    for (const line of readFileSync(path, 'latin1').split(/\r?\n/u)) {
      const token = line.trim().split(/\s+/u)[0] ?? '';
      if (token.startsWith('$')) {
        right = token.slice(1);
      } else if (token && right && right !== '?' && !/[_\s?]/u.test(token + right) && /^[A-Za-z'-]+$/u.test(token + right)) {
        const key = `${token}\u0000${right}`;
        if (!seen.has(key) && token !== right) {
          seen.add(key);
          pairs.push({ wrong: token, right });
        }
      }
    }
  }
  return pairs;
}

function hunspellFlags(words: string[]): { flagged: Set<string>; seconds: number } {
  const started = performance.now();
  const run = spawnSync(HUNSPELL, ['-d', 'en_US', '-i', 'utf-8', '-l'], { input: words.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  return { flagged: new Set(run.stdout.split('\n').filter(Boolean)), seconds: (performance.now() - started) / 1000 };
}

function hunspellSuggestions(words: string[]): string[][] {
  const input = words.map((w) => `^${w}`).join('\n');
  const run = spawnSync(HUNSPELL, ['-d', 'en_US', '-i', 'utf-8', '-a'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  // First line is the version banner; then one block per input line, ended by an empty line.
  const blocks = run.stdout.split('\n').slice(1).join('\n').split('\n\n');
  return words.map((_, i) => {
    const line = (blocks[i] ?? '').split('\n')[0] ?? '';
    return line.startsWith('&') ? (line.split(': ')[1] ?? '').split(', ') : [];
  });
}

/** Flagged if hunspell reports the word or one of its hyphen parts. */
function hunspellFlagged(flagged: Set<string>, word: string): boolean {
  return flagged.has(word) || word.split('-').some((part) => flagged.has(part));
}

function sampleOf<T>(items: T[], size: number): T[] {
  const step = Math.max(1, Math.floor(items.length / size));
  return items.filter((_, i) => i % step === 0).slice(0, size);
}

function accuracy(sample: Pair[], suggestions: string[][]): { top1: number; top5: number } {
  let top1 = 0;
  let top5 = 0;
  sample.forEach((pair, i) => {
    const list = (suggestions[i] ?? []).map((s) => s.toLowerCase());
    if (list[0] === pair.right.toLowerCase()) {
      top1++;
    }
    if (list.slice(0, 5).includes(pair.right.toLowerCase())) {
      top5++;
    }
  });
  return { top1: top1 / sample.length, top5: top5 / sample.length };
}

/** Runs both engines on the same words; prints nothing. */
export async function runSpellingBench(options: { dataDir: string; sample?: number }): Promise<SpellingBenchResult> {
  const pairs = readPairs(options.dataDir);
  // Detection speed is measured without suggestions, as hunspell -l; suggestions are timed apart.
  const checker = createSpellChecker({ suggestionsInCheck: 'none' });
  await checker.ready('en');
  const misspellings = [...new Set(pairs.map((p) => p.wrong))];
  const correctWords = [...new Set(pairs.map((p) => p.right))];
  // A misspelling that is itself a correct word of the corpus ("grow" for "grew") cannot be
  // caught by a spell checker: the adjusted recall leaves those real-word errors out.
  const targets = new Set(correctWords.map((w) => w.toLowerCase()));
  const nonWords = misspellings.filter((w) => !targets.has(w.toLowerCase()));
  const sampleSize = options.sample ?? 1_000;
  const results: EngineResult[] = [];

  const nspellStarted = performance.now();
  const nspellFlagged = new Set([...misspellings, ...correctWords].filter((w) => checker.check(w, 'en').length > 0));
  const nspellSeconds = (performance.now() - nspellStarted) / 1000;

  const hunspellAvailable = existsSync(HUNSPELL) && existsSync('/usr/share/hunspell/en_US.dic');
  const hunspell = hunspellAvailable ? hunspellFlags([...misspellings, ...correctWords]) : undefined;

  // Suggestions are scored on pairs both engines flag, so the two top-k figures compare like for like.
  const suggestable = pairs.filter(
    (p) => nspellFlagged.has(p.wrong) && (!hunspell || hunspellFlagged(hunspell.flagged, p.wrong)),
  );
  const sample = sampleOf(suggestable, sampleSize);

  const rate = (flagged: (w: string) => boolean, words: string[]): number => words.filter(flagged).length / words.length;
  const nspellAcc = accuracy(sample, sample.map((p) => checker.suggest(p.wrong, 'en')));
  results.push({
    engine: 'nspell + dictionary-en (Hearth checker)',
    recallRaw: rate((w) => nspellFlagged.has(w), misspellings),
    recallNonWord: rate((w) => nspellFlagged.has(w), nonWords),
    falseAlarmRate: rate((w) => nspellFlagged.has(w), correctWords),
    ...nspellAcc,
    checkWordsPerSecond: (misspellings.length + correctWords.length) / nspellSeconds,
    suggestSample: sample.length,
  });

  if (hunspell) {
    const flagged = (w: string): boolean => hunspellFlagged(hunspell.flagged, w);
    results.push({
      engine: 'hunspell -d en_US (Debian)',
      recallRaw: rate(flagged, misspellings),
      recallNonWord: rate(flagged, nonWords),
      falseAlarmRate: rate(flagged, correctWords),
      ...accuracy(sample, hunspellSuggestions(sample.map((p) => p.wrong))),
      checkWordsPerSecond: (misspellings.length + correctWords.length) / hunspell.seconds,
      suggestSample: sample.length,
    });
  }
  return {
    misspellings: misspellings.length,
    nonWordMisspellings: nonWords.length,
    correctWords: correctWords.length,
    results,
    dictionaryLoad: checker.loadStats()[0],
    hunspell: hunspellAvailable ? 'ok' : 'missing',
  };
}

/** Prints the figures as a table. */
export function printSpellingBench(result: SpellingBenchResult): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  console.log(`Spelling (en-misspellings): ${result.misspellings} distinct misspellings (${result.nonWordMisspellings} not a correct word of the corpus), ${result.correctWords} correct words`);
  if (result.dictionaryLoad) {
    console.log(`dictionary-en load: ${result.dictionaryLoad.loadMs.toFixed(0)} ms, +${(result.dictionaryLoad.rssDeltaBytes / 1e6).toFixed(0)} MB RSS`);
  }
  if (result.hunspell === 'missing') {
    console.log('hunspell not installed (apt-get install hunspell hunspell-en-us): its column is skipped.');
  }
  console.table(
    result.results.map((r) => ({
      engine: r.engine,
      'recall (raw)': pct(r.recallRaw),
      'recall (non-word errors)': pct(r.recallNonWord),
      'false alarms on correct words': pct(r.falseAlarmRate),
      [`top-1 (n=${r.suggestSample})`]: pct(r.top1),
      'top-5': pct(r.top5),
      'check words/s': Math.round(r.checkWordsPerSecond),
    })),
  );
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = resolve(argument('--data') ?? '../shared/datasets');
  const sample = Number(argument('--sample') ?? 1_000);
  printSpellingBench(await runSpellingBench({ dataDir, sample }));
}
