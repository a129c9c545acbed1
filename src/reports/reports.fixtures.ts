/**
 * A small hand-made dataset for the KPI, report and route tests: one week (Monday 2 March 2026 to
 * Monday 9 March, UTC workspace, default business hours 09:00–18:00 Monday–Friday, 60-minute first
 * response target), with the figures worked out by hand in reports.kpis.test.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { KpiRange } from './kpis/kpi.js';
import '../listening/alerts/alerts.tables.js';
import '../listening/insights/insights.tables.js';
import '../community/community.tables.js';
import './follower-history.tables.js';

export const WEEK: KpiRange = { from: new Date('2026-03-02T00:00:00.000Z'), to: new Date('2026-03-09T00:00:00.000Z') };
export const PREVIOUS_WEEK: KpiRange = { from: new Date('2026-02-23T00:00:00.000Z'), to: WEEK.from };

/** A mention whose text tries to run a script: every rendering must show it as text. */
export const HOSTILE_TEXT = 'Still broken <script>alert("x")</script> & "quoted" =cmd|calc';

interface MentionSpec {
  id: string;
  network: string;
  author: string | null;
  followers: number | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  likes: number | null;
  reposts?: number;
  replies?: number;
  intents: string[];
  at: string;
  queries: string[];
  text?: string;
}

const MENTIONS: MentionSpec[] = [
  { id: 'm1', network: 'bluesky', author: 'alice.test', followers: 1000, sentiment: 'positive', likes: 10, reposts: 5, replies: 5, intents: ['praise'], at: '2026-03-02T10:00:00.000Z', queries: ['q-brand'], text: 'Love the new lamp from Lumière' },
  { id: 'm2', network: 'bluesky', author: 'bob.test', followers: 500, sentiment: 'negative', likes: 5, intents: ['complaint'], at: '2026-03-03T11:00:00.000Z', queries: ['q-brand', 'q-delivery'], text: 'Lumière delivery late again' },
  { id: 'm3', network: 'mastodon', author: 'carol', followers: null, sentiment: 'negative', likes: null, intents: ['complaint', 'question'], at: '2026-03-04T12:00:00.000Z', queries: [], text: HOSTILE_TEXT },
  { id: 'm4', network: 'rss', author: null, followers: null, sentiment: 'neutral', likes: null, intents: [], at: '2026-03-05T08:00:00.000Z', queries: ['q-brand'], text: 'Lumière opens a shop' },
  { id: 'm5', network: 'mastodon', author: 'dave', followers: 2000, sentiment: null, likes: 1, intents: ['question'], at: '2026-03-06T09:00:00.000Z', queries: ['q-delivery'], text: 'When do deliveries resume?' },
  { id: 'm6', network: 'bluesky', author: 'eve.test', followers: 100, sentiment: 'neutral', likes: 2, intents: [], at: '2026-03-08T23:59:59.999Z', queries: ['q-rival'], text: 'Zorvalta has a sale' },
  // At the range's end: outside [from, to).
  { id: 'm7', network: 'bluesky', author: 'frank.test', followers: 10, sentiment: 'positive', likes: 0, intents: [], at: '2026-03-09T00:00:00.000Z', queries: ['q-brand'] },
  // The previous week.
  { id: 'm8', network: 'bluesky', author: 'gina.test', followers: 300, sentiment: 'negative', likes: 3, intents: ['complaint'], at: '2026-02-25T10:00:00.000Z', queries: ['q-brand'] },
];

interface ConversationSpec {
  id: string;
  inbound: string;
  response: string | null;
  status: 'open' | 'closed';
  updated: string;
  /** When it was closed; a later change (a note, a tag) may move `updated` past it. */
  closed?: string;
  awaiting: string | null;
  priority: number;
  spam?: number;
}

const CONVERSATIONS: ConversationSpec[] = [
  // Closed at 10:00, tagged at 15:00: the close, not the last change, ends the resolution.
  { id: 'c1', inbound: '2026-03-02T09:00:00.000Z', response: '2026-03-02T09:30:00.000Z', status: 'closed', updated: '2026-03-02T15:00:00.000Z', closed: '2026-03-02T10:00:00.000Z', awaiting: null, priority: 10 },
  { id: 'c2', inbound: '2026-03-02T17:30:00.000Z', response: '2026-03-03T09:30:00.000Z', status: 'closed', updated: '2026-03-03T12:00:00.000Z', closed: '2026-03-03T12:00:00.000Z', awaiting: null, priority: 10 },
  // Closed the week before, changed (a note) during the week: not a close of the week.
  { id: 'c7', inbound: '2026-02-26T09:00:00.000Z', response: '2026-02-26T09:10:00.000Z', status: 'closed', updated: '2026-03-04T09:00:00.000Z', closed: '2026-02-26T11:00:00.000Z', awaiting: null, priority: 5 },
  { id: 'c3', inbound: '2026-03-06T16:00:00.000Z', response: '2026-03-09T10:00:00.000Z', status: 'open', updated: '2026-03-09T10:00:00.000Z', awaiting: null, priority: 30 },
  { id: 'c4', inbound: '2026-03-04T10:00:00.000Z', response: null, status: 'open', updated: '2026-03-04T10:00:00.000Z', awaiting: '2026-03-04T10:00:00.000Z', priority: 80 },
  { id: 'c5', inbound: '2026-03-08T12:00:00.000Z', response: null, status: 'open', updated: '2026-03-08T12:00:00.000Z', awaiting: '2026-03-08T12:00:00.000Z', priority: 20 },
  { id: 'c6', inbound: '2026-03-03T12:00:00.000Z', response: null, status: 'open', updated: '2026-03-03T12:00:00.000Z', awaiting: '2026-03-03T12:00:00.000Z', priority: 0, spam: 1 },
];

/** Seeds the dataset into a new workspace; returns its id. `suffix` keeps several workspaces apart in one database. */
export async function seedReportFixture(db: Kysely<Database>, suffix: string): Promise<string> {
  const ws = `ws-${suffix}`;
  const now = '2026-03-01T00:00:00.000Z';
  await db
    .insertInto('workspaces')
    .values({
      id: ws,
      name: `Lumière ${suffix}`,
      time_zone: 'UTC',
      languages: '["en"]',
      named_things: JSON.stringify({ brand: ['Lumière'], products: [], competitors: ['Zorvalta'] }),
      voice_profile: '{}',
      approval_policy: 'none',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const queries = [
    { id: 'q-brand', name: 'Brand', query: 'lumiere', tag: 'brand' as const },
    { id: 'q-delivery', name: 'Delivery', query: 'deliver*', tag: 'topic' as const },
    { id: 'q-rival', name: 'Rival', query: 'zorvalta', tag: 'competitor' as const },
  ];
  await db
    .insertInto('saved_queries')
    .values(queries.map((query) => ({ ...query, id: `${query.id}-${suffix}`, workspace_id: ws, created_by: null, created_at: now, updated_at: '2026-02-20T08:00:00.000Z' })))
    .execute();
  await db
    .insertInto('competitors')
    .values({ id: `rival-${suffix}`, workspace_id: ws, name: 'Zorvalta', accounts: '[]', query_id: `q-rival-${suffix}`, query_text: null, created_by: null, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('listening_sources')
    .values({ id: `src-${suffix}`, workspace_id: ws, kind: 'import', name: 'Archive', url: null, settings: '{}', secret: null, etag: null, last_modified: null, cursor: null, poll_interval_seconds: null, next_poll_at: null, last_polled_at: null, last_success_at: null, last_error: null, error_count: 0, items_stored: MENTIONS.length, last_item_at: null, created_by: null, created_at: now, updated_at: now, removed_at: null })
    .execute();
  for (const mention of MENTIONS) {
    const text = mention.text ?? `mention ${mention.id}`;
    await db
      .insertInto('mentions')
      .values({
        id: `${mention.id}-${suffix}`,
        workspace_id: ws,
        source_id: `src-${suffix}`,
        network: mention.network,
        external_id: `${mention.id}-${suffix}`,
        url: `https://social.example/${mention.id}`,
        author_handle: mention.author,
        author_name: null,
        author_followers: mention.followers,
        text,
        search_text: text.toLowerCase(),
        language: 'en',
        sentiment: mention.sentiment,
        intents: JSON.stringify(mention.intents),
        analysis: null,
        has_link: 0,
        has_image: 0,
        has_mention: 0,
        has_hashtag: 0,
        likes: mention.likes,
        reposts: mention.likes === null ? null : (mention.reposts ?? 0),
        replies: mention.likes === null ? null : (mention.replies ?? 0),
        created_at: mention.at,
        ingested_at: mention.at,
        updated_at: mention.at,
        originality_at: null,
      })
      .execute();
    for (const query of mention.queries) {
      await db
        .insertInto('mention_matches')
        .values({ query_id: `${query}-${suffix}`, mention_id: `${mention.id}-${suffix}`, workspace_id: ws, mention_created_at: mention.at, why: '{}', matched_at: mention.at })
        .execute();
    }
  }
  await db
    .insertInto('alerts')
    .values({
      id: `alert-${suffix}`,
      workspace_id: ws,
      rule_id: null,
      rule_name: 'Big voices',
      kind: 'high_reach',
      fire_key: `mention:m5-${suffix}`,
      window_start: null,
      window_end: null,
      mention_id: `m5-${suffix}`,
      explanation: JSON.stringify({
        kind: 'high_reach',
        followers: 2000,
        threshold: 1000,
        mention: { id: `m5-${suffix}`, network: 'mastodon', author: 'dave', authorName: null, followers: 2000, text: 'When do deliveries resume?', url: null, createdAt: '2026-03-06T09:00:00.000Z', sentiment: null },
      }),
      fired_at: '2026-03-06T09:05:00.000Z',
      read_at: null,
    })
    .execute();
  for (const conversation of CONVERSATIONS) {
    await db
      .insertInto('conversations')
      .values({
        id: `${conversation.id}-${suffix}`,
        workspace_id: ws,
        account_id: null,
        network: 'bluesky',
        thread_key: `${conversation.id}-${suffix}`,
        status: conversation.status,
        snoozed_until: null,
        assignee_id: null,
        priority: conversation.priority,
        priority_reasons: '[]',
        tags: '[]',
        spam: conversation.spam ?? 0,
        subject: `Subject of ${conversation.id}`,
        author_handle: `${conversation.id}.test`,
        author_name: null,
        author_followers: null,
        last_sentiment: null,
        last_intents: '[]',
        first_inbound_at: conversation.inbound,
        last_inbound_at: conversation.inbound,
        last_outbound_at: conversation.response,
        first_response_at: conversation.response,
        awaiting_since: conversation.awaiting,
        message_count: conversation.response === null ? 1 : 2,
        created_at: conversation.inbound,
        updated_at: conversation.updated,
        closed_at: conversation.closed ?? null,
      })
      .execute();
  }
  for (const account of [
    { id: 'a1', network: 'bluesky' as const, handle: 'lumiere.test', followers: 1000 },
    { id: 'a2', network: 'mastodon' as const, handle: 'lumiere', followers: 200 },
  ]) {
    await db
      .insertInto('connected_accounts')
      .values({ id: `${account.id}-${suffix}`, workspace_id: ws, network: account.network, external_id: `${account.id}-${suffix}`, handle: account.handle, display_name: null, url: null, followers: account.followers, credentials: '{}', voice_override: null, health: 'ok', health_message: null, checked_at: null, created_by: null, created_at: now, updated_at: now, removed_at: null })
      .execute();
  }
  // Follower history: @lumiere.test since 27 February; @lumiere (mastodon) only from 3 March.
  for (const [account, day, followers] of [
    ['a1', '2026-02-27', 900],
    ['a1', '2026-03-01', 950],
    ['a1', '2026-03-05', 980],
    ['a1', '2026-03-08', 1000],
    ['a1', '2026-03-09', 1010],
    ['a2', '2026-03-03', 190],
    ['a2', '2026-03-08', 200],
  ] as const) {
    await db
      .insertInto('account_follower_counts')
      .values({ account_id: `${account}-${suffix}`, day, followers, recorded_at: `${day}T07:00:00.000Z` })
      .execute();
  }
  for (const post of [
    { id: 'p1', text: 'Our spring lamps are here' },
    { id: 'p2', text: 'Shop opening on Friday' },
  ]) {
    await db
      .insertInto('posts')
      .values({ id: `${post.id}-${suffix}`, workspace_id: ws, author_id: null, status: 'published', text: post.text, language: 'en', partnership: 0, publish_at: null, version: 1, check_verdict: null, check_score: null, check_findings: null, override_reason: null, override_by: null, review_comment: null, reviewed_by: null, reviewed_at: null, created_at: now, updated_at: now })
      .execute();
  }
  const targets = [
    { id: 't1', post: 'p1', account: 'a1', status: 'published' as const, at: '2026-03-03T10:00:00.000Z', published: '2026-03-03T10:02:00.000Z', metrics: { likes: 30, reposts: 10, replies: 5, quotes: 5 } },
    { id: 't2', post: 'p1', account: 'a2', status: 'published' as const, at: '2026-03-03T10:00:00.000Z', published: '2026-03-03T10:20:00.000Z', metrics: { likes: 4, reposts: 0, replies: 0, quotes: 0 } },
    { id: 't3', post: 'p2', account: 'a1', status: 'failed' as const, at: '2026-03-05T08:00:00.000Z', published: null, metrics: null },
    { id: 't4', post: 'p2', account: 'a2', status: 'published' as const, at: '2026-03-06T08:00:00.000Z', published: '2026-03-06T08:01:00.000Z', metrics: null },
  ];
  for (const target of targets) {
    await db
      .insertInto('post_targets')
      .values({ id: `${target.id}-${suffix}`, post_id: `${target.post}-${suffix}`, workspace_id: ws, account_id: `${target.account}-${suffix}`, text_override: null, status: target.status, publish_at: target.at, version: 1, attempts: 1, first_attempt_at: target.at, outcome_pending: 0, lease_until: null, next_attempt_at: null, published_version: target.published ? 1 : null, published_text: null, external_id: null, url: target.published ? `https://social.example/post/${target.id}` : null, ref: null, published_at: target.published, last_error: null, metrics: target.metrics ? JSON.stringify(target.metrics) : null, metrics_at: target.metrics ? '2026-03-08T00:00:00.000Z' : null, created_at: now, updated_at: now })
      .execute();
  }
  // A cancelled post of the week: never counts.
  await db
    .insertInto('posts')
    .values({ id: `p3-${suffix}`, workspace_id: ws, author_id: null, status: 'cancelled', text: 'Cancelled', language: 'en', partnership: 0, publish_at: null, version: 1, check_verdict: null, check_score: null, check_findings: null, override_reason: null, override_by: null, review_comment: null, reviewed_by: null, reviewed_at: null, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('post_targets')
    .values({ id: `t5-${suffix}`, post_id: `p3-${suffix}`, workspace_id: ws, account_id: `a2-${suffix}`, text_override: null, status: 'cancelled', publish_at: '2026-03-07T08:00:00.000Z', version: 1, attempts: 0, first_attempt_at: null, outcome_pending: 0, lease_until: null, next_attempt_at: null, published_version: null, published_text: null, external_id: null, url: null, ref: null, published_at: null, last_error: null, metrics: null, metrics_at: null, created_at: now, updated_at: now })
    .execute();
  for (const person of [
    { id: 'ana', engagement: 50, last: '2026-03-04T00:00:00.000Z', merged: null },
    { id: 'ben', engagement: 80, last: '2026-03-05T00:00:00.000Z', merged: null },
    { id: 'cy', engagement: 99, last: '2026-02-25T00:00:00.000Z', merged: null },
    { id: 'dee', engagement: 100, last: '2026-03-05T00:00:00.000Z', merged: 'ben' },
  ]) {
    await db
      .insertInto('people')
      .values({
        id: `${person.id}-${suffix}`,
        workspace_id: ws,
        display_name: person.id.charAt(0).toUpperCase() + person.id.slice(1),
        bio: null,
        links: '[]',
        languages: '[]',
        avatar_url: null,
        tags: '[]',
        owner_id: null,
        stage: 'engaged',
        next_step: null,
        next_step_due: null,
        merged_into_id: person.merged === null ? null : `${person.merged}-${suffix}`,
        first_seen_at: '2026-01-01T00:00:00.000Z',
        last_seen_at: person.last,
        activity_count: 3,
        engagement: person.engagement,
        engagement_level: 'participating',
        reach: 10,
        ambassador: 0,
        influencer: 0,
        scores: null,
        scored_at: '2026-03-08T00:00:00.000Z',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return ws;
}
