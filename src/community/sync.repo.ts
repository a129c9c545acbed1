/**
 * SQL of the sync from listening and the inbox: mentions after a position (by `seq`, the mentions'
 * primary key: a range scan, in ingestion order), the authors of the posts they answer, the inbox
 * conversations holding them, and the per-workspace cursor in community_settings.
 */
import type { Kysely } from 'kysely';
import { toNumber } from '../db/dialects/numbers.js';
import type { Database } from '../db/schema.js';
import { accountKeyOf, identityKey } from './identity-keys.js';

export interface SyncMention {
  seq: number;
  id: string;
  network: string;
  external_id: string;
  url: string | null;
  author_handle: string | null;
  author_name: string | null;
  author_followers: number | null;
  text: string;
  language: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  intents: string;
  analysis: string | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  created_at: string;
  ingested_at: string;
  reply_to: string | null;
}

const KEY_CHUNK = 500;

export function syncRepo(db: Kysely<Database>) {
  return {
    workspaceIds: async (): Promise<string[]> =>
      (await db.selectFrom('workspaces').select('id').orderBy('id').execute()).map((row) => row.id),

    cursorOf: async (workspaceId: string): Promise<string | null> =>
      (
        await db
          .selectFrom('community_settings')
          .select('sync_cursor')
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirst()
      )?.sync_cursor ?? null,

    /** Stores the cursor (the settings row is created with default scoring, '{}', when missing). */
    saveCursor: async (workspaceId: string, cursor: string, now: string): Promise<void> => {
      await db
        .insertInto('community_settings')
        .values({ workspace_id: workspaceId, scoring: '{}', sync_cursor: cursor, updated_at: now })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ sync_cursor: cursor, updated_at: now }))
        .execute();
    },

    /** The workspace's mentions stored after `afterSeq`, in ingestion order. */
    mentionsAfter: async (workspaceId: string, afterSeq: number, limit: number): Promise<SyncMention[]> => {
      const rows = await db
        .selectFrom('mentions')
        .select([
          'seq',
          'id',
          'network',
          'external_id',
          'url',
          'author_handle',
          'author_name',
          'author_followers',
          'text',
          'language',
          'sentiment',
          'intents',
          'analysis',
          'likes',
          'reposts',
          'replies',
          'created_at',
          'ingested_at',
          'reply_to',
        ])
        .where('seq', '>', afterSeq)
        .where('workspace_id', '=', workspaceId)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...row, seq: toNumber(row.seq) }));
    },

    /** Authors of the posts with these external ids on `network` (the posts people answer). */
    authorsOf: async (
      workspaceId: string,
      network: string,
      externalIds: readonly string[],
    ): Promise<
      {
        external_id: string;
        author_handle: string | null;
        author_name: string | null;
        author_followers: number | null;
      }[]
    > => {
      const out: {
        external_id: string;
        author_handle: string | null;
        author_name: string | null;
        author_followers: number | null;
      }[] = [];
      const unique = [...new Set(externalIds)];
      for (let start = 0; start < unique.length; start += KEY_CHUNK) {
        out.push(
          ...(await db
            .selectFrom('mentions')
            .select(['external_id', 'author_handle', 'author_name', 'author_followers'])
            .where('workspace_id', '=', workspaceId)
            .where('network', '=', network)
            .where('external_id', 'in', unique.slice(start, start + KEY_CHUNK))
            .execute()),
        );
      }
      return out;
    },

    /** The workspace's connected accounts (removed ones too: their old posts are still the brand's). */
    ownAccounts: (workspaceId: string) =>
      db.selectFrom('connected_accounts').select(['network', 'handle']).where('workspace_id', '=', workspaceId).execute(),

    /** The inbox conversation of each of these mentions, when one holds it. */
    conversationsOf: async (mentionIds: readonly string[]): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      for (let start = 0; start < mentionIds.length; start += KEY_CHUNK) {
        const rows = await db
          .selectFrom('conversation_messages')
          .select(['mention_id', 'conversation_id'])
          .where('mention_id', 'in', mentionIds.slice(start, start + KEY_CHUNK))
          .execute();
        for (const row of rows) {
          if (row.mention_id !== null) {
            out.set(row.mention_id, row.conversation_id);
          }
        }
      }
      return out;
    },
  };
}

/** identityKey(network, account key) of each of the workspace's connected accounts (removed ones too). */
export async function ownAccountKeys(db: Kysely<Database>, workspaceId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const account of await syncRepo(db).ownAccounts(workspaceId)) {
    const key = accountKeyOf(account.handle);
    if (key) {
      keys.add(identityKey(account.network, key));
    }
  }
  return keys;
}
