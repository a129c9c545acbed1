/**
 * French spelling benchmark (there is no French misspellings dataset), Hearth (nspell +
 * dictionary-fr) side by side with Debian's hunspell -d fr:
 *  (a) agreement on the words of real French texts (umsab/french train, mlma-hate French): how
 *      often each flags a word, and their disagreements by kind;
 *  (b) synthetic misspellings of correct French words (seeded): one deletion, insertion,
 *      substitution or transposition, or an accent dropped or changed; recall and top-1/top-5
 *      suggestion accuracy. The words come from the half of mlma-hate French's texts that the word
 *      counts of the ranker leave out (scripts/train/spelling-counts.ts), split in two halves by a
 *      hash of the word: "tune" for bench/guardrails/spelling-tune.ts --language fr, "eval" reported here.
 * Run: npx tsx bench/guardrails/spelling-fr.ts [--data DIR] [--per-kind N] [--half eval|tune]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMlmaHate, readUmsab } from '../../src/analysis/datasets/datasets.js';
import { seededRandom, shuffledIndices } from '../../src/analysis/model/random.js';
import { accentCandidates } from '../../src/guardrails/spelling/edits.js';
import { baseLetters } from '../../src/guardrails/spelling/rank.js';
import { createSpellChecker, type SpellChecker } from '../../src/guardrails/spelling/spelling.js';
import { findWords, isExempt } from '../../src/guardrails/spelling/words.js';
import { mlmaHalf } from '../../scripts/train/spelling-counts.js';
import { hunspellAnalyse, hunspellAvailable, hunspellFlaggedWords, type Pair } from './spelling.js';

const DICTIONARY = 'fr';
const SEED = 20_261_125;

export const ERROR_KINDS = ['deletion', 'insertion', 'substitution', 'transposition', 'accent dropped', 'wrong accent'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FrenchPair extends Pair {
  kind: ErrorKind;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const isAccentKind = (kind: ErrorKind): boolean => kind === 'accent dropped' || kind === 'wrong accent';
const ACCENTED = /[àâäçéèêëîïôöùûüÿœ]/u;
const ACCENT_GROUPS = ['aàâä', 'eéèêë', 'iîï', 'oôö', 'uùûü'];

/** Words of a text as the checker sees them (links, handles, hashtags, e-mails masked; numbers, acronyms, single letters out). */
function wordsOf(text: string): string[] {
  return findWords(text)
    .map((w) => w.word)
    .filter((w) => !isExempt(w));
}

export function frenchTexts(dataDir: string): { name: string; texts: string[] }[] {
  return [
    { name: 'umsab/french train', texts: readUmsab(dataDir, 'fr', 'train').texts },
    { name: 'mlma-hate French', texts: readMlmaHate(dataDir, 'fr').map((t) => t.text) },
  ];
}

/** FNV-1a of the word: which half it belongs to. */
export function frenchHalf(word: string): 'tune' | 'eval' {
  let hash = 0x811c9dc5;
  for (const char of word) {
    hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'tune' : 'eval';
}

/** One error of `kind` in `word`, or undefined when the kind does not apply. */
function misspell(word: string, kind: ErrorKind, random: () => number): string | undefined {
  const letters = [...word];
  const at = (n: number): number => Math.floor(random() * n);
  switch (kind) {
    case 'deletion': {
      const i = at(letters.length);
      return [...letters.slice(0, i), ...letters.slice(i + 1)].join('');
    }
    case 'insertion': {
      const i = at(letters.length + 1);
      return [...letters.slice(0, i), LETTERS[at(LETTERS.length)] as string, ...letters.slice(i)].join('');
    }
    case 'substitution': {
      const i = at(letters.length);
      const others = LETTERS.filter((l) => l !== baseLetters(letters[i] as string));
      return [...letters.slice(0, i), others[at(others.length)] as string, ...letters.slice(i + 1)].join('');
    }
    case 'transposition': {
      const spots = letters.flatMap((l, i) => (i + 1 < letters.length && letters[i + 1] !== l ? [i] : []));
      if (spots.length === 0) {
        return undefined;
      }
      const i = spots[at(spots.length)] as number;
      return [...letters.slice(0, i), letters[i + 1] as string, letters[i] as string, ...letters.slice(i + 2)].join('');
    }
    case 'accent dropped':
      // Every accent dropped, as when typing on a keyboard without them ("deja", "evenement").
      return ACCENTED.test(word) ? baseLetters(word).replace(/œ/gu, 'oe') : undefined;
    case 'wrong accent': {
      const spots = letters.flatMap((l, i) => (ACCENT_GROUPS.some((g) => g.slice(1).includes(l)) ? [i] : []));
      if (spots.length === 0) {
        return undefined;
      }
      const i = spots[at(spots.length)] as number;
      const group = ACCENT_GROUPS.find((g) => g.includes(letters[i] as string)) as string;
      const others = [...group].filter((l) => l !== letters[i]);
      return [...letters.slice(0, i), others[at(others.length)] as string, ...letters.slice(i + 1)].join('');
    }
  }
}

/**
 * Up to `perKind` misspellings of each kind, from the distinct lower-case words (4+ letters) of
 * the benchmark's half of mlma-hate French that both checkers accept; misspellings that both accept (real words) are
 * dropped and counted, those one accepts count against its recall.
 */
export function syntheticPairs(
  dataDir: string,
  checker: SpellChecker,
  half: 'tune' | 'eval',
  perKind: number,
): { pairs: FrenchPair[]; realWordErrors: number; sourceWords: number } {
  const candidates = new Set<string>();
  for (const text of readMlmaHate(dataDir, 'fr').map((t) => t.text)) {
    if (mlmaHalf(text) !== 'bench') {
      continue;
    }
    for (const word of wordsOf(text)) {
      if (/^[a-zàâäçéèêëîïôöùûüÿœ]{4,}$/u.test(word) && frenchHalf(word) === half && checker.isKnown(word, 'fr')) {
        candidates.add(word);
      }
    }
  }
  const sorted = [...candidates].sort();
  const hunspellFlags = hasHunspell() ? hunspellFlaggedWords(sorted, DICTIONARY) : sorted.map(() => false);
  const sources = sorted.filter((_, i) => !hunspellFlags[i]);
  const random = seededRandom(SEED + (half === 'tune' ? 1 : 0));
  const order = shuffledIndices(sources.length, random);
  const drafts: FrenchPair[] = [];
  const quota = new Map<ErrorKind, number>(ERROR_KINDS.map((k) => [k, 0]));
  // Each word is used once; the rarer accent kinds pick first among accented words.
  for (const index of order) {
    const word = sources[index] as string;
    const open = ERROR_KINDS.filter((k) => (quota.get(k) as number) < perKind * 1.2 && (!isAccentKind(k) || ACCENTED.test(word)));
    const kind = open.find(isAccentKind) ?? open[Math.floor(random() * open.length)];
    if (!kind) {
      continue;
    }
    const wrong = misspell(word, kind, random);
    if (wrong && wrong !== word) {
      drafts.push({ wrong, right: word, kind });
      quota.set(kind, (quota.get(kind) as number) + 1);
    }
  }
  const hunspellOnDrafts = hasHunspell() ? hunspellFlaggedWords(drafts.map((d) => d.wrong), DICTIONARY) : drafts.map(() => true);
  let realWordErrors = 0;
  const kept = new Map<ErrorKind, number>(ERROR_KINDS.map((k) => [k, 0]));
  const pairs: FrenchPair[] = [];
  drafts.forEach((pair, i) => {
    // A real-word error (both dictionaries accept the draft) is no spelling question; one accepting it counts against its recall.
    if (checker.isKnown(pair.wrong, 'fr') && !hunspellOnDrafts[i]) {
      realWordErrors++;
    } else if ((kept.get(pair.kind) as number) < perKind) {
      kept.set(pair.kind, (kept.get(pair.kind) as number) + 1);
      pairs.push(pair);
    }
  });
  return { pairs, realWordErrors, sourceWords: sources.length };
}

function hasHunspell(): boolean {
  return hunspellAvailable(DICTIONARY);
}

export interface AgreementRow {
  kind: string;
  hearthOnly: number;
  hunspellOnly: number;
  both: number;
  sample: { hearthOnly: string[]; hunspellOnly: string[] };
}

export interface FrenchBenchResult {
  load: { loadMs: number; rssDeltaBytes: number; indexMs?: number; indexRssDeltaBytes?: number } | undefined;
  hunspell: 'ok' | 'missing';
  agreement?: {
    sources: { name: string; texts: number }[];
    types: number;
    tokens: number;
    hearthTypes: number;
    hunspellTypes: number;
    hearthTokens: number;
    hunspellTokens: number;
    agreeTypes: number;
    rows: AgreementRow[];
  };
  synthetic: {
    half: 'tune' | 'eval';
    sourceWords: number;
    realWordErrors: number;
    rows: {
      kind: string;
      n: number;
      recall: { hearth: number; hunspell: number };
      suggested: number;
      top1: { hearth: number; hunspell: number };
      top5: { hearth: number; hunspell: number };
    }[];
    suggestMs: { hearth: number; hunspell: number };
  };
}

/** Why a word of a real text may be flagged: its first matching kind. */
function wordKind(word: string, checker: SpellChecker): string {
  if (/['’]/u.test(word)) {
    return 'elision or apostrophe';
  }
  if (/[\u2010\u2011-]/u.test(word)) {
    return 'hyphenated';
  }
  if (word === word.toUpperCase()) {
    return 'all capitals';
  }
  if (/^\p{Lu}/u.test(word)) {
    return 'capitalised (names)';
  }
  const known = (w: string): string | undefined => (checker.isKnown(w, 'fr') ? w : undefined);
  if (accentCandidates(word, 'fr', known).length > 0) {
    return 'accents missing or wrong';
  }
  if ([...word].length <= 3) {
    return 'short (3 letters or fewer: abbreviations, slang)';
  }
  return 'other lower-case word';
}

const normalise = (w: string): string => w.replace(/’/gu, "'").toLowerCase();

export async function runFrenchBench(options: { dataDir: string; perKind?: number; half?: 'tune' | 'eval'; agreement?: boolean }): Promise<FrenchBenchResult> {
  const checker = createSpellChecker({ suggestionsInCheck: 'none' });
  await checker.ready('fr');
  const hunspell = hasHunspell();
  const result: FrenchBenchResult = {
    load: undefined,
    hunspell: hunspell ? 'ok' : 'missing',
    synthetic: { half: options.half ?? 'eval', sourceWords: 0, realWordErrors: 0, rows: [], suggestMs: { hearth: 0, hunspell: 0 } },
  };

  if (options.agreement !== false) {
    const sources = frenchTexts(options.dataDir);
    const tokenCounts = new Map<string, number>();
    for (const source of sources) {
      for (const text of source.texts) {
        for (const word of wordsOf(text)) {
          tokenCounts.set(word, (tokenCounts.get(word) ?? 0) + 1);
        }
      }
    }
    const types = [...tokenCounts.keys()];
    const hearth = types.map((w) => checker.check(w, 'fr').length > 0);
    const other = hunspell ? hunspellFlaggedWords(types, DICTIONARY) : types.map(() => false);
    const rows = new Map<string, AgreementRow>();
    let hearthTokens = 0;
    let hunspellTokens = 0;
    let agreeTypes = 0;
    types.forEach((word, i) => {
      const n = tokenCounts.get(word) as number;
      hearthTokens += hearth[i] ? n : 0;
      hunspellTokens += other[i] ? n : 0;
      if (hearth[i] === other[i]) {
        agreeTypes++;
      }
      if (!hearth[i] && !other[i]) {
        return;
      }
      const kind = wordKind(word, checker);
      let row = rows.get(kind);
      if (!row) {
        row = { kind, hearthOnly: 0, hunspellOnly: 0, both: 0, sample: { hearthOnly: [], hunspellOnly: [] } };
        rows.set(kind, row);
      }
      // Samples are lower-case words only: the texts hold real names.
      const printable = word === word.toLowerCase();
      if (hearth[i] && other[i]) {
        row.both++;
      } else if (hearth[i]) {
        row.hearthOnly++;
        if (printable) {
          row.sample.hearthOnly.push(word);
        }
      } else {
        row.hunspellOnly++;
        if (printable) {
          row.sample.hunspellOnly.push(word);
        }
      }
    });
    const count = (flags: boolean[]): number => flags.filter(Boolean).length;
    result.agreement = {
      sources: sources.map((s) => ({ name: s.name, texts: s.texts.length })),
      types: types.length,
      tokens: [...tokenCounts.values()].reduce((a, b) => a + b, 0),
      hearthTypes: count(hearth),
      hunspellTypes: count(other),
      hearthTokens,
      hunspellTokens,
      agreeTypes,
      rows: [...rows.values()].sort((a, b) => b.hearthOnly + b.hunspellOnly - (a.hearthOnly + a.hunspellOnly)),
    };
  }

  const half = options.half ?? 'eval';
  const { pairs, realWordErrors, sourceWords } = syntheticPairs(options.dataDir, checker, half, options.perKind ?? 150);
  const hearthFlags = pairs.map((p) => checker.check(p.wrong, 'fr').length > 0);
  const started = performance.now();
  const hearthLists = pairs.map((p, i) => (hearthFlags[i] ? checker.suggest(p.wrong, 'fr') : []));
  const hearthMs = (performance.now() - started) / Math.max(1, hearthFlags.filter(Boolean).length);
  const other = hunspell ? hunspellAnalyse(pairs.map((p) => p.wrong), DICTIONARY) : undefined;
  const rank = (list: string[] | undefined, right: string): number => (list ?? []).slice(0, 5).map(normalise).indexOf(normalise(right));
  const rows: FrenchBenchResult['synthetic']['rows'] = [];
  for (const kind of [...ERROR_KINDS, 'all'] as const) {
    const ids = pairs.flatMap((p, i) => (kind === 'all' || p.kind === kind ? [i] : []));
    // Suggestions are scored on the misspellings both engines flag, as in the English benchmark.
    const both = ids.filter((i) => hearthFlags[i] && (!other || other.flagged[i]));
    const share = (list: number[], test: (i: number) => boolean): number => (list.length ? list.filter(test).length / list.length : 0);
    rows.push({
      kind,
      n: ids.length,
      recall: { hearth: share(ids, (i) => hearthFlags[i] === true), hunspell: other ? share(ids, (i) => other.flagged[i] === true) : 0 },
      suggested: both.length,
      top1: {
        hearth: share(both, (i) => rank(hearthLists[i], (pairs[i] as FrenchPair).right) === 0),
        hunspell: other ? share(both, (i) => rank(other.lists[i], (pairs[i] as FrenchPair).right) === 0) : 0,
      },
      top5: {
        hearth: share(both, (i) => rank(hearthLists[i], (pairs[i] as FrenchPair).right) >= 0),
        hunspell: other ? share(both, (i) => rank(other.lists[i], (pairs[i] as FrenchPair).right) >= 0) : 0,
      },
    });
  }
  result.synthetic = {
    half,
    sourceWords,
    realWordErrors,
    rows,
    suggestMs: { hearth: hearthMs, hunspell: other ? (other.seconds * 1000) / Math.max(1, pairs.length) : 0 },
  };
  result.load = checker.loadStats()[0];
  return result;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

export function printFrenchBench(result: FrenchBenchResult): void {
  if (result.load) {
    const { loadMs, rssDeltaBytes, indexMs, indexRssDeltaBytes } = result.load;
    console.log(
      `dictionary-fr load: ${loadMs.toFixed(0)} ms, +${(rssDeltaBytes / 1e6).toFixed(0)} MB RSS` +
        (indexMs === undefined ? '' : `; suggestion index on first suggest: ${indexMs.toFixed(0)} ms, +${((indexRssDeltaBytes ?? 0) / 1e6).toFixed(0)} MB RSS`),
    );
  }
  if (result.hunspell === 'missing') {
    console.log('hunspell -d fr not installed (apt-get install hunspell hunspell-fr): its columns read 0.');
  }
  const a = result.agreement;
  if (a) {
    console.log(`(a) Words of real French texts (${a.sources.map((s) => `${s.name}: ${s.texts} texts`).join(', ')}): ${a.types} distinct words, ${a.tokens} occurrences`);
    console.table([
      { engine: 'Hearth (nspell + dictionary-fr)', 'words flagged': pct(a.hearthTypes / a.types), 'occurrences flagged': pct(a.hearthTokens / a.tokens) },
      { engine: 'hunspell -d fr (Debian)', 'words flagged': pct(a.hunspellTypes / a.types), 'occurrences flagged': pct(a.hunspellTokens / a.tokens) },
    ]);
    console.log(`Same decision on ${pct(a.agreeTypes / a.types)} of the distinct words. Flagged words by kind (samples: lower-case words only):`);
    console.table(
      a.rows.map((r) => ({
        kind: r.kind,
        both: r.both,
        'Hearth only': r.hearthOnly,
        'hunspell only': r.hunspellOnly,
        'Hearth-only sample': r.sample.hearthOnly.slice(0, 6).join(' '),
        'hunspell-only sample': r.sample.hunspellOnly.slice(0, 6).join(' '),
      })),
    );
  }
  const s = result.synthetic;
  console.log(
    `(b) Synthetic misspellings of ${s.sourceWords} correct words of mlma-hate French (benchmark half of the texts, ${s.half} half of the words, seed ${SEED}); ${s.realWordErrors} drafts that both dictionaries accept (real words) dropped`,
  );
  console.table(
    s.rows.map((r) => ({
      error: r.kind,
      n: r.n,
      'recall Hearth': pct(r.recall.hearth),
      'recall hunspell': pct(r.recall.hunspell),
      'top-1 Hearth': pct(r.top1.hearth),
      'top-1 hunspell': pct(r.top1.hunspell),
      'top-5 Hearth': pct(r.top5.hearth),
      'top-5 hunspell': pct(r.top5.hunspell),
      'n (flagged by both)': r.suggested,
    })),
  );
  console.log(`Mean time per suggestion list: Hearth ${s.suggestMs.hearth.toFixed(1)} ms (after the index is built), hunspell ${s.suggestMs.hunspell.toFixed(1)} ms`);
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = resolve(argument('--data') ?? '../shared/datasets');
  const half = argument('--half') === 'tune' ? 'tune' : 'eval';
  printFrenchBench(await runFrenchBench({ dataDir, half, perKind: Number(argument('--per-kind') ?? 150) }));
}
