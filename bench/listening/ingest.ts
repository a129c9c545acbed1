/**
 * npm run bench:ingest [-- --items N] [--rate N] [--seconds N] [--fts-rows N] [--pg-fts-rows N] [--sqlite-only] [--data DIR]
 *
 * Listening's ingestion and search, on SQLite (a temp file) and on PostgreSQL (TEST_DATABASE_URL, a
 * fresh schema), with real tweets (../shared/datasets: TweetEval + UMSAB French/Spanish/German):
 *  1. import throughput: a JSONL file read, validated, analysed, stored with its full-text index,
 *     saved-query matches and counters (importFile, the `hearth import` path), items per second;
 *     then the originality index fed from what was stored (after commit, as the task does);
 *  2. delay to searchable: webhook-sized calls (50 items every 50 ms = 1,000 items/s, sent on
 *     schedule, handled concurrently as the server would) go through ingestItems; after each call
 *     returns, a full-text search must find all its items; delay = found − the call's scheduled
 *     time (so falling behind the schedule counts);
 *  3. query latency over a large table (rows inserted directly, analysis skipped; one in five dated
 *     earlier than it arrived, as backfills are): the real search path (findMentionPage) for common,
 *     mid and rare words, a phrase, a prefix, a boolean query, newest first, pages of 50.
 * Figures only: nothing here asserts. One Node thread; PostgreSQL runs in its own process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { createAnalyzer, type Analyzer } from '../../src/analysis/analyzer.js';
import { readTweetEval, readUmsab } from '../../src/analysis/datasets/datasets.js';
import { packageRoot } from '../../src/cli/package-root.js';
import { systemClock } from '../../src/core/clock.js';
import { newId } from '../../src/core/ids.js';
import { createLogger } from '../../src/core/logger.js';
import type { Db } from '../../src/db/database.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { importFile } from '../../src/listening/import.service.js';
import { ingestItems } from '../../src/listening/ingest.service.js';
import type { ListeningDeps } from '../../src/listening/listening.deps.js';
import { mentionsRepo, type MentionInsert } from '../../src/listening/mentions.repo.js';
import { findMentionPage, type MentionSearch } from '../../src/listening/mentions.service.js';
import { feedOriginality } from '../../src/listening/originality-feed.service.js';
import { searchText, words } from '../../src/listening/query/text-tokens.js';
import { importSourceNamed } from '../../src/listening/sources.service.js';
import { createWorkspaceOriginalityIndexes } from '../../src/originality/originality.indexes.js';
import { insertWorkspaceWithOwner } from '../../src/workspaces/workspaces.service.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Options {
  items: number;
  rate: number;
  seconds: number;
  ftsRows: number;
  pgFtsRows: number;
  sqliteOnly: boolean;
  data: string;
}

function options(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (flag: string, fallback: number): number => {
    const parsed = Number(value(flag) ?? fallback);
    if (!Number.isFinite(parsed) || parsed < 0) {
      console.error(`${flag} needs a number`);
      process.exit(2);
    }
    return parsed;
  };
  return {
    items: number('--items', 20_000),
    rate: number('--rate', 1_000),
    seconds: number('--seconds', 20),
    ftsRows: number('--fts-rows', 1_000_000),
    pgFtsRows: number('--pg-fts-rows', 1_000_000),
    sqliteOnly: argv.includes('--sqlite-only'),
    data: value('--data') ?? join(packageRoot(), '..', 'shared', 'datasets'),
  };
}

interface CorpusText {
  text: string;
  language: string;
}

function corpus(dir: string): CorpusText[] {
  const texts: CorpusText[] = readTweetEval(dir, 'sentiment', 'train').texts.map((text) => ({ text, language: 'en' }));
  for (const language of ['fr', 'es', 'de']) {
    texts.push(...readUmsab(dir, language, 'train').texts.map((text) => ({ text, language })));
  }
  // A fixed shuffle, so every run measures the same mix.
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [texts[i], texts[j]] = [texts[j] as CorpusText, texts[i] as CorpusText];
  }
  return texts.filter((entry) => entry.text.trim() !== '');
}

const quiet = createLogger({ level: 'warn', destination: new Writable({ write: (_chunk, _encoding, callback) => callback() }) });

interface Bench {
  db: Db;
  deps: ListeningDeps;
  workspaceId: string;
  sourceId: string;
  drop(): Promise<void>;
}

async function open(dialect: 'sqlite' | 'postgres', analyzer: () => Promise<Analyzer>): Promise<Bench> {
  let db: Db;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    db = (await openMigratedDatabase({ kind: 'sqlite', path: join(dir, 'bench.db') })).db;
    cleanup = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const schema = `hearth_bench_${randomBytes(4).toString('hex')}`;
    db = (await openMigratedDatabase({ kind: 'postgres', url: POSTGRES_URL }, { schema, poolSize: 10 })).db;
    cleanup = async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
      await db.close();
    };
  }
  const now = new Date().toISOString();
  const userId = newId();
  await db.kysely.insertInto('users').values({ id: userId, email: `${userId}@bench.test`, name: 'Bench', password_hash: null, locale: null, created_at: now, disabled_at: null }).execute();
  const workspace = await insertWorkspaceWithOwner(db.kysely, systemClock, {
    ownerUserId: userId,
    settings: { name: 'Bench', timeZone: 'UTC', languages: ['en', 'fr'], namedThings: { brand: ['Apple'], products: ['iPhone'], competitors: ['Samsung'] } },
  });
  const deps: ListeningDeps = { db: db.kysely, clock: systemClock, logger: quiet, analyzer, originality: createWorkspaceOriginalityIndexes(db.kysely) };
  const source = await importSourceNamed(db.kysely, systemClock, workspace.id, 'Bench');
  return { db, deps, workspaceId: workspace.id, sourceId: source.id, drop: cleanup };
}

const itemOf = (entry: CorpusText, n: number, prefix: string) => ({
  id: `${prefix}-${n}`,
  network: 'import',
  author: `user${n % 5_000}`,
  authorName: `User ${n % 5_000}`,
  text: entry.text,
  createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1_000).toISOString(),
  url: `https://social.example/${prefix}/${n}`,
  likes: n % 50,
  reposts: n % 7,
  replies: n % 3,
  followers: (n * 37) % 100_000,
});

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const perSecond = (count: number, millis: number): string => `${Math.round(count / (millis / 1000)).toLocaleString('en')}/s`;

/** 1. Import throughput. */
async function importThroughput(bench: Bench, texts: CorpusText[], count: number, timing: { analysisMs: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-import-'));
  const file = join(dir, 'items.jsonl');
  writeFileSync(file, Array.from({ length: count }, (_, n) => JSON.stringify(itemOf(texts[n % texts.length] as CorpusText, n, 'import'))).join('\n'));
  timing.analysisMs = 0;
  const started = performance.now();
  const report = await importFile(bench.deps, bench.workspaceId, bench.sourceId, file, { format: 'jsonl' });
  const elapsed = performance.now() - started;
  const analysis = timing.analysisMs;
  const feedStarted = performance.now();
  const fed = await feedOriginality(bench.deps);
  const feedMs = performance.now() - feedStarted;
  const again = performance.now();
  const second = await importFile(bench.deps, bench.workspaceId, bench.sourceId, file, { format: 'jsonl' });
  const againMs = performance.now() - again;
  rmSync(dir, { recursive: true, force: true });
  console.log(`- imported ${report.stored.toLocaleString('en')} of ${report.rows.toLocaleString('en')} rows (bad ${report.bad.length}) in ${(elapsed / 1000).toFixed(1)} s: **${perSecond(report.stored, elapsed)}** read, validated, analysed, stored (full-text index, saved-query matches, counters), searchable`);
  console.log(`  - of which analysis ${(analysis / 1000).toFixed(1)} s (${Math.round((100 * analysis) / elapsed)} %), everything else ${((elapsed - analysis) / 1000).toFixed(1)} s`);
  console.log(`- then the originality index, after commit: ${(fed.indexed + fed.skipped).toLocaleString('en')} mentions in ${(feedMs / 1000).toFixed(1)} s (${perSecond(fed.indexed + fed.skipped, feedMs)})`);
  console.log(`- the same file again (all duplicates, nothing stored: ${second.stored}): ${perSecond(second.rows, againMs)}`);
}

/**
 * 2. Delay from an item entering to it being searchable, at `rate` items/s for `seconds`: calls of
 * rate/20 items every 50 ms, sent on schedule whatever the previous ones are doing (as webhook
 * senders do; the server handles requests concurrently), each call's items searched for as soon as
 * it returns. Delay = found − the call's scheduled time, so falling behind counts.
 */
async function searchableDelay(bench: Bench, texts: CorpusText[], rate: number, seconds: number): Promise<void> {
  const perCall = Math.max(1, Math.round(rate / 20));
  const everyMs = (perCall / rate) * 1000;
  const calls = Math.round((rate * seconds) / perCall);
  const delays: number[] = [];
  let missing = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const running: Promise<void>[] = [];
  const start = performance.now() + 100;
  const call = async (index: number, scheduled: number): Promise<void> => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const token = `zqx${index.toString(36)}marker`;
    const items = Array.from({ length: perCall }, (_, i) => {
      const n = index * perCall + i;
      const entry = texts[(n * 7) % texts.length] as CorpusText;
      return { ...itemOf(entry, n, 'live'), text: `${entry.text} ${token}`, createdAt: new Date().toISOString() };
    });
    await ingestItems(bench.deps, bench.workspaceId, bench.sourceId, items);
    const found = await findMentionPage(bench.db.kysely, bench.workspaceId, { text: token, limit: 200 });
    const at = performance.now();
    missing += perCall - found.items.length;
    for (let i = 0; i < perCall; i++) {
      delays.push(at - scheduled);
    }
    inFlight -= 1;
  };
  for (let index = 0; index < calls; index++) {
    const scheduled = start + index * everyMs;
    const wait = scheduled - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    running.push(call(index, scheduled));
  }
  await Promise.all(running);
  const elapsed = (performance.now() - start) / 1000;
  delays.sort((a, b) => a - b);
  console.log(
    `- ${delays.length.toLocaleString('en')} items in calls of ${perCall} every ${everyMs.toFixed(0)} ms (target ${rate}/s, achieved ${Math.round(delays.length / elapsed)}/s, ` +
      `at most ${mostInFlight} calls at once): entered → searchable p50 ${ms(percentile(delays, 50))}, p99 **${ms(percentile(delays, 99))}**, ` +
      `max ${ms(delays.at(-1) ?? Number.NaN)}; not found ${missing}`,
  );
}

/** 3. Full-text query latency over `rows` stored mentions. */
async function queryLatency(bench: Bench, texts: CorpusText[], rows: number): Promise<void> {
  const prepared = texts.map((entry) => ({ ...entry, search: searchText(entry.text) }));
  const sentiments = ['negative', 'neutral', 'positive'] as const;
  const repo = mentionsRepo(bench.db.kysely);
  const started = performance.now();
  const perStatement = 1_000;
  const perTransaction = 10_000;
  for (let offset = 0; offset < rows; offset += perTransaction) {
    await bench.db.kysely.transaction().execute(async (trx) => {
      const batchRepo = mentionsRepo(trx);
      for (let from = offset; from < Math.min(rows, offset + perTransaction); from += perStatement) {
        const batch: MentionInsert[] = [];
        for (let n = from; n < Math.min(rows, from + perStatement); n++) {
          const entry = prepared[n % prepared.length] as (typeof prepared)[number];
          // Mostly in arrival order, as live sources bring them; one in five backfilled up to 180 days earlier.
          const backfill = n % 5 === 0 ? ((n * 7_919) % 180) * 86_400_000 : 0;
          const at = new Date(Date.UTC(2025, 0, 1) + n * 30_000 - backfill).toISOString();
          batch.push({
            id: newId(),
            workspace_id: bench.workspaceId,
            source_id: bench.sourceId,
            network: n % 3 === 0 ? 'bluesky' : n % 3 === 1 ? 'mastodon' : 'rss',
            external_id: `bulk-${n}`,
            url: null,
            author_handle: `user${n % 20_000}`,
            author_name: null,
            author_followers: (n * 37) % 100_000,
            text: entry.text,
            search_text: entry.search,
            language: entry.language,
            sentiment: sentiments[n % 3],
            intents: '[]',
            analysis: null,
            has_link: entry.text.includes('http') ? 1 : 0,
            has_image: 0,
            has_mention: entry.text.includes('@') ? 1 : 0,
            has_hashtag: entry.text.includes('#') ? 1 : 0,
            likes: n % 50,
            reposts: n % 7,
            replies: n % 3,
            created_at: at,
            ingested_at: at,
            updated_at: at,
          });
        }
        await batchRepo.insertNew(batch);
      }
    });
    if ((offset / perTransaction) % 20 === 19) {
      process.stdout.write(`  … ${(offset + perTransaction).toLocaleString('en')} rows\n`);
    }
  }
  const buildMs = performance.now() - started;
  if (bench.db.dialect === 'postgres') {
    await sql`analyze mentions`.execute(bench.db.kysely);
  }
  const total = await repo.count(bench.workspaceId);
  console.log(`- table: ${total.toLocaleString('en')} mentions, bulk-inserted in ${(buildMs / 1000).toFixed(0)} s (${perSecond(rows, buildMs)}, no analysis)`);

  // Words by how many texts hold them, to pick common, mid and rare ones honestly.
  const frequency = new Map<string, number>();
  for (const entry of prepared) {
    for (const word of new Set(words(entry.text))) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const ranked = [...frequency.entries()].filter(([word]) => /^[a-z]{4,}$/.test(word)).sort((a, b) => b[1] - a[1]);
  const share = (word: string): string => `${((100 * (frequency.get(word) ?? 0)) / prepared.length).toFixed(2)} % of rows`;
  const pick = (rank: number): string => (ranked[Math.min(rank, ranked.length - 1)] as [string, number])[0];
  const common = [pick(5), pick(10), pick(20)];
  const mid = [pick(500), pick(800), pick(1_200)];
  const rare = [pick(8_000), pick(12_000), pick(16_000)];
  const cases: { name: string; searches: MentionSearch[] }[] = [
    { name: 'stream, newest 50, no search', searches: [{}] },
    { name: `common word (${common[0]}: ${share(common[0] as string)})`, searches: common.map((text) => ({ text })) },
    { name: `mid word (${mid[0]}: ${share(mid[0] as string)})`, searches: mid.map((text) => ({ text })) },
    { name: `rare word (${rare[0]}: ${share(rare[0] as string)})`, searches: rare.map((text) => ({ text })) },
    { name: 'two common words', searches: [{ text: `${common[0]} ${common[1]}` }, { text: `${common[1]} ${common[2]}` }] },
    { name: 'phrase query', searches: [{ query: '"i love"' }, { query: '"can\'t wait"' }] },
    { name: 'prefix query', searches: [{ query: 'sustainab*' }, { query: 'happ*' }] },
    { name: 'boolean query with NOT and a field', searches: [{ query: `(${common[0]} OR ${mid[0]}) AND NOT ${common[2]} AND lang:en` }] },
    { name: 'common word, last 30 days', searches: [{ text: common[1], since: new Date(Date.UTC(2025, 0, 1) + (rows - 86_400) * 30_000).toISOString() }] },
  ];
  const runs = 60;
  for (const { name, searches } of cases) {
    for (const search of searches) {
      await findMentionPage(bench.db.kysely, bench.workspaceId, search); // warm
    }
    const times: number[] = [];
    let found = 0;
    for (let run = 0; run < runs; run++) {
      const search = searches[run % searches.length] as MentionSearch;
      const begin = performance.now();
      found = (await findMentionPage(bench.db.kysely, bench.workspaceId, { ...search, limit: 50 })).items.length;
      times.push(performance.now() - begin);
    }
    times.sort((a, b) => a - b);
    console.log(`  - ${name}: p50 ${ms(percentile(times, 50))}, p95 **${ms(percentile(times, 95))}**, max ${ms(times.at(-1) ?? Number.NaN)} (page of ${found})`);
  }
}

async function main(): Promise<void> {
  const settings = options(process.argv.slice(2));
  const texts = corpus(settings.data);
  console.log(`# Hearth listening ingestion benchmark\n\nnode ${process.version}, one thread; ${texts.length.toLocaleString('en')} distinct real texts (TweetEval + UMSAB fr/es/de)`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load average at start ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (other work on the machine makes these floors)`);

  const loaded = await createAnalyzer();
  const timing = { analysisMs: 0 };
  const timed: Analyzer = {
    modelVersion: loaded.modelVersion,
    analyze(text, analyzeOptions) {
      const begin = performance.now();
      const result = loaded.analyze(text, analyzeOptions);
      timing.analysisMs += performance.now() - begin;
      return result;
    },
  };
  for (const entry of texts.slice(0, 2_000)) {
    loaded.analyze(entry.text);
  }
  const sample = texts.slice(0, 10_000);
  const begin = performance.now();
  for (const entry of sample) {
    loaded.analyze(entry.text);
  }
  console.log(`\nAnalyzer alone (reference): ${perSecond(sample.length, performance.now() - begin)}`);

  const dialects: ('sqlite' | 'postgres')[] = settings.sqliteOnly ? ['sqlite'] : ['sqlite', 'postgres'];
  for (const dialect of dialects) {
    console.log(`\n## ${dialect === 'sqlite' ? 'SQLite (better-sqlite3, WAL, synchronous=NORMAL)' : `PostgreSQL (${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')})`}\n`);
    let bench: Bench;
    try {
      bench = await open(dialect, () => Promise.resolve(timed));
    } catch (error) {
      console.log(`- skipped: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      console.log('### 1. Import throughput\n');
      await importThroughput(bench, texts, settings.items, timing);
      console.log('\n### 2. Entered → searchable\n');
      await searchableDelay(bench, texts, settings.rate, settings.seconds);
    } finally {
      await bench.drop();
    }
    const rows = dialect === 'sqlite' ? settings.ftsRows : settings.pgFtsRows;
    if (rows > 0) {
      console.log(`\n### 3. Query latency over ${rows.toLocaleString('en')} mentions\n`);
      const big = await open(dialect, () => Promise.resolve(timed));
      try {
        await queryLatency(big, texts, rows);
      } finally {
        await big.drop();
      }
    }
  }
}

await main();
console.log(`\nload average at the end: ${loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
