/**
 * Test factories for alerting: mentions stored directly with the facts rules read (time, sentiment,
 * followers, intents), saved queries with their matches, and rules — so tests control every number.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Database, SavedQueryTag } from '../../db/schema.js';
import { searchText } from '../query/index.js';
import type { MentionInsert } from '../mentions.repo.js';
import { ruleIn, type RuleInputRaw } from './alerts.rules.js';
import type { AlertRuleRow } from './alerts.tables.js';

export interface MentionFacts {
  createdAt: string;
  ingestedAt?: string;
  text?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  followers?: number | null;
  intents?: string[];
  author?: string;
  /** Saved queries it matched. */
  queries?: string[];
}

let counter = 0;

/** Stores mentions as ingestion would have (without analysis); returns their ids. */
export async function storeMentions(
  db: Kysely<Database>,
  workspaceId: string,
  mentions: readonly MentionFacts[],
): Promise<string[]> {
  const rows: MentionInsert[] = mentions.map((facts) => {
    counter += 1;
    const text = facts.text ?? `Mention number ${counter} about Lumière lamps`;
    return {
      id: newId(),
      workspace_id: workspaceId,
      source_id: null,
      network: 'import',
      external_id: `alert-test-${process.pid}-${counter}`,
      url: `https://social.example/p/${counter}`,
      author_handle: facts.author ?? `author${counter % 9}.example`,
      author_name: null,
      author_followers: facts.followers === undefined ? 100 : facts.followers,
      text,
      search_text: searchText(text),
      language: 'en',
      sentiment: facts.sentiment ?? 'neutral',
      intents: JSON.stringify(facts.intents ?? []),
      analysis: null,
      has_link: 0,
      has_image: 0,
      has_mention: 0,
      has_hashtag: 0,
      likes: 0,
      reposts: 0,
      replies: 0,
      created_at: facts.createdAt,
      ingested_at: facts.ingestedAt ?? facts.createdAt,
      updated_at: facts.ingestedAt ?? facts.createdAt,
      originality_at: facts.ingestedAt ?? facts.createdAt,
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('mentions')
      .values(rows.slice(start, start + 500))
      .execute();
  }
  const matches = rows.flatMap((row, index) =>
    (mentions[index]?.queries ?? []).map((queryId) => ({
      query_id: queryId,
      mention_id: row.id,
      workspace_id: workspaceId,
      mention_created_at: row.created_at,
      why: '{"highlights":[],"terms":[]}',
      matched_at: row.ingested_at,
    })),
  );
  for (let start = 0; start < matches.length; start += 500) {
    await db
      .insertInto('mention_matches')
      .values(matches.slice(start, start + 500))
      .execute();
  }
  return rows.map((row) => row.id);
}

/** `count` mentions spread over the hour that starts at `hourStart`. */
export function hourOf(
  hourStart: string,
  count: number,
  facts: Omit<MentionFacts, 'createdAt'> = {},
  negatives = 0,
): MentionFacts[] {
  const start = Date.parse(hourStart);
  return Array.from({ length: count }, (_, n) => ({
    ...facts,
    createdAt: new Date(start + Math.floor((n * 3_600_000) / Math.max(1, count))).toISOString(),
    ...(n < negatives ? { sentiment: 'negative' as const } : {}),
  }));
}

export async function storeQuery(
  db: Kysely<Database>,
  workspaceId: string,
  name: string,
  tag: SavedQueryTag,
  createdAt: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('saved_queries')
    .values({
      id,
      workspace_id: workspaceId,
      name,
      query: name.toLowerCase(),
      tag,
      created_by: null,
      created_at: createdAt,
      updated_at: createdAt,
      history_status: 'done',
    })
    .execute();
  return id;
}

/** Stores a rule straight in the table (the service path is tested by the routes). */
export async function storeRule(
  db: Kysely<Database>,
  workspaceId: string,
  input: RuleInputRaw,
  createdAt: string,
  extra: Partial<AlertRuleRow> = {},
): Promise<AlertRuleRow> {
  const rule = ruleIn.parse(input);
  const row: AlertRuleRow = {
    id: newId(),
    workspace_id: workspaceId,
    name: rule.name,
    kind: rule.kind,
    query_id: rule.queryId,
    params: JSON.stringify(rule.params),
    email_to: JSON.stringify(rule.channels.email),
    webhook_url: rule.channels.webhookUrl,
    webhook_secret: null,
    enabled: rule.enabled ? 1 : 0,
    checked_until: null,
    last_fired_at: null,
    created_by: null,
    created_at: createdAt,
    updated_at: createdAt,
    ...extra,
  };
  await db.insertInto('alert_rules').values(row).execute();
  return row;
}
