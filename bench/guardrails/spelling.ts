/**
 * Spelling benchmark: nspell + dictionary-en + dictionary-en-gb (through Hearth's checker) against
 * Debian's hunspell en_US on the Birkbeck/Holbrook/Aspell/Wikipedia misspelling lists
 * (misspelling → correct word).
 *
 * Detection (recall, false alarms) is measured on every pair. Suggestions are ranked with weights
 * tuned on the "tune" half of the target words (bench/guardrails/spelling-tune.ts), so top-1/top-5
 * are reported on a sample of the other, "eval" half only (split by a hash of the target word):
 * misspellings hunspell flags, both engines asked for suggestions on each.
 * Run: npx tsx bench/guardrails/spelling.ts [--data DIR] [--sample N] [--show-false-alarms]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSpellChecker, type SpellChecker } from '../../src/guardrails/spelling/spelling.js';

const FILES = ['missp.dat', 'holbrook-missp.dat', 'aspell.dat', 'wikipedia.dat'];
export const HUNSPELL = '/usr/bin/hunspell';

export interface Pair {
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
  /** Mean time of one suggestion list, ms (hunspell: the whole `-a` run divided by the words). */
  suggestMs: number;
}

export interface FalseAlarmCategory {
  category: string;
  nspell: string[];
  hunspell: string[];
}

export interface SpellingBenchResult {
  misspellings: number;
  nonWordMisspellings: number;
  correctWords: number;
  results: EngineResult[];
  falseAlarms: FalseAlarmCategory[];
  load: ReturnType<SpellChecker['loadStats']>[number] | undefined;
  rssAfterLoadBytes: number;
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

/** FNV-1a of the lower-cased target word: every misspelling of one word falls in the same half. */
export function splitOf(pair: Pair): 'tune' | 'eval' {
  let hash = 0x811c9dc5;
  for (const char of pair.right.toLowerCase()) {
    hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'tune' : 'eval';
}

export function hunspellAvailable(dictionary: string): boolean {
  return existsSync(HUNSPELL) && existsSync(`/usr/share/hunspell/${dictionary}.dic`);
}

export function hunspellFlags(words: string[], dictionary = 'en_US'): { flagged: Set<string>; seconds: number } {
  const started = performance.now();
  const run = spawnSync(HUNSPELL, ['-d', dictionary, '-i', 'utf-8', '-l'], { input: words.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  return { flagged: new Set(run.stdout.split('\n').filter(Boolean)), seconds: (performance.now() - started) / 1000 };
}

/** Which of `words` (one per line) hunspell flags, via `-L` (lines with a misspelling): no suggestions computed. */
export function hunspellFlaggedWords(words: string[], dictionary: string): boolean[] {
  const run = spawnSync(HUNSPELL, ['-d', dictionary, '-i', 'utf-8', '-L'], { input: words.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = new Set(run.stdout.split('\n'));
  return words.map((w) => lines.has(w));
}

/** One `hunspell -a` run: per word, whether any of its tokens is flagged, and the suggestions for the first flagged one. */
export function hunspellAnalyse(words: string[], dictionary = 'en_US'): { flagged: boolean[]; lists: string[][]; seconds: number } {
  const started = performance.now();
  // "^" keeps a line from being read as a command; one block per input line, ended by an empty line.
  const input = words.map((w) => `^${w}`).join('\n');
  const run = spawnSync(HUNSPELL, ['-d', dictionary, '-i', 'utf-8', '-a'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  // First line is the version banner.
  const blocks = run.stdout.split('\n').slice(1).join('\n').split('\n\n');
  const flagged: boolean[] = [];
  const lists: string[][] = [];
  words.forEach((_, i) => {
    const lines = (blocks[i] ?? '').split('\n');
    const miss = lines.find((line) => line.startsWith('&') || line.startsWith('#'));
    flagged.push(miss !== undefined);
    lists.push(miss?.startsWith('&') ? (miss.split(': ')[1] ?? '').split(', ') : []);
  });
  return { flagged, lists, seconds: (performance.now() - started) / 1000 };
}

export function hunspellSuggestions(words: string[], dictionary = 'en_US'): { lists: string[][]; seconds: number } {
  const { lists, seconds } = hunspellAnalyse(words, dictionary);
  return { lists, seconds };
}

/** Flagged if hunspell reports the word or one of its hyphen parts. */
function hunspellFlagged(flagged: Set<string>, word: string): boolean {
  return flagged.has(word) || word.split('-').some((part) => flagged.has(part));
}

export function sampleOf<T>(items: T[], size: number): T[] {
  const step = Math.max(1, Math.floor(items.length / size));
  return items.filter((_, i) => i % step === 0).slice(0, size);
}

export function accuracy(sample: Pair[], suggestions: string[][]): { top1: number; top5: number } {
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

interface WordFacts {
  /** Debian's en_GB accepts the word and its en_US does not. */
  british: (word: string) => boolean;
  /** Debian's en_US accepts the word. */
  inDebianUs: (word: string) => boolean;
}

/** Why a correct word of the corpus may be flagged, first matching reason (a property of the word, not of the engine). */
function falseAlarmCategory(word: string, checker: SpellChecker, facts: WordFacts): string {
  if (word.includes('-')) {
    return 'hyphenated';
  }
  if (word.includes("'")) {
    return 'apostrophe';
  }
  if (facts.british(word)) {
    return "British spelling (in Debian's en_GB, not in its en_US)";
  }
  const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
  if (word === word.toLowerCase() && !checker.isKnown(word, 'en') && checker.isKnown(capitalised, 'en')) {
    return 'name written in lower case (the dictionary knows it capitalised)';
  }
  if (/^\p{Lu}/u.test(word)) {
    return 'capitalised: a name';
  }
  if (facts.inDebianUs(word) && !checker.isKnown(word, 'en')) {
    return "in Debian's en_US, missing from dictionary-en and -en-gb";
  }
  return 'other lower-case word';
}

/** Runs both engines on the same words; prints nothing. */
export async function runSpellingBench(options: { dataDir: string; sample?: number }): Promise<SpellingBenchResult> {
  const pairs = readPairs(options.dataDir);
  // Detection speed is measured without suggestions, as hunspell -l; suggestions are timed apart.
  const checker = createSpellChecker({ suggestionsInCheck: 'none' });
  await checker.ready('en');
  const rssAfterLoadBytes = process.memoryUsage().rss;
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

  const hasHunspell = hunspellAvailable('en_US');
  const hunspell = hasHunspell ? hunspellFlags([...misspellings, ...correctWords]) : undefined;

  // Suggestions are scored on eval-half misspellings hunspell flags (all of them when it is missing),
  // whatever Hearth decides: the sample is the same from one Hearth version to the next.
  const suggestable = pairs.filter((p) => splitOf(p) === 'eval' && (!hunspell || hunspellFlagged(hunspell.flagged, p.wrong)));
  const sample = sampleOf(suggestable, sampleSize);

  const rate = (flagged: (w: string) => boolean, words: string[]): number => words.filter(flagged).length / words.length;
  const suggestStarted = performance.now();
  const nspellLists = sample.map((p) => checker.suggest(p.wrong, 'en'));
  const suggestMs = (performance.now() - suggestStarted) / sample.length;
  results.push({
    engine: 'Hearth: nspell + dictionary-en + -en-gb',
    recallRaw: rate((w) => nspellFlagged.has(w), misspellings),
    recallNonWord: rate((w) => nspellFlagged.has(w), nonWords),
    falseAlarmRate: rate((w) => nspellFlagged.has(w), correctWords),
    ...accuracy(sample, nspellLists),
    checkWordsPerSecond: (misspellings.length + correctWords.length) / nspellSeconds,
    suggestSample: sample.length,
    suggestMs,
  });

  let hunspellFalseAlarms: string[] = [];
  if (hunspell) {
    const flagged = (w: string): boolean => hunspellFlagged(hunspell.flagged, w);
    const suggestions = hunspellSuggestions(sample.map((p) => p.wrong));
    results.push({
      engine: 'hunspell -d en_US (Debian)',
      recallRaw: rate(flagged, misspellings),
      recallNonWord: rate(flagged, nonWords),
      falseAlarmRate: rate(flagged, correctWords),
      ...accuracy(sample, suggestions.lists),
      checkWordsPerSecond: (misspellings.length + correctWords.length) / hunspell.seconds,
      suggestSample: sample.length,
      suggestMs: (suggestions.seconds * 1000) / sample.length,
    });
    hunspellFalseAlarms = correctWords.filter(flagged);
  }

  const gb = hunspellAvailable('en_GB') ? hunspellFlags(correctWords, 'en_GB').flagged : undefined;
  const facts: WordFacts = {
    british: (w) => !!hunspell && !!gb && hunspellFlagged(hunspell.flagged, w) && !hunspellFlagged(gb, w),
    inDebianUs: (w) => !!hunspell && !hunspellFlagged(hunspell.flagged, w),
  };
  const categories = new Map<string, FalseAlarmCategory>();
  const categoryOf = (category: string): FalseAlarmCategory => {
    let entry = categories.get(category);
    if (!entry) {
      entry = { category, nspell: [], hunspell: [] };
      categories.set(category, entry);
    }
    return entry;
  };
  for (const word of correctWords.filter((w) => nspellFlagged.has(w))) {
    categoryOf(falseAlarmCategory(word, checker, facts)).nspell.push(word);
  }
  for (const word of hunspellFalseAlarms) {
    categoryOf(falseAlarmCategory(word, checker, facts)).hunspell.push(word);
  }
  return {
    misspellings: misspellings.length,
    nonWordMisspellings: nonWords.length,
    correctWords: correctWords.length,
    results,
    falseAlarms: [...categories.values()].sort((a, b) => b.nspell.length - a.nspell.length),
    load: checker.loadStats()[0],
    rssAfterLoadBytes,
    hunspell: hasHunspell ? 'ok' : 'missing',
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/** Prints the figures as a table; `showFalseAlarms` lists up to 12 words per category. */
export function printSpellingBench(result: SpellingBenchResult, showFalseAlarms = false): void {
  console.log(
    `Spelling (en-misspellings): ${result.misspellings} distinct misspellings (${result.nonWordMisspellings} not a correct word of the corpus), ${result.correctWords} correct words`,
  );
  if (result.load) {
    const index = result.load.indexMs === undefined ? '' : `; suggestion index built on first suggest: ${result.load.indexMs.toFixed(0)} ms, +${mb(result.load.indexRssDeltaBytes ?? 0)} RSS`;
    console.log(
      `English dictionaries load: ${result.load.loadMs.toFixed(0)} ms, +${mb(result.load.rssDeltaBytes)} RSS (process ${mb(result.rssAfterLoadBytes)})${index}`,
    );
  }
  if (result.hunspell === 'missing') {
    console.log('hunspell not installed (apt-get install hunspell hunspell-en-us hunspell-en-gb): its column is skipped.');
  }
  console.table(
    result.results.map((r) => ({
      engine: r.engine,
      'recall (raw)': pct(r.recallRaw),
      'recall (non-word errors)': pct(r.recallNonWord),
      'false alarms on correct words': pct(r.falseAlarmRate),
      [`top-1 (eval half, n=${r.suggestSample})`]: pct(r.top1),
      'top-5': pct(r.top5),
      'check words/s': Math.round(r.checkWordsPerSecond),
      'ms per suggestion list': r.suggestMs.toFixed(2),
    })),
  );
  console.log('False alarms by cause (correct words flagged):');
  console.table(
    result.falseAlarms.map((c) => ({
      cause: c.category,
      Hearth: c.nspell.length,
      hunspell: c.hunspell.length,
      'Hearth sample': c.nspell.slice(0, 6).join(' '),
    })),
  );
  if (showFalseAlarms) {
    for (const c of result.falseAlarms) {
      console.log(`- ${c.category}\n  Hearth: ${c.nspell.slice(0, 12).join(' ')}\n  hunspell: ${c.hunspell.slice(0, 12).join(' ')}`);
    }
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = resolve(argument('--data') ?? '../shared/datasets');
  const sample = Number(argument('--sample') ?? 1_000);
  printSpellingBench(await runSpellingBench({ dataDir, sample }), process.argv.includes('--show-false-alarms'));
}
