/**
 * Test factories for the community CRM: mentions stored as ingestion leaves them (author, reply,
 * analysis verdict, counts), an inbox conversation holding some of them, and JSONL lines.
 */
import type { Kysely } from 'kysely';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { searchText } from '../listening/query/index.js';
import type { MentionInsert } from '../listening/mentions.repo.js';

export interface MentionSpec {
  author: string | null;
  authorName?: string;
  followers?: number | null;
  network?: string;
  externalId?: string;
  replyTo?: string;
  text?: string;
  createdAt: string;
  ingestedAt?: string;
  language?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  intents?: string[];
  spam?: boolean;
  offensive?: boolean;
  likes?: number | null;
  reposts?: number | null;
  replies?: number | null;
}

let counter = 0;

/** Stores mentions as ingestion would; returns them (ids, external ids). */
export async function storeMentions(
  db: Kysely<Database>,
  workspaceId: string,
  specs: readonly MentionSpec[],
): Promise<MentionInsert[]> {
  const rows: MentionInsert[] = specs.map((spec) => {
    counter += 1;
    const text = spec.text ?? `Mention ${counter} about Lumière lamps`;
    return {
      id: newId(),
      workspace_id: workspaceId,
      source_id: null,
      network: spec.network ?? 'bluesky',
      external_id: spec.externalId ?? `at://community-test/${process.pid}/${counter}`,
      url: `https://social.example/p/${counter}`,
      author_handle: spec.author,
      author_name: spec.authorName ?? null,
      author_followers: spec.followers === undefined ? 100 : spec.followers,
      text,
      search_text: searchText(text),
      language: spec.language ?? 'en',
      sentiment: spec.sentiment ?? 'neutral',
      intents: JSON.stringify(spec.intents ?? []),
      analysis: JSON.stringify({
        spam: { label: spec.spam ? 'spam' : 'not_spam', score: spec.spam ? 0.9 : 0.1 },
        offensive: {
          label: spec.offensive ? 'offensive' : 'not_offensive',
          score: spec.offensive ? 0.9 : 0.1,
        },
      }),
      has_link: 0,
      has_image: 0,
      has_mention: 0,
      has_hashtag: 0,
      likes: spec.likes === undefined ? 1 : spec.likes,
      reposts: spec.reposts === undefined ? 2 : spec.reposts,
      replies: spec.replies === undefined ? 3 : spec.replies,
      created_at: spec.createdAt,
      ingested_at: spec.ingestedAt ?? spec.createdAt,
      updated_at: spec.ingestedAt ?? spec.createdAt,
      originality_at: null,
      reply_to: spec.replyTo ?? null,
      thread_root: null,
      ref: null,
      addressed_to: null,
    };
  });
  for (let start = 0; start < rows.length; start += 400) {
    await db
      .insertInto('mentions')
      .values(rows.slice(start, start + 400))
      .execute();
  }
  return rows;
}

/** An inbox conversation started by `mention`, holding it (and `more`) as inbound messages; returns its id. */
export async function storeConversation(
  db: Kysely<Database>,
  mention: MentionInsert,
  more: readonly MentionInsert[] = [],
): Promise<string> {
  const id = newId();
  await db
    .insertInto('conversations')
    .values({
      id,
      workspace_id: mention.workspace_id,
      account_id: null,
      network: mention.network,
      thread_key: mention.external_id,
      status: 'open',
      snoozed_until: null,
      assignee_id: null,
      priority: 10,
      priority_reasons: '[]',
      tags: '[]',
      spam: 0,
      subject: mention.text,
      author_handle: mention.author_handle ?? null,
      author_name: mention.author_name ?? null,
      author_followers: mention.author_followers ?? null,
      last_sentiment: null,
      last_intents: '[]',
      first_inbound_at: mention.created_at,
      last_inbound_at: mention.created_at,
      last_outbound_at: null,
      first_response_at: null,
      awaiting_since: mention.created_at,
      message_count: 1 + more.length,
      created_at: mention.created_at,
      updated_at: mention.created_at,
    })
    .execute();
  for (const message of [mention, ...more]) {
    await db
      .insertInto('conversation_messages')
      .values({
        id: newId(),
        conversation_id: id,
        workspace_id: message.workspace_id,
        kind: 'inbound',
        mention_id: message.id,
        author_user_id: null,
        author_handle: message.author_handle ?? null,
        text: message.text,
        status: 'received',
        reply_to_message_id: null,
        ref: null,
        external_id: message.external_id,
        url: message.url ?? null,
        error: null,
        attempts: 0,
        idempotency_key: null,
        created_at: message.created_at,
        sent_at: null,
      })
      .execute();
  }
  return id;
}

/** Async lines, as a file reader gives them. */
export async function* linesOf(lines: readonly string[]): AsyncIterable<string> {
  for (const line of lines) {
    yield line;
  }
}

/** An activity row of the import format. */
export function activityLine(row: Record<string, unknown>): string {
  return JSON.stringify({ network: 'forum', type: 'comment', at: '2026-01-10T10:00:00Z', ...row });
}

/** The brand's own connected Bluesky account (sealed credentials are never read here). */
export async function storeOwnAccount(db: Kysely<Database>, workspaceId: string, handle: string, at: string): Promise<void> {
  await db
    .insertInto('connected_accounts')
    .values({
      id: `own-${workspaceId}`,
      workspace_id: workspaceId,
      network: 'bluesky',
      external_id: 'did:plc:brand',
      handle,
      display_name: null,
      url: null,
      followers: 10,
      credentials: 'sealed',
      voice_override: null,
      health: 'ok',
      health_message: null,
      checked_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
      removed_at: null,
    })
    .execute();
}
