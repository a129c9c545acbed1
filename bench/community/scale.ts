/**
 * npx tsx bench/community/scale.ts [--people N] [--activities M] [--postgres] [--db FILE | --schema NAME]
 *
 * Scoring time for a large community (default 100,000 people, 1,000,000 activities over three years,
 * a tenth of them aimed at another person, some with sentiment, spam, engagement): scoreWorkspace
 * (loadFacts, timed on its own first, then the scores with their explanations), then recomputeScores
 * (the same plus the batched writes of the cached scores). Prints a digest of the scores and of the
 * stored columns so that two implementations can be compared on the same data.
 *
 * SQLite by default, in a temporary file (or FILE: seeded once, kept and reused); --postgres runs on
 * the test PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) in a fresh
 * schema dropped afterwards (or NAME: seeded once, kept and reused). Seeds directly (prepared
 * statements on SQLite, unnest arrays on PostgreSQL): the import path is bench:community's.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { fixedClock } from '../../src/core/clock.js';
import type { Db } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { recomputeScores, scoreWorkspace } from '../../src/community/scores/score-people.js';
import { loadFacts } from '../../src/community/scores/scores.repo.js';

const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
};
const PEOPLE = Number(valueOf('--people') ?? 100_000);
const ACTIVITIES = Number(valueOf('--activities') ?? 1_000_000);
const POSTGRES = argv.includes('--postgres');
const KEPT_FILE = valueOf('--db');
const KEPT_SCHEMA = valueOf('--schema');
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const END = Date.parse('2026-03-01T00:00:00.000Z');
const SPAN = 3 * 365 * 24 * 3_600_000;
const TYPES = ['reply', 'like', 'repost', 'mention', 'quote', 'comment', 'follow'];
const WORKSPACE = 'ws-bench';
const NOW = new Date(END).toISOString();

type Row = (string | number | null)[];

/** Person p: [id, workspace, first seen, last seen, created, updated]; identity: [id, workspace, person, account key, handle, followers, first seen, last seen, created]. */
function personRows(p: number): { person: Row; identity: Row } {
  return {
    person: [`p${p}`, WORKSPACE, NOW, NOW, NOW, NOW],
    identity: [`i${p}`, WORKSPACE, `p${p}`, `user${p}`, `user${p}`, (p * 7_919) % 50_000, NOW, NOW, NOW],
  };
}

/** Activity n: [id, workspace, person, identity, type, occurred_at, dedupe_key, target, sentiment, spam, engagement_received, created_at]. */
function activityRow(n: number): Row {
  // A skewed community: a few very active people, a long tail.
  const p = Math.floor(PEOPLE * Math.pow((n * 0.618_034) % 1, 2.5));
  const at = new Date(END - ((n * 2_654_435_761) % SPAN)).toISOString();
  const target = n % 10 === 0 ? `i${(p * 31 + n) % PEOPLE}` : null;
  const sentiment = n % 5 === 0 ? 'positive' : n % 17 === 0 ? 'negative' : null;
  return [
    `a${n}`,
    WORKSPACE,
    `p${p}`,
    `i${p}`,
    TYPES[n % TYPES.length] ?? 'like',
    at,
    `bench:${n}`,
    target,
    sentiment,
    n % 997 === 0 ? 1 : 0,
    n % 3 === 0 ? n % 50 : null,
    NOW,
  ];
}

const INSERT_WORKSPACE = `insert into workspaces (id, name, time_zone, languages, named_things, voice_profile, approval_policy, created_at, updated_at) values (?, 'Bench', 'UTC', '["en"]', '{}', '{}', 'none', ?, ?)`;
const PERSON_COLUMNS = 'id, workspace_id, first_seen_at, last_seen_at, created_at, updated_at';
const IDENTITY_COLUMNS =
  'id, workspace_id, person_id, account_key, handle, followers, first_seen_at, last_seen_at, created_at';
const ACTIVITY_COLUMNS =
  'id, workspace_id, person_id, identity_id, type, occurred_at, dedupe_key, target_identity_id, sentiment, spam, engagement_received, created_at';

function seedSqlite(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.prepare(INSERT_WORKSPACE).run(WORKSPACE, NOW, NOW);
  const person = db.prepare(`insert into people (${PERSON_COLUMNS}) values (?, ?, ?, ?, ?, ?)`);
  const identity = db.prepare(
    `insert into person_identities (${IDENTITY_COLUMNS}, network) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bluesky')`,
  );
  const activity = db.prepare(
    `insert into activities (${ACTIVITY_COLUMNS}, network, offensive, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bluesky', 0, 'import')`,
  );
  db.transaction(() => {
    for (let p = 0; p < PEOPLE; p++) {
      const rows = personRows(p);
      person.run(...rows.person);
      identity.run(...rows.identity);
    }
  })();
  const batch = 50_000;
  const insert = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      activity.run(...activityRow(n));
    }
  });
  for (let from = 0; from < ACTIVITIES; from += batch) {
    insert(from, Math.min(ACTIVITIES, from + batch));
  }
  db.exec('analyze');
  db.close();
}

async function seedPostgres(db: Kysely<Database>): Promise<void> {
  const run = async (text: string, parameters: unknown[]): Promise<void> => {
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  };
  let placeholder = 0;
  await run(INSERT_WORKSPACE.replace(/\?/g, () => `$${++placeholder}`), [WORKSPACE, NOW, NOW]);
  /** `insert into table (columns, constants) select u0, …, constants from unnest($1::type[], …)`: one statement per chunk. */
  const unnestInsert = async (
    table: string,
    columns: string,
    types: string[],
    constants: Record<string, string>,
    rows: Row[],
  ): Promise<void> => {
    const arrays = types.map((_, column) => rows.map((row) => row[column] ?? null));
    const names = [...columns.split(', '), ...Object.keys(constants)].join(', ');
    const aliases = types.map((_, column) => `u${column}`);
    const values = [...aliases, ...Object.values(constants)].join(', ');
    const unnest = types.map((type, column) => `$${column + 1}::${type}[]`).join(', ');
    await run(`insert into ${table} (${names}) select ${values} from unnest(${unnest}) as u(${aliases.join(', ')})`, arrays);
  };
  const chunk = 50_000;
  for (let from = 0; from < PEOPLE; from += chunk) {
    const people: Row[] = [];
    const identities: Row[] = [];
    for (let p = from; p < Math.min(PEOPLE, from + chunk); p++) {
      const rows = personRows(p);
      people.push(rows.person);
      identities.push(rows.identity);
    }
    await unnestInsert('people', PERSON_COLUMNS, ['text', 'text', 'text', 'text', 'text', 'text'], {}, people);
    await unnestInsert(
      'person_identities',
      IDENTITY_COLUMNS,
      ['text', 'text', 'text', 'text', 'text', 'integer', 'text', 'text', 'text'],
      { network: `'bluesky'` },
      identities,
    );
  }
  for (let from = 0; from < ACTIVITIES; from += chunk) {
    const rows: Row[] = [];
    for (let n = from; n < Math.min(ACTIVITIES, from + chunk); n++) {
      rows.push(activityRow(n));
    }
    await unnestInsert(
      'activities',
      ACTIVITY_COLUMNS,
      ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'text'],
      { network: `'bluesky'`, offensive: '0', origin: `'import'` },
      rows,
    );
  }
  await sql`analyze`.execute(db);
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);
/** This process's CPU time (user + system) since `since`, in seconds: the figure that load on the machine disturbs least. */
const cpuSeconds = (since: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1e6).toFixed(2);
};

async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').where('id', '=', WORKSPACE).executeTakeFirst();
  return row !== undefined;
}

async function open(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (POSTGRES) {
    const schema = KEPT_SCHEMA ?? `hearth_bench_scores_${randomBytes(4).toString('hex')}`;
    const { db } = await openMigratedDatabase({ kind: 'postgres', url: POSTGRES_URL }, { schema, poolSize: 4 });
    const cleanup = async (): Promise<void> => {
      if (KEPT_SCHEMA === undefined) {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
      }
      await db.close();
    };
    if (!(await isSeeded(db.kysely))) {
      const seeding = performance.now();
      await seedPostgres(db.kysely);
      console.log(`seeded PostgreSQL schema ${schema} in ${seconds(seeding)} s`);
    }
    return { db, cleanup };
  }
  const dir = KEPT_FILE === undefined ? mkdtempSync(join(tmpdir(), 'hearth-bench-scores-')) : undefined;
  const path = KEPT_FILE ?? join(dir ?? '', 'hearth.db');
  const fresh = !existsSync(path);
  const { db: created } = await openMigratedDatabase({ kind: 'sqlite', path });
  const seeded = !fresh && (await isSeeded(created.kysely));
  await created.close();
  if (!seeded) {
    const seeding = performance.now();
    seedSqlite(path);
    console.log(`seeded SQLite ${path} in ${seconds(seeding)} s`);
  }
  const { db } = await openMigratedDatabase({ kind: 'sqlite', path });
  return {
    db,
    cleanup: async () => {
      await db.close();
      if (dir !== undefined) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function main(): Promise<void> {
  const { db, cleanup } = await open();
  try {
    console.log(
      `${db.dialect}: ${PEOPLE.toLocaleString('en')} people, ${ACTIVITIES.toLocaleString('en')} activities`,
    );
    const asOf = new Date(END);
    let began = performance.now();
    let cpu = process.cpuUsage();
    const facts = await loadFacts(db.kysely, WORKSPACE, asOf);
    console.log(`loadFacts: ${facts.size.toLocaleString('en')} people in ${seconds(began)} s (CPU ${cpuSeconds(cpu)} s)`);
    began = performance.now();
    cpu = process.cpuUsage();
    const scores = await scoreWorkspace(db.kysely, WORKSPACE, { asOf });
    console.log(
      `scoreWorkspace: ${scores.size.toLocaleString('en')} people in ${seconds(began)} s (CPU ${cpuSeconds(cpu)} s)`,
    );
    const digest = createHash('sha256');
    for (const id of [...scores.keys()].sort()) {
      digest.update(`${id}\n${JSON.stringify(scores.get(id))}\n`);
    }
    console.log(`  scores digest ${digest.digest('hex').slice(0, 16)}`);
    began = performance.now();
    cpu = process.cpuUsage();
    const { scored } = await recomputeScores(db.kysely, fixedClock(asOf), WORKSPACE);
    console.log(
      `recomputeScores (scoring + writing): ${scored.toLocaleString('en')} people in ${seconds(began)} s (CPU ${cpuSeconds(cpu)} s)`,
    );
    const stored = await db.kysely
      .selectFrom('people')
      .select(['id', 'engagement', 'engagement_level', 'reach', 'ambassador', 'influencer', 'scores', 'scored_at'])
      .where('workspace_id', '=', WORKSPACE)
      .orderBy('id')
      .execute();
    const storedDigest = createHash('sha256');
    for (const row of stored.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      storedDigest.update(`${JSON.stringify(row)}\n`);
    }
    console.log(`  stored digest ${storedDigest.digest('hex').slice(0, 16)}`);
  } finally {
    await cleanup();
  }
}

await main();
