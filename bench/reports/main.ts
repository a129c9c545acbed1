/**
 * npm run bench:reports [-- --mentions N --conversations N]
 * Time to build each report template over a SQLite database of N mentions (default 1,000,000) and
 * N conversations (default 100,000) spread over one year, with saved queries and their matches, a
 * competitor, alerts, posts on two accounts and community people. Seeds with prepared statements
 * (the ingestion path is bench:ingest's), as bench:inbox does, then times for each template the
 * model (every figure for the period and the previous one) and the HTML (charts as SVG), for the
 * last 30 days and for the whole year; the PDF (headless Chromium) once. Figures only.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../src/core/clock.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { searchText } from '../../src/listening/query/index.js';
import { buildReportModel } from '../../src/reports/model/build-report.js';
import { htmlToPdf } from '../../src/reports/render/pdf.js';
import { renderHtml } from '../../src/reports/render/html.js';
import { REPORT_TEMPLATES } from '../../src/reports/reports.tables.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MENTIONS = argument('--mentions', 1_000_000);
const CONVERSATIONS = argument('--conversations', 100_000);
const END = Date.parse('2026-03-01T00:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
const START = END - YEAR_MS;
const WS = 'ws-bench';

const WORDS = ['lamp', 'delivery', 'refund', 'light', 'broken', 'thanks', 'question', 'price', 'shipping', 'colour', 'store', 'gift', 'love', 'bulb'];
const NETWORKS = ['bluesky', 'mastodon', 'rss', 'bluesky', 'bluesky'];
const SENTIMENTS = ['negative', 'neutral', 'positive', 'neutral', null];
const INTENTS = ['[]', '[]', '["complaint"]', '["question"]', '[]', '["praise"]', '["feature_request"]', '[]', '["complaint","question"]'];

function seed(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const now = new Date(END).toISOString();
  db.prepare(`insert into users (id, email, name, password_hash, locale, created_at, disabled_at) values ('owner', 'owner@bench.test', 'Owner', null, null, ?, null)`).run(now);
  db.prepare(
    `insert into workspaces (id, name, time_zone, languages, named_things, voice_profile, approval_policy, created_at, updated_at) values (?, 'Bench', 'Europe/Paris', '["fr","en"]', '{"brand":["Lumiere"]}', '{}', 'none', ?, ?)`,
  ).run(WS, now, now);
  db.prepare(`insert into memberships (workspace_id, user_id, role, created_at) values (?, 'owner', 'owner', ?)`).run(WS, now);
  db.prepare(`insert into listening_sources (id, workspace_id, kind, name, settings, created_at, updated_at) values ('src', ?, 'import', 'Bench', '{}', ?, ?)`).run(WS, now, now);
  const query = db.prepare(`insert into saved_queries (id, workspace_id, name, query, tag, created_at, updated_at, history_status) values (?, ?, ?, ?, ?, ?, ?, 'done')`);
  query.run('q-brand', WS, 'Brand', 'lumiere', 'brand', now, now);
  query.run('q-delivery', WS, 'Delivery', 'delivery OR shipping', 'topic', now, now);
  query.run('q-rival', WS, 'Rival', 'zorvalta', 'competitor', now, now);
  db.prepare(`insert into competitors (id, workspace_id, name, accounts, query_id, created_at, updated_at) values ('rival', ?, 'Zorvalta', '[]', 'q-rival', ?, ?)`).run(WS, now, now);
  const mention = db.prepare(
    `insert into mentions (id, workspace_id, source_id, network, external_id, url, author_handle, author_followers, text, search_text, language, sentiment, intents, likes, reposts, replies, created_at, ingested_at, updated_at)
     values (?, ?, 'src', ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const match = db.prepare(`insert into mention_matches (query_id, mention_id, workspace_id, mention_created_at, why, matched_at) values (?, ?, ?, ?, '{}', ?)`);
  const insertMentions = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const at = new Date(START + Math.floor((n / MENTIONS) * YEAR_MS)).toISOString();
      const text = `Lumiere ${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} ${n % 20 === 0 ? 'zorvalta' : ''}`;
      const id = `m${n}`;
      const followers = n % 11 === 0 ? null : (n * 7_919) % 50_000;
      const likes = n % 13 === 0 ? null : n % 40;
      mention.run(id, WS, NETWORKS[n % NETWORKS.length], `x${n}`, `https://social.example/${n}`, `user${n % 80_000}`, followers, text, searchText(text), SENTIMENTS[n % SENTIMENTS.length], INTENTS[n % INTENTS.length], likes, likes === null ? null : n % 5, likes === null ? null : n % 3, at, at, at);
      if (n % 3 !== 0) {
        match.run('q-brand', id, WS, at, at);
      }
      if (text.includes('delivery') || text.includes('shipping')) {
        match.run('q-delivery', id, WS, at, at);
      }
      if (n % 20 === 0) {
        match.run('q-rival', id, WS, at, at);
      }
    }
  });
  const conversation = db.prepare(
    `insert into conversations (id, workspace_id, account_id, network, thread_key, status, priority, priority_reasons, tags, spam, subject, author_handle, last_intents, first_inbound_at, last_inbound_at, first_response_at, awaiting_since, message_count, created_at, updated_at)
     values (?, ?, null, 'bluesky', ?, ?, ?, '[]', '[]', ?, ?, ?, '[]', ?, ?, ?, ?, 1, ?, ?)`,
  );
  const statuses = ['open', 'closed', 'closed', 'pending', 'closed', 'open', 'snoozed'];
  const insertConversations = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const inbound = START + Math.floor((n / CONVERSATIONS) * YEAR_MS);
      const status = statuses[n % statuses.length]!;
      const answered = n % 5 !== 0;
      const response = answered ? new Date(inbound + ((n * 37) % 600) * 60_000).toISOString() : null;
      const at = new Date(inbound).toISOString();
      const updated = status === 'closed' ? new Date(inbound + ((n * 53) % 3_000) * 60_000).toISOString() : at;
      conversation.run(`c${n}`, WS, `t${n}`, status, (n * 31) % 101, n % 50 === 0 ? 1 : 0, `Order ${n} ${WORDS[n % WORDS.length]}`, `user${n % 80_000}`, at, at, response, answered ? null : at, at, updated);
    }
  });
  for (const [id, network, followers] of [['a1', 'bluesky', 12_000], ['a2', 'mastodon', 3_000]] as const) {
    db.prepare(`insert into connected_accounts (id, workspace_id, network, external_id, handle, followers, credentials, health, created_at, updated_at) values (?, ?, ?, ?, ?, ?, '{}', 'ok', ?, ?)`).run(id, WS, network, id, `lumiere-${network}`, followers, now, now);
  }
  const post = db.prepare(`insert into posts (id, workspace_id, status, text, version, created_at, updated_at) values (?, ?, 'published', ?, 1, ?, ?)`);
  const target = db.prepare(
    `insert into post_targets (id, post_id, workspace_id, account_id, status, publish_at, version, attempts, outcome_pending, published_version, url, published_at, metrics, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 1, 1, 0, 1, ?, ?, ?, ?, ?)`,
  );
  const person = db.prepare(
    `insert into people (id, workspace_id, display_name, first_seen_at, last_seen_at, activity_count, engagement, engagement_level, reach, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'participating', ?, ?, ?)`,
  );
  const alert = db.prepare(
    `insert into alerts (id, workspace_id, rule_name, kind, fire_key, explanation, fired_at) values (?, ?, 'Big voices', 'high_reach', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let n = 0; n < 2_000; n++) {
      const at = START + Math.floor((n / 2_000) * YEAR_MS);
      post.run(`p${n}`, WS, `Post ${n} about ${WORDS[n % WORDS.length]}`, now, now);
      const status = n % 25 === 0 ? 'failed' : 'published';
      const published = status === 'published' ? new Date(at + (n % 9) * 60_000).toISOString() : null;
      const metrics = status === 'published' && n % 7 !== 0 ? JSON.stringify({ likes: n % 90, reposts: n % 12, replies: n % 8, quotes: n % 3 }) : null;
      target.run(`t${n}`, `p${n}`, WS, n % 2 === 0 ? 'a1' : 'a2', status, new Date(at).toISOString(), published ? `https://social.example/p/${n}` : null, published, metrics, now, now);
    }
    for (let n = 0; n < 20_000; n++) {
      const last = new Date(START + Math.floor(((n * 7_919) % 20_000) / 20_000 * YEAR_MS)).toISOString();
      person.run(`person${n}`, WS, `Person ${n}`, new Date(START).toISOString(), last, n % 40, (n * 13) % 1_000, (n * 17) % 5_000, now, now);
    }
    for (let n = 0; n < 500; n++) {
      const at = new Date(START + Math.floor((n / 500) * YEAR_MS)).toISOString();
      const explanation = JSON.stringify({ kind: 'high_reach', followers: 40_000, threshold: 10_000, mention: { id: `m${n}`, network: 'bluesky', author: `user${n}`, authorName: null, followers: 40_000, text: 'x', url: null, createdAt: at, sentiment: null } });
      alert.run(`alert${n}`, WS, `mention:m${n}`, explanation, at);
    }
  })();
  const began = performance.now();
  const batch = 10_000;
  for (let from = 0; from < MENTIONS; from += batch) {
    insertMentions(from, Math.min(MENTIONS, from + batch));
    if ((from / batch) % 10 === 0) {
      process.stderr.write(`\rseeding mentions ${from.toLocaleString('en')} / ${MENTIONS.toLocaleString('en')}`);
    }
  }
  for (let from = 0; from < CONVERSATIONS; from += batch) {
    insertConversations(from, Math.min(CONVERSATIONS, from + batch));
  }
  // Closed conversations were closed at their last change (conversations.closed_at, migration 0015).
  db.exec(`update conversations set closed_at = updated_at where status = 'closed'`);
  db.exec('analyze');
  process.stderr.write(`\rseeded ${MENTIONS.toLocaleString('en')} mentions and ${CONVERSATIONS.toLocaleString('en')} conversations in ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
  db.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-reports-'));
  const path = join(dir, 'hearth.db');
  try {
    const { db: migrated } = await openMigratedDatabase({ kind: 'sqlite', path });
    await migrated.close();
    seed(path);
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path });
    const deps = { db: db.kysely, clock: fixedClock(new Date(END)) };
    const periods = [
      { name: 'last 30 days', from: new Date(END - 30 * 86_400_000), to: new Date(END) },
      { name: 'whole year', from: new Date(START), to: new Date(END) },
    ];
    console.log(`\n# Reports over ${MENTIONS.toLocaleString('en')} mentions and ${CONVERSATIONS.toLocaleString('en')} conversations (SQLite, node ${process.version})\n`);
    console.log('| template | period | mentions in period | model (ms) | HTML (ms) | HTML size |');
    console.log('|---|---|---:|---:|---:|---:|');
    let sample = null;
    for (const period of periods) {
      for (const template of REPORT_TEMPLATES) {
        const started = performance.now();
        const model = await buildReportModel(deps, { workspaceId: WS, template, from: period.from, to: period.to });
        const built = performance.now();
        const html = renderHtml(model);
        const rendered = performance.now();
        const volume = model.methodology.networksSeen.reduce((sum, network) => sum + network.mentions, 0);
        console.log(
          `| ${template} | ${period.name} | ${volume.toLocaleString('en')} | ${(built - started).toFixed(0)} | ${(rendered - built).toFixed(0)} | ${(html.length / 1024).toFixed(0)} kB |`,
        );
        if (template === 'marketing' && period.name === 'last 30 days') {
          sample = html;
        }
      }
    }
    if (sample !== null) {
      const started = performance.now();
      const pdf = await htmlToPdf(sample);
      console.log(`\nPDF of the marketing report (last 30 days), Chromium launch included: ${(performance.now() - started).toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} kB`);
    }
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
