/**
 * npx tsx bench/community/scale.ts [-- --people N --activities M]
 * Scoring time on SQLite for a large community (default 100,000 people, 1,000,000 activities over
 * three years, a tenth of them aimed at another person, some with sentiment, spam, engagement):
 * scoreWorkspace (aggregation in SQL per person, month and type), then recomputeScores (the same plus
 * the batched writes of the cached scores). Seeds with prepared statements (the import path is
 * bench:community's).
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../src/core/clock.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { recomputeScores, scoreWorkspace } from '../../src/community/scores/score-people.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const PEOPLE = argument('--people', 100_000);
const ACTIVITIES = argument('--activities', 1_000_000);
const END = Date.parse('2026-03-01T00:00:00.000Z');
const SPAN = 3 * 365 * 24 * 3_600_000;
const TYPES = ['reply', 'like', 'repost', 'mention', 'quote', 'comment', 'follow'];

function seed(path: string, workspaceId: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const now = new Date(END).toISOString();
  db.prepare(
    `insert into workspaces (id, name, time_zone, languages, named_things, voice_profile, approval_policy, created_at, updated_at) values (?, 'Bench', 'UTC', '["en"]', '{}', '{}', 'none', ?, ?)`,
  ).run(workspaceId, now, now);
  const person = db.prepare(
    `insert into people (id, workspace_id, first_seen_at, last_seen_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const identity = db.prepare(
    `insert into person_identities (id, workspace_id, person_id, network, account_key, handle, followers, first_seen_at, last_seen_at, created_at) values (?, ?, ?, 'bluesky', ?, ?, ?, ?, ?, ?)`,
  );
  const activity = db.prepare(
    `insert into activities (id, workspace_id, person_id, identity_id, network, type, occurred_at, dedupe_key, target_identity_id, sentiment, spam, offensive, engagement_received, origin, created_at)
     values (?, ?, ?, ?, 'bluesky', ?, ?, ?, ?, ?, ?, 0, ?, 'import', ?)`,
  );
  db.transaction(() => {
    for (let p = 0; p < PEOPLE; p++) {
      person.run(`p${p}`, workspaceId, now, now, now, now);
      identity.run(
        `i${p}`,
        workspaceId,
        `p${p}`,
        `user${p}`,
        `user${p}`,
        (p * 7_919) % 50_000,
        now,
        now,
        now,
      );
    }
  })();
  const batch = 50_000;
  const insert = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      // A skewed community: a few very active people, a long tail.
      const p = Math.floor(PEOPLE * Math.pow((n * 0.618_034) % 1, 2.5));
      const at = new Date(END - ((n * 2_654_435_761) % SPAN)).toISOString();
      const target = n % 10 === 0 ? `i${(p * 31 + n) % PEOPLE}` : null;
      const sentiment = n % 5 === 0 ? 'positive' : n % 17 === 0 ? 'negative' : null;
      activity.run(
        `a${n}`,
        workspaceId,
        `p${p}`,
        `i${p}`,
        TYPES[n % TYPES.length],
        at,
        `bench:${n}`,
        target,
        sentiment,
        n % 997 === 0 ? 1 : 0,
        n % 3 === 0 ? n % 50 : null,
        now,
      );
    }
  });
  for (let from = 0; from < ACTIVITIES; from += batch) {
    insert(from, Math.min(ACTIVITIES, from + batch));
  }
  db.exec('analyze');
  db.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-scores-'));
  const path = join(dir, 'hearth.db');
  try {
    const { db: created } = await openMigratedDatabase({ kind: 'sqlite', path });
    await created.close();
    const workspaceId = 'ws-bench';
    const seeding = performance.now();
    seed(path, workspaceId);
    console.log(
      `seeded ${PEOPLE.toLocaleString('en')} people, ${ACTIVITIES.toLocaleString('en')} activities in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path });
    let began = performance.now();
    const scores = await scoreWorkspace(db.kysely, workspaceId, { asOf: new Date(END) });
    console.log(
      `scoreWorkspace: ${scores.size.toLocaleString('en')} people in ${((performance.now() - began) / 1000).toFixed(2)} s`,
    );
    began = performance.now();
    const { scored } = await recomputeScores(db.kysely, fixedClock(new Date(END)), workspaceId);
    console.log(
      `recomputeScores (scoring + writing): ${scored.toLocaleString('en')} people in ${((performance.now() - began) / 1000).toFixed(2)} s`,
    );
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
