/**
 * npx tsx bench/guardrails/originality.ts [--data DIR] [--docs 100000,1000000] [--set eval|tune] [--explain N]
 *
 * Originality figures: recall and precision of near-copy detection on copies of real texts made by
 * realistic edits; the false-positive rate on texts that were never indexed; latency of one check of
 * a ~500-character text; build time and memory, at each index size. The index holds TweetEval
 * sentiment and UMSAB train texts from ../shared/datasets (`\uXXXX` escapes decoded), then synthetic
 * texts that splice and perturb them.
 *
 * Never-indexed texts are of two kinds: held-out pool texts (same sources, topics and weeks as the
 * index: the hard case) and texts of other corpora (TweetEval offensive, hate, irony, emotion; MLMA
 * French). Each comes in two disjoint halves, as do the copies: `--set tune` is the half thresholds
 * may be tuned on, `--set eval` (the default) the half figures are reported on.
 *
 * Tweets repeat (retweets, quotes, bots, templated news), so some held-out texts ARE copies of pool
 * texts. False alarms are reported three ways: over every never-indexed text; without those whose
 * normalised words (no handles, links, "RT", entities) equal a pool text's; and without those that
 * also have a pool text at word 3-shingle Jaccard ≥ 0.5, found by exhaustive search rather than by
 * the index under test. The last is the FALSE-POSITIVE RATE line.
 *
 * Only figures are printed, except with --explain N: the first N deduped never-indexed texts that
 * still get a finding, handles masked, with the source they matched and why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareWith, indexQuery } from '../../src/guardrails/originality/compare.js';
import { hashString } from '../../src/guardrails/originality/hash.js';
import {
  createOriginalityIndex,
  MemoryOriginalityStore,
  type OriginalityIndex,
} from '../../src/guardrails/originality/index.js';
import { tokenize } from '../../src/guardrails/originality/normalize.js';
import { shingleHashes } from '../../src/guardrails/originality/shingles.js';
import type { Finding } from '../../src/guardrails/types.js';

export type BenchSet = 'tune' | 'eval';

export interface OriginalityBenchOptions {
  dataDir: string;
  sizes: number[];
  /** Which held-out texts and copies to measure; 'eval' by default. */
  set?: BenchSet;
  copies?: number;
  heldOut?: number;
  latencyQueries?: number;
  /** Print this many held-out texts that still get a finding after dedupe. */
  explain?: number;
  log?: (line: string) => void;
}

export interface EditRecall {
  edit: string;
  copies: number;
  recall: number;
}

/** False alarms among some held-out texts. */
export interface FalseAlarms {
  texts: number;
  /** Share given a near-copy finding (an error: every indexed source is a competitor's or ingested). */
  nearCopy: number;
  /** Share given any finding (near-copy or partial-copy). */
  anyFinding: number;
}

export interface HeldOutFigures {
  all: FalseAlarms;
  noExactDuplicate: FalseAlarms;
  /** The false-positive rate: texts with neither an equal nor a Jaccard ≥ 0.5 pool text. */
  deduped: FalseAlarms;
}

export interface SizeFigures {
  documents: number;
  buildSeconds: number;
  docsPerSecond: number;
  heapMb: number;
  rssMb: number;
  arrayBuffersMb: number;
  recall: number;
  recallByEdit: EditRecall[];
  /** Near-copy flags that name the copied source, among near-copy flags on copies and on deduped held-out texts. */
  precision: number;
  /** Held-out pool texts (same sources and topics as the index). */
  heldOut: HeldOutFigures;
  /** Texts of other corpora. */
  other: HeldOutFigures;
  checkP50Ms: number;
  checkP95Ms: number;
  checkMaxMs: number;
  /** CPU time of the check (user + system), immune to waiting for a core on a loaded machine. */
  checkCpuP50Ms: number;
  checkCpuP95Ms: number;
  queryChars: number;
}

export const EDITS = [
  'exact',
  'case',
  'hashtag-emoji',
  'swap-1',
  'insert-2',
  'delete-2',
  'truncate-80',
  'mixed',
] as const;
export type Edit = (typeof EDITS)[number];
const EMOJI = ['🔥', '🎉', '😂', '👍', '✨', '🙏', '❤️'];
/** Dedupe's near-duplicate threshold (word 3-shingle Jaccard with some pool text). */
export const DUPLICATE_JACCARD = 0.5;

/** A small seeded generator (mulberry32), so every run builds the same copies. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The datasets keep some characters as literal escapes ("it\u2019s", "a\u002c b"); see their README.
const ESCAPE = /\\u([0-9a-fA-F]{4})/gu;
const decodeEscapes = (text: string): string =>
  text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => decodeEscapes(line.trim()))
    .filter((line) => line.length > 0);
}

/** TweetEval sentiment train and every UMSAB language's train texts. */
export function loadPool(dataDir: string): string[] {
  const texts = readLines(join(dataDir, 'tweeteval', 'sentiment', 'train_text.txt'));
  const umsab = join(dataDir, 'umsab');
  for (const language of readdirSync(umsab)) {
    const file = join(umsab, language, 'train_text.txt');
    if (existsSync(file)) {
      texts.push(...readLines(file));
    }
  }
  return texts;
}

/** Fields of a CSV line with double-quoted fields (no field spans lines in the files read here). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Texts from other corpora, never indexed: TweetEval offensive, hate, irony and emotion (English)
 * and MLMA's French tweets. Other topics than the pool, so false alarms there are the ordinary case;
 * the held-out pool texts (same topics, same weeks) are the hard one.
 */
export function loadOtherCorpora(dataDir: string): string[] {
  const texts: string[] = [];
  for (const task of ['offensive', 'hate', 'irony', 'emotion']) {
    const file = join(dataDir, 'tweeteval', task, 'train_text.txt');
    if (existsSync(file)) {
      texts.push(...readLines(file));
    }
  }
  const french = join(dataDir, 'mlma-hate', 'fr_dataset.csv');
  if (existsSync(french)) {
    texts.push(
      ...readLines(french)
        .slice(1)
        .map((line) => csvFields(line)[1] ?? '')
        .filter((text) => text.length > 0),
    );
  }
  return texts;
}

function edit(text: string, kind: Edit, rnd: () => number, vocabulary: string[]): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  let words = text.split(/\s+/u);
  const at = (): number => Math.floor(rnd() * words.length);
  switch (kind) {
    case 'exact':
      return text;
    case 'case':
      return rnd() < 0.5 ? text.toUpperCase() : text.toLowerCase();
    case 'hashtag-emoji':
      words = words.map((w) => w.replace(/^#/u, '').replace(/\p{Extended_Pictographic}/gu, ''));
      for (let i = 0; i < 2; i++) {
        const j = at();
        words[j] = `#${words[j] ?? ''}`;
      }
      return `${words.join(' ')} ${pick(EMOJI)}${pick(EMOJI)}`;
    case 'swap-1':
      words[at()] = pick(vocabulary);
      return words.join(' ');
    case 'insert-2':
      for (let i = 0; i < 2; i++) {
        words.splice(at(), 0, pick(vocabulary));
      }
      return words.join(' ');
    case 'delete-2':
      for (let i = 0; i < 2; i++) {
        words.splice(at(), 1);
      }
      return words.join(' ');
    case 'truncate-80':
      return words.slice(0, Math.ceil(words.length * 0.8)).join(' ');
    case 'mixed':
      words[at()] = pick(vocabulary);
      words.splice(at(), 0, pick(vocabulary));
      return `${words.join(' ').toLowerCase()} ${pick(EMOJI)}`;
  }
}

/** A synthetic document: the head of one pool text, the tail of another, one word changed. */
function synthetic(pool: readonly string[], rnd: () => number, vocabulary: string[]): string {
  const a = (pool[Math.floor(rnd() * pool.length)] ?? '').split(/\s+/u);
  const b = (pool[Math.floor(rnd() * pool.length)] ?? '').split(/\s+/u);
  const words = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))];
  words[Math.floor(rnd() * words.length)] = vocabulary[Math.floor(rnd() * vocabulary.length)] ?? '';
  return words.join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

// Retweet markers, link placeholders and HTML entities: what differs between two posts of one text.
const BOILERPLATE = new Set(['rt', 'via', 'cc', 'http', 'https', 'url', 'amp', 'gt', 'lt', 'quot']);

/** The dedupe's normal form: folded words without handles, links, retweet markers or entities. */
export function dedupeWords(text: string): string[] {
  return tokenize(text)
    .map((t) => t.word)
    .filter((w) => !BOILERPLATE.has(w));
}

function wordShingles(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) {
    out.add(hashString(`${words[i] ?? ''} ${words[i + 1] ?? ''} ${words[i + 2] ?? ''}`));
  }
  return out;
}

export interface HeldOutText {
  text: string;
  /** Its dedupe normal form equals a pool text's. */
  exactDuplicate: boolean;
  /** Highest word 3-shingle Jaccard with any pool text (exhaustive), and that text's index. */
  bestJaccard: number;
  bestSource: number;
}

/** Marks held-out texts that duplicate a pool text, by exact normal form and by exhaustive Jaccard. */
export function dedupe(pool: readonly string[], heldOut: readonly string[]): HeldOutText[] {
  const forms = new Set<string>();
  const postings = new Map<number, number[]>();
  const sizes = new Int32Array(pool.length);
  pool.forEach((text, i) => {
    const words = dedupeWords(text);
    forms.add(words.join(' '));
    const shingles = wordShingles(words);
    sizes[i] = shingles.size;
    for (const hash of shingles) {
      const list = postings.get(hash);
      if (list === undefined) {
        postings.set(hash, [i]);
      } else {
        list.push(i);
      }
    }
  });
  return heldOut.map((text) => {
    const words = dedupeWords(text);
    const shingles = wordShingles(words);
    const shared = new Map<number, number>();
    for (const hash of shingles) {
      for (const doc of postings.get(hash) ?? []) {
        shared.set(doc, (shared.get(doc) ?? 0) + 1);
      }
    }
    let bestJaccard = 0;
    let bestSource = -1;
    for (const [doc, count] of shared) {
      const jaccard = count / (shingles.size + (sizes[doc] as number) - count);
      if (jaccard > bestJaccard) {
        bestJaccard = jaccard;
        bestSource = doc;
      }
    }
    return { text, exactDuplicate: forms.has(words.join(' ')), bestJaccard, bestSource };
  });
}

export interface Copy {
  sourceId: string;
  kind: Edit;
  text: string;
}

export interface BenchData {
  pool: string[];
  vocabulary: string[];
  /** Held-out pool texts (same sources and topics as the index). */
  heldOut: HeldOutText[];
  /** Texts of other corpora (other topics). */
  other: HeldOutText[];
  copies: Copy[];
  queries: string[];
  /** Seeded generator for synthetic documents. */
  rnd: () => number;
}

/** The pool, the chosen set's held-out texts (deduped) and copies, and the latency queries. */
export function prepareBenchData(
  dataDir: string,
  set: BenchSet,
  sizes: { copies?: number; heldOut?: number; latencyQueries?: number } = {},
): BenchData {
  const rnd = random(20240613);
  const pool = loadPool(dataDir);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  // Both held-out sets leave the pool, whichever is measured, so the index is the same for both.
  const heldOutCount = sizes.heldOut ?? 3000;
  const tune = pool.splice(0, heldOutCount);
  const evaluation = pool.splice(0, heldOutCount);
  const vocabulary = pool
    .slice(0, 5000)
    .flatMap((t) => t.split(/\s+/u).filter((w) => /^\p{L}{3,}$/u.test(w)));
  // Copies of disjoint pool texts per set: even eligible texts for tuning, odd ones for evaluation.
  const eligible = pool
    .map((_, i) => i)
    .filter((i) => tokenize(pool[i] as string).length >= 10)
    .filter((_, n) => n % 2 === (set === 'tune' ? 0 : 1));
  const copyRnd = random(set === 'tune' ? 7 : 11);
  const copies = Array.from({ length: sizes.copies ?? 4000 }, (_, n) => {
    const source = eligible[Math.floor(copyRnd() * eligible.length)] as number;
    const kind = EDITS[n % EDITS.length] as Edit;
    return {
      sourceId: `pool-${source}`,
      kind,
      text: edit(pool[source] as string, kind, copyRnd, vocabulary),
    };
  });
  const queries = Array.from({ length: sizes.latencyQueries ?? 300 }, () => {
    let text = '';
    while (text.length < 500) {
      text += `${pool[Math.floor(rnd() * pool.length)] ?? ''} `;
    }
    return text.slice(0, 500);
  });
  const heldOut = dedupe(pool, set === 'tune' ? tune : evaluation);
  const other = dedupe(
    pool,
    loadOtherCorpora(dataDir).filter((_, i) => i % 2 === (set === 'tune' ? 0 : 1)),
  );
  return { pool, vocabulary, heldOut, other, copies, queries, rnd };
}

/** Adds pool texts, then synthetic ones, until the index holds `target` documents (ids by position). */
export function fill(index: OriginalityIndex, data: BenchData, from: number, target: number): void {
  for (let added = from; added < target; added++) {
    const inPool = added < data.pool.length;
    index.add({
      id: inPool ? `pool-${added}` : `syn-${added}`,
      text: inPool ? (data.pool[added] as string) : synthetic(data.pool, data.rnd, data.vocabulary),
      kind: added % 10 === 0 ? 'competitor' : 'ingested',
    });
  }
}

const isNear = (f: Finding): boolean => f.rule === 'originality.near-copy';

function falseAlarms(checked: ReadonlyArray<{ findings: Finding[] }>): FalseAlarms {
  const texts = checked.length;
  return {
    texts,
    nearCopy: checked.filter((c) => c.findings.some(isNear)).length / Math.max(1, texts),
    anyFinding: checked.filter((c) => c.findings.length > 0).length / Math.max(1, texts),
  };
}

type Checked = HeldOutText & { findings: Finding[] };

function measureHeldOut(
  index: OriginalityIndex,
  texts: readonly HeldOutText[],
): { figures: HeldOutFigures; deduped: Checked[] } {
  const checked = texts.map((h) => ({ ...h, findings: index.check(h.text) }));
  const noExact = checked.filter((c) => !c.exactDuplicate);
  const deduped = noExact.filter((c) => c.bestJaccard < DUPLICATE_JACCARD);
  return {
    figures: {
      all: falseAlarms(checked),
      noExactDuplicate: falseAlarms(noExact),
      deduped: falseAlarms(deduped),
    },
    deduped,
  };
}

/** Builds the index size by size (incrementally) and measures each size. */
export function runOriginalityBench(options: OriginalityBenchOptions): SizeFigures[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const set = options.set ?? 'eval';
  const data = prepareBenchData(options.dataDir, set, options);
  const { heldOut, other, copies, queries } = data;
  const describe = (texts: readonly HeldOutText[]): string => {
    const exact = texts.filter((h) => h.exactDuplicate).length;
    const near = texts.filter((h) => !h.exactDuplicate && h.bestJaccard >= DUPLICATE_JACCARD).length;
    return `${texts.length} (${exact} equal a pool text once normalised, ${near} more have one at Jaccard ≥ ${DUPLICATE_JACCARD})`;
  };
  log(
    `set ${set}: pool ${data.pool.length} texts; never indexed: ${describe(heldOut)} held-out pool texts, ${describe(other)} texts of other corpora; ${copies.length} copies, ${queries.length} latency queries`,
  );

  const store = new MemoryOriginalityStore();
  const index = createOriginalityIndex({ store });
  const results: SizeFigures[] = [];
  let buildMs = 0;
  let added = 0;
  for (const target of [...options.sizes].sort((a, b) => a - b)) {
    const began = performance.now();
    fill(index, data, added, target);
    added = Math.max(added, target);
    buildMs += performance.now() - began;
    global.gc?.();
    const memory = process.memoryUsage();

    const hits = new Map<Edit, number>();
    let truePositives = 0;
    let flagged = 0;
    for (const copy of copies) {
      const nearCopies = index.check(copy.text).filter(isNear);
      flagged += nearCopies.length > 0 ? 1 : 0;
      if (nearCopies.some((f) => f.sourceId === copy.sourceId)) {
        truePositives++;
        hits.set(copy.kind, (hits.get(copy.kind) ?? 0) + 1);
      }
    }
    const sameSource = measureHeldOut(index, heldOut);
    const otherCorpora = measureHeldOut(index, other);
    for (const text of queries.slice(0, 20)) {
      index.check(text);
    }
    // Wall time, and CPU time: on a loaded machine the wall-time tail is mostly waiting for a core.
    const cpuTimes: number[] = [];
    const times = queries.map((text) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      index.check(text);
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      return elapsed;
    });
    cpuTimes.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const perEdit = copies.length / EDITS.length;
    const figures: SizeFigures = {
      documents: index.size,
      buildSeconds: Math.round(buildMs) / 1000,
      docsPerSecond: Math.round(added / (buildMs / 1000)),
      heapMb: mb(memory.heapUsed),
      rssMb: mb(memory.rss),
      arrayBuffersMb: mb(memory.arrayBuffers),
      recall: truePositives / copies.length,
      recallByEdit: EDITS.map((e) => ({ edit: e, copies: perEdit, recall: (hits.get(e) ?? 0) / perEdit })),
      // A flag on a copy naming another source counts false (though it may be a duplicate tweet).
      precision:
        truePositives /
        Math.max(1, flagged + sameSource.figures.deduped.nearCopy * sameSource.figures.deduped.texts),
      heldOut: sameSource.figures,
      other: otherCorpora.figures,
      checkP50Ms: percentile(times, 50),
      checkP95Ms: percentile(times, 95),
      checkMaxMs: times[times.length - 1] ?? 0,
      checkCpuP50Ms: percentile(cpuTimes, 50),
      checkCpuP95Ms: percentile(cpuTimes, 95),
      queryChars: 500,
    };
    results.push(figures);
    printFigures(figures, log);
    if ((options.explain ?? 0) > 0) {
      explain('held-out pool texts', sameSource.deduped, data.pool, index, options.explain ?? 0, log);
      explain('texts of other corpora', otherCorpora.deduped, data.pool, index, options.explain ?? 0, log);
    }
  }
  return results;
}

const maskHandles = (text: string): string => text.replace(/[@＠][\p{L}\p{N}_]+/gu, '@user');

/** Prints held-out texts that still get a finding, with what they matched and why. */
function explain(
  label: string,
  flagged: readonly Checked[],
  pool: readonly string[],
  index: OriginalityIndex,
  limit: number,
  log: (line: string) => void,
): void {
  const shown = flagged.filter((c) => c.findings.length > 0).slice(0, limit);
  log(`\n-- ${label}, deduped, with a finding (first ${shown.length}; handles masked) --`);
  for (const c of shown) {
    const finding = c.findings[0] as Finding;
    const id = finding.sourceId ?? '';
    const source = id.startsWith('pool-') ? (pool[Number(id.slice(5))] ?? '') : '(synthetic document)';
    const tokens = tokenize(c.text);
    const document = index.store.get(id);
    const k = index.options.shingleSize;
    const comparison =
      document === undefined
        ? undefined
        : compareWith(indexQuery(shingleHashes(tokens, k), tokens), document.shingles, k);
    log(
      `${finding.rule} ${id} similarity ${finding.similarity ?? 0}; Jaccard ${comparison?.jaccard.toFixed(2)}, coverage ${comparison?.coverage.toFixed(2)}, content coverage ${comparison?.contentCoverage.toFixed(2)}, shared words ${comparison?.sharedWords}/${tokens.length}, shared content words ${comparison?.sharedContentWords}; best pool Jaccard ${c.bestJaccard.toFixed(2)}`,
    );
    log(`  text:   ${maskHandles(c.text)}`);
    log(`  source: ${maskHandles(source)}`);
    log(`  span:   ${maskHandles(finding.text)}`);
  }
}

function printFigures(f: SizeFigures, log: (line: string) => void): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  // Two decimals and counts: these rates are a few texts in thousands.
  const rate = (x: number, of: number): string => `${(x * 100).toFixed(2)} % (${Math.round(x * of)})`;
  const alarms = (a: FalseAlarms): string =>
    `near-copy error ${rate(a.nearCopy, a.texts)}, any finding ${rate(a.anyFinding, a.texts)} of ${a.texts}`;
  log(`\n== ${f.documents.toLocaleString('en')} documents ==`);
  log(
    `build ${f.buildSeconds} s total (${f.docsPerSecond.toLocaleString('en')} docs/s); heap ${f.heapMb} MB, RSS ${f.rssMb} MB, typed arrays ${f.arrayBuffersMb} MB`,
  );
  log(`near-copy recall ${pct(f.recall)}, precision ${pct(f.precision)}`);
  log(`  by edit: ${f.recallByEdit.map((e) => `${e.edit} ${pct(e.recall)}`).join(', ')}`);
  for (const [label, h] of [
    ['held-out pool texts (same sources and topics)', f.heldOut],
    ['texts of other corpora', f.other],
  ] as const) {
    log(
      `FALSE-POSITIVE RATE on never-indexed ${label}, deduped (no equal pool text, none at Jaccard ≥ ${DUPLICATE_JACCARD}): ${alarms(h.deduped)}`,
    );
    log(
      `  without equal pool texts only: ${alarms(h.noExactDuplicate)}; duplicates included: ${alarms(h.all)}`,
    );
  }
  log(
    `check of a ${f.queryChars}-char text: p50 ${f.checkP50Ms.toFixed(2)} ms, p95 ${f.checkP95Ms.toFixed(2)} ms, max ${f.checkMaxMs.toFixed(2)} ms (wall); CPU p50 ${f.checkCpuP50Ms.toFixed(2)} ms, p95 ${f.checkCpuP95Ms.toFixed(2)} ms`,
  );
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const set = argument('--set') ?? 'eval';
  if (set !== 'eval' && set !== 'tune') {
    throw new Error('--set is eval or tune');
  }
  runOriginalityBench({
    dataDir: argument('--data') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets'),
    sizes: (argument('--docs') ?? '100000,1000000').split(',').map(Number),
    set,
    explain: Number(argument('--explain') ?? 0),
  });
}
