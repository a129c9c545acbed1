/**
 * npx tsx bench/trends.ts [--rows N] [--days N] [--runs N] [--sqlite-only] [--data DIR]
 *
 * Trends and competitor watch over a large history, on SQLite (a temp file) and PostgreSQL
 * (TEST_DATABASE_URL, a fresh schema). Real texts (../shared/datasets: TweetEval + UMSAB French,
 * Spanish, German) are bulk-inserted as mentions spread evenly over --days days ending "now"
 * (analysis skipped), with the saved-query matches ingestion would have stored (a brand query and
 * a competitor query), and a hashtag that rises in the last 24 hours. Then, each --runs times:
 * trends over every mention, trends over the brand query's matches, share of voice by each
 * weight (one competitor by saved query, one by query text evaluated on demand) and one
 * competitor report. Figures only: nothing here asserts. One Node thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { readTweetEval, readUmsab } from '../src/analysis/datasets/datasets.js';
import { packageRoot } from '../src/cli/package-root.js';
import { fixedClock } from '../src/core/clock.js';
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/database.js';
import { openMigratedDatabase } from '../src/db/open.js';
import { competitorReport } from '../src/listening/insights/competitor-report.service.js';
import { addCompetitor } from '../src/listening/insights/competitors.service.js';
import { shareOfVoice, SOV_WEIGHTS } from '../src/listening/insights/share-of-voice.service.js';
import { trendsFor } from '../src/listening/insights/trends.service.js';
import { matchesOf } from '../src/listening/matching.js';
import { mentionsRepo, type MentionInsert } from '../src/listening/mentions.repo.js';
import { queriesRepo } from '../src/listening/queries.repo.js';
import { saveQuery } from '../src/listening/queries.service.js';
import { compileQuery } from '../src/listening/query/index.js';
import { searchText } from '../src/listening/query/text-tokens.js';
import { importSourceNamed } from '../src/listening/sources.service.js';
import { insertWorkspaceWithOwner, type WorkspaceAccess } from '../src/workspaces/workspaces.service.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const settings = {
  rows: Number(flag('--rows') ?? 1_000_000),
  days: Number(flag('--days') ?? 90),
  runs: Number(flag('--runs') ?? 5),
  sqliteOnly: argv.includes('--sqlite-only'),
  data: flag('--data') ?? join(packageRoot(), '..', 'shared', 'datasets'),
};

function corpus(dir: string): { text: string; language: string }[] {
  const texts = readTweetEval(dir, 'sentiment', 'train').texts.map((text) => ({ text, language: 'en' }));
  for (const language of ['fr', 'es', 'de']) {
    texts.push(...readUmsab(dir, language, 'train').texts.map((text) => ({ text, language })));
  }
  return texts.filter((entry) => entry.text.trim() !== '');
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function timed(label: string, runs: number, body: () => Promise<string>): Promise<void> {
  const times: number[] = [];
  let note = '';
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    note = await body();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label}: p50 ${percentile(times, 50).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms (${runs} runs) — ${note}`,
  );
}

async function open(dialect: 'sqlite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-trends-'));
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path: join(dir, 'bench.db') });
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `hearth_bench_${randomBytes(4).toString('hex')}`;
  const { db } = await openMigratedDatabase(
    { kind: 'postgres', url: POSTGRES_URL },
    { schema, poolSize: 10 },
  );
  return {
    db,
    drop: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
      await db.close();
    },
  };
}

async function run(
  dialect: 'sqlite' | 'postgres',
  texts: { text: string; language: string }[],
): Promise<void> {
  const { db, drop } = await open(dialect);
  const clock = fixedClock(NOW);
  try {
    const userId = newId();
    await db.kysely
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@bench.test`,
        name: 'Bench',
        password_hash: null,
        locale: null,
        created_at: NOW.toISOString(),
        disabled_at: null,
      })
      .execute();
    const workspace = await insertWorkspaceWithOwner(db.kysely, clock, {
      ownerUserId: userId,
      settings: {
        name: 'Bench',
        timeZone: 'Europe/Paris',
        languages: ['en', 'fr'],
        namedThings: { brand: ['Apple'], products: [], competitors: ['Samsung'] },
      },
    });
    const access: WorkspaceAccess = { workspaceId: workspace.id, userId, role: 'owner' };
    await saveQuery(db.kysely, clock, access, { name: 'Brand', query: 'apple OR iphone', tag: 'brand' });
    await saveQuery(db.kysely, clock, access, {
      name: 'Samsung',
      query: 'samsung OR galaxy',
      tag: 'competitor',
    });
    const saved = (await queriesRepo(db.kysely).list(workspace.id)).map((row) => ({
      id: row.id,
      query: compileQuery(row.query),
    }));
    const source = await importSourceNamed(db.kysely, clock, workspace.id, 'Bench');
    const prepared = texts.map((entry) => ({ ...entry, search: searchText(entry.text) }));
    const span = settings.days * DAY;
    const started = performance.now();
    let matches = 0;
    for (let offset = 0; offset < settings.rows; offset += 10_000) {
      await db.kysely.transaction().execute(async (trx) => {
        for (let from = offset; from < Math.min(settings.rows, offset + 10_000); from += 1_000) {
          const batch: MentionInsert[] = [];
          for (let n = from; n < Math.min(settings.rows, from + 1_000); n++) {
            const entry = prepared[n % prepared.length] as (typeof prepared)[number];
            const at = new Date(
              NOW.getTime() - span + Math.floor(((n + 0.5) * span) / settings.rows),
            ).toISOString();
            // A hashtag that takes off in the last day: one recent post in ten carries it.
            const rising = NOW.getTime() - Date.parse(at) < DAY && n % 10 === 0;
            const text = rising ? `${entry.text} #LaunchDay` : entry.text;
            batch.push({
              id: newId(),
              workspace_id: workspace.id,
              source_id: source.id,
              network: n % 3 === 0 ? 'bluesky' : 'mastodon',
              external_id: `bulk-${n}`,
              url: null,
              author_handle: `user${n % 20_000}`,
              author_name: null,
              author_followers: (n * 37) % 100_000,
              text,
              search_text: rising ? `${entry.search} launchday` : entry.search,
              language: entry.language,
              sentiment: null,
              intents: '[]',
              analysis: null,
              has_link: 0,
              has_image: 0,
              has_mention: 0,
              has_hashtag: rising ? 1 : 0,
              likes: n % 50,
              reposts: n % 7,
              replies: n % 3,
              created_at: at,
              ingested_at: at,
              updated_at: at,
            });
          }
          await mentionsRepo(trx).insertNew(batch);
          const found = matchesOf(saved, batch, NOW.toISOString());
          matches += found.length;
          await queriesRepo(trx).insertMatches(found);
        }
      });
    }
    if (dialect === 'postgres') {
      await sql`analyze`.execute(db.kysely);
    }
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(
      `\n${dialect}: ${settings.rows.toLocaleString('en')} mentions over ${settings.days} days ` +
        `(${Math.round(settings.rows / settings.days).toLocaleString('en')}/day), ${matches.toLocaleString('en')} query matches, built in ${buildSeconds.toFixed(0)} s`,
    );
    const samsungQuery = saved[1]?.id ?? null;
    await addCompetitor(db.kysely, clock, access, {
      name: 'Samsung',
      accounts: [{ network: 'bluesky', handle: 'user42' }],
      queryId: samsungQuery,
    });
    const google = await addCompetitor(db.kysely, clock, access, {
      name: 'Google',
      accounts: [{ network: 'bluesky', handle: 'user3' }],
      query: 'google OR pixel',
    });

    await timed('trends, all mentions (24 h vs 168 h)', settings.runs, async () => {
      const report = await trendsFor(db.kysely, clock, access, {});
      return `${report.recent.mentions} + ${report.baseline.mentions} mentions read 1 in ${report.recent.sampledOneIn} / 1 in ${report.baseline.sampledOneIn}; top: ${report.terms
        .slice(0, 3)
        .map((term) => `${term.term} ${term.score}`)
        .join(', ')}`;
    });
    await timed('trends, brand query only', settings.runs, async () => {
      const report = await trendsFor(db.kysely, clock, access, { query: 'Brand' });
      return `${report.recent.mentions} + ${report.baseline.mentions} mentions; top: ${report.terms[0]?.term ?? '—'}`;
    });
    for (const weight of SOV_WEIGHTS) {
      await timed(`share of voice by ${weight} (28 days)`, settings.runs, async () => {
        const sov = await shareOfVoice(db.kysely, clock, access, { weight });
        return sov.entities
          .map(
            (entity) => `${entity.name} ${(entity.share * 100).toFixed(1)} % (${entity.mentions} mentions)`,
          )
          .join(', ');
      });
    }
    await timed('competitor report (28 days)', settings.runs, async () => {
      const report = await competitorReport(db.kysely, clock, access, google.id, {});
      return `${report.posts} posts, ${report.engagement.perPost} engagement per post`;
    });
  } finally {
    await drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `bench/trends.ts — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const texts = corpus(settings.data);
  await run('sqlite', texts);
  if (!settings.sqliteOnly) {
    await run('postgres', texts);
  }
}

await main();
