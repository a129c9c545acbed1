/**
 * npx tsx bench/guardrails/originality.ts [--data DIR] [--docs 100000,1000000]
 * Originality figures: recall and precision of near-copy detection on copies of real texts made by
 * realistic edits, against held-out texts that were never indexed; latency of one check of a
 * ~500-character text; build time and memory, at each index size. Texts come from
 * ../shared/datasets (TweetEval sentiment and UMSAB train splits); they hold real handles, so only
 * figures are printed, never a text. Indexes beyond the pool are filled with synthetic texts that
 * splice and perturb pool texts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOriginalityIndex, MemoryOriginalityStore } from '../../src/guardrails/originality/index.js';
import { tokenize } from '../../src/guardrails/originality/normalize.js';

export interface OriginalityBenchOptions {
  dataDir: string;
  sizes: number[];
  copies?: number;
  distractors?: number;
  latencyQueries?: number;
  log?: (line: string) => void;
}

export interface EditRecall {
  edit: string;
  copies: number;
  recall: number;
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
  precision: number;
  /** Held-out texts given a near-copy error / any finding. */
  distractorNearCopyRate: number;
  distractorAnyFindingRate: number;
  /** The same, among held-out texts with no folded-identical text in the pool. */
  distractorNearCopyRateUnduplicated: number;
  checkP50Ms: number;
  checkP95Ms: number;
  checkMaxMs: number;
  queryChars: number;
}

const EDITS = [
  'exact',
  'case',
  'hashtag-emoji',
  'swap-1',
  'insert-2',
  'delete-2',
  'truncate-80',
  'mixed',
] as const;
type Edit = (typeof EDITS)[number];
const EMOJI = ['🔥', '🎉', '😂', '👍', '✨', '🙏', '❤️'];

/** A small seeded generator (mulberry32), so every run builds the same copies. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
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

/** Builds the index size by size (incrementally) and measures each size. */
export function runOriginalityBench(options: OriginalityBenchOptions): SizeFigures[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const rnd = random(20240613);
  const pool = loadPool(options.dataDir);
  // Shuffle, then hold out distractors: texts never indexed, checked to count false alarms.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  const distractors = pool.splice(0, options.distractors ?? 2000);
  const vocabulary = pool
    .slice(0, 5000)
    .flatMap((t) => t.split(/\s+/u).filter((w) => /^\p{L}{3,}$/u.test(w)));
  const eligible = pool.map((_, i) => i).filter((i) => tokenize(pool[i] as string).length >= 10);
  const copies = Array.from({ length: options.copies ?? 2000 }, (_, n) => {
    const source = eligible[Math.floor(rnd() * eligible.length)] as number;
    const kind = EDITS[n % EDITS.length] as Edit;
    return { sourceId: `pool-${source}`, kind, text: edit(pool[source] as string, kind, rnd, vocabulary) };
  });
  const queries = Array.from({ length: options.latencyQueries ?? 300 }, () => {
    let text = '';
    while (text.length < 500) {
      text += `${pool[Math.floor(rnd() * pool.length)] ?? ''} `;
    }
    return text.slice(0, 500);
  });
  // Tweets repeat (retweets, templates): a held-out text whose folded words equal an indexed text's
  // is a true copy, so false alarms are also reported without those.
  const folded = (text: string): string =>
    tokenize(text)
      .map((t) => t.word)
      .join(' ');
  const indexedForms = new Set(pool.map(folded));
  const duplicated = distractors.map((text) => indexedForms.has(folded(text)));
  log(`held-out texts whose folded words equal a pool text's: ${duplicated.filter(Boolean).length}`);
  log(
    `pool ${pool.length} texts (+${distractors.length} held out), ${copies.length} copies, ${queries.length} latency queries`,
  );

  const store = new MemoryOriginalityStore();
  const index = createOriginalityIndex({ store });
  const results: SizeFigures[] = [];
  let buildMs = 0;
  let added = 0;
  for (const target of [...options.sizes].sort((a, b) => a - b)) {
    const began = performance.now();
    for (; added < target; added++) {
      const text = added < pool.length ? (pool[added] as string) : synthetic(pool, rnd, vocabulary);
      index.add({
        id: added < pool.length ? `pool-${added}` : `syn-${added}`,
        text,
        kind: added % 10 === 0 ? 'competitor' : 'ingested',
      });
    }
    buildMs += performance.now() - began;
    global.gc?.();
    const memory = process.memoryUsage();

    const hits = new Map<Edit, number>();
    let truePositives = 0;
    let flagged = 0;
    for (const copy of copies) {
      const near = index.check(copy.text).filter((f) => f.rule === 'originality.near-copy');
      flagged += near.length > 0 ? 1 : 0;
      if (near.some((f) => f.sourceId === copy.sourceId)) {
        truePositives++;
        hits.set(copy.kind, (hits.get(copy.kind) ?? 0) + 1);
      }
    }
    let distractorNear = 0;
    let distractorAny = 0;
    let distractorNearUnique = 0;
    distractors.forEach((text, i) => {
      const findings = index.check(text);
      const near = findings.some((f) => f.rule === 'originality.near-copy');
      distractorAny += findings.length > 0 ? 1 : 0;
      distractorNear += near ? 1 : 0;
      distractorNearUnique += near && duplicated[i] !== true ? 1 : 0;
    });
    for (const text of queries.slice(0, 20)) {
      index.check(text);
    }
    const times = queries.map((text) => {
      const start = performance.now();
      index.check(text);
      return performance.now() - start;
    });
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
      // A near-copy flag on a copy naming another source is counted false (it may be a duplicate tweet).
      precision: truePositives / Math.max(1, flagged + distractorNear),
      distractorNearCopyRate: distractorNear / distractors.length,
      distractorAnyFindingRate: distractorAny / distractors.length,
      distractorNearCopyRateUnduplicated:
        distractorNearUnique / Math.max(1, duplicated.filter((d) => !d).length),
      checkP50Ms: percentile(times, 50),
      checkP95Ms: percentile(times, 95),
      checkMaxMs: times[times.length - 1] ?? 0,
      queryChars: 500,
    };
    results.push(figures);
    printFigures(figures, log);
  }
  return results;
}

function printFigures(f: SizeFigures, log: (line: string) => void): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  log(`\n== ${f.documents.toLocaleString('en')} documents ==`);
  log(
    `build ${f.buildSeconds} s total (${f.docsPerSecond.toLocaleString('en')} docs/s); heap ${f.heapMb} MB, RSS ${f.rssMb} MB, typed arrays ${f.arrayBuffersMb} MB`,
  );
  log(`near-copy recall ${pct(f.recall)}, precision ${pct(f.precision)}`);
  log(`  by edit: ${f.recallByEdit.map((e) => `${e.edit} ${pct(e.recall)}`).join(', ')}`);
  log(
    `held-out texts: near-copy error ${pct(f.distractorNearCopyRate)} (${pct(f.distractorNearCopyRateUnduplicated)} of those with no identical pool text), any finding ${pct(f.distractorAnyFindingRate)}`,
  );
  log(
    `check of a ${f.queryChars}-char text: p50 ${f.checkP50Ms.toFixed(2)} ms, p95 ${f.checkP95Ms.toFixed(2)} ms, max ${f.checkMaxMs.toFixed(2)} ms`,
  );
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runOriginalityBench({
    dataDir: argument('--data') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets'),
    sizes: (argument('--docs') ?? '100000,1000000').split(',').map(Number),
  });
}
