/**
 * npm run bench:inbox [-- --conversations N]
 * Inbox list, filter and search latency over N conversations (default 1,000,000) on SQLite, through
 * the same service the API calls (listConversations): the first page by priority, a later page, the
 * newest first, one member's queue, the unassigned queue, and a search of what people wrote (the
 * mentions' full-text index) for a rare and a common word. Seeds with prepared statements (the
 * ingestion path is bench:ingest's), then runs each case 100 times. Goal: p95 ≤ 50 ms.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { listConversations, type ConversationFilter } from '../../src/inbox/conversations.service.js';
import { searchText } from '../../src/listening/query/index.js';
import type { WorkspaceAccess } from '../../src/workspaces/workspaces.service.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const TOTAL = argument('--conversations', 1_000_000);
const RUNS = 100;
const AGENTS = 20;

const WORDS = ['order', 'delivery', 'refund', 'lamp', 'broken', 'thanks', 'question', 'price', 'shipping', 'color', 'store', 'gift'];
const RARE = 'zephyrine';

function seed(path: string, workspaceId: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const now = new Date().toISOString();
  db.prepare(`insert into users (id, email, name, password_hash, locale, created_at, disabled_at) values (?, ?, ?, null, null, ?, null)`).run('owner', 'owner@bench.test', 'Owner', now);
  db.prepare(`insert into workspaces (id, name, time_zone, languages, named_things, voice_profile, approval_policy, created_at, updated_at) values (?, 'Bench', 'Europe/Paris', '["fr","en"]', '{}', '{}', 'none', ?, ?)`).run(workspaceId, now, now);
  db.prepare(`insert into memberships (workspace_id, user_id, role, created_at) values (?, 'owner', 'owner', ?)`).run(workspaceId, now);
  for (let a = 0; a < AGENTS; a++) {
    db.prepare(`insert into users (id, email, name, password_hash, locale, created_at, disabled_at) values (?, ?, ?, null, null, ?, null)`).run(`agent${a}`, `agent${a}@bench.test`, `Agent ${a}`, now);
    db.prepare(`insert into memberships (workspace_id, user_id, role, created_at) values (?, ?, 'agent', ?)`).run(workspaceId, `agent${a}`, now);
  }
  db.prepare(`insert into listening_sources (id, workspace_id, kind, name, settings, created_at, updated_at) values ('src', ?, 'import', 'Bench', '{}', ?, ?)`).run(workspaceId, now, now);
  const mention = db.prepare(
    `insert into mentions (id, workspace_id, source_id, network, external_id, text, search_text, language, sentiment, intents, created_at, ingested_at, updated_at)
     values (?, ?, 'src', 'bluesky', ?, ?, ?, 'en', ?, '[]', ?, ?, ?)`,
  );
  const conversation = db.prepare(
    `insert into conversations (id, workspace_id, account_id, network, thread_key, status, assignee_id, priority, priority_reasons, tags, spam, subject, author_handle, author_name, author_followers, last_sentiment, last_intents, first_inbound_at, last_inbound_at, awaiting_since, message_count, created_at, updated_at)
     values (?, ?, null, 'bluesky', ?, ?, ?, ?, '[]', '[]', ?, ?, ?, null, ?, ?, '[]', ?, ?, ?, 1, ?, ?)`,
  );
  const message = db.prepare(
    `insert into conversation_messages (id, conversation_id, workspace_id, kind, mention_id, text, status, external_id, attempts, created_at)
     values (?, ?, ?, 'inbound', ?, ?, 'received', ?, 0, ?)`,
  );
  const statuses = ['open', 'open', 'pending', 'closed', 'closed', 'closed', 'snoozed'];
  const start = Date.parse('2024-01-01T00:00:00Z');
  const insert = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const at = new Date(start + n * 60_000).toISOString();
      const words = [WORDS[n % WORDS.length], WORDS[(n * 7) % WORDS.length], WORDS[(n * 13) % WORDS.length]];
      if (n % 10_000 === 1) {
        words.push(RARE);
      }
      const text = `@brand ${words.join(' ')} #${n % 97}`;
      const id = `c${n}`;
      const externalId = `at://did:plc:u${n % 50_000}/app.bsky.feed.post/${n}`;
      mention.run(`m${n}`, workspaceId, externalId, text, searchText(text), ['negative', 'neutral', 'positive'][n % 3], at, at, at);
      const status = statuses[n % statuses.length]!;
      conversation.run(id, workspaceId, externalId, status, n % 3 === 0 ? null : `agent${n % AGENTS}`, (n * 31) % 101, n % 50 === 0 ? 1 : 0, text, `user${n % 50_000}.bsky.social`, (n * 7_919) % 100_000, ['negative', 'neutral', 'positive'][n % 3], at, at, status === 'open' ? at : null, at, at);
      message.run(`cm${n}`, id, workspaceId, `m${n}`, text, externalId, at);
    }
  });
  const batch = 10_000;
  const began = performance.now();
  for (let from = 0; from < TOTAL; from += batch) {
    insert(from, Math.min(TOTAL, from + batch));
    if ((from / batch) % 20 === 0) {
      process.stderr.write(`\rseeding ${from.toLocaleString('en')} / ${TOTAL.toLocaleString('en')}`);
    }
  }
  db.exec('analyze');
  process.stderr.write(`\rseeded ${TOTAL.toLocaleString('en')} conversations in ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
  db.close();
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-inbox-'));
  const path = join(dir, 'hearth.db');
  try {
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path });
    await db.close();
    const workspaceId = 'ws-bench';
    seed(path, workspaceId);
    const { db: opened } = await openMigratedDatabase({ kind: 'sqlite', path });
    const access: WorkspaceAccess = { workspaceId, userId: 'agent3', role: 'agent' };
    const first = await listConversations(opened.kysely, systemClock, access, { status: 'open', limit: 50 });
    const third = await listConversations(opened.kysely, systemClock, access, { status: 'open', limit: 50, cursor: first.nextCursor ?? undefined });
    const cases: [string, ConversationFilter][] = [
      ['open, by priority, first page', { status: 'open', limit: 50 }],
      ['open, by priority, a later page', { status: 'open', limit: 50, ...(third.nextCursor ? { cursor: third.nextCursor } : {}) }],
      ['everything, newest first', { sort: 'newest', limit: 50 }],
      ['assigned to me, open', { assignee: 'me', status: 'open', limit: 50 }],
      ['unassigned, open', { assignee: 'none', status: 'open', limit: 50 }],
      ['spam', { spam: true, limit: 50 }],
      [`search a rare word (${RARE})`, { search: RARE, limit: 50 }],
      ['search a common word (refund)', { search: 'refund', limit: 50 }],
      ['search two words, open', { search: 'delivery price', status: 'open', limit: 50 }],
    ];
    console.log(`\nInbox list over ${TOTAL.toLocaleString('en')} conversations (SQLite, ${RUNS} runs each; goal p95 ≤ 50 ms)`);
    for (const [name, filter] of cases) {
      const times: number[] = [];
      let count = 0;
      for (let run = 0; run < RUNS; run++) {
        const began = performance.now();
        count = (await listConversations(opened.kysely, systemClock, access, filter)).items.length;
        times.push(performance.now() - began);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(36)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (${count} rows)`);
    }
    await opened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
