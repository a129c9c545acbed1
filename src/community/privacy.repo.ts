/**
 * SQL of a person's export and erasure: everything held about them (the CRM's rows, the mentions
 * they wrote, the inbox messages and conversations that are theirs), and its deletion.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { IdentityRow, PersonRow } from './community.tables.js';

const KEY_CHUNK = 500;

function chunks<T>(items: readonly T[], size = KEY_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(items.slice(start, start + size));
  }
  return out;
}

/** One read per chunk of keys (bound-parameter limits), the rows of every chunk in turn. */
async function readInChunks<K, R>(keys: readonly K[], read: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(keys)) {
    out.push(...(await read(part)));
  }
  return out;
}

export function privacyRepo(db: Kysely<Database>) {
  return {
    /** The person and everyone merged into them (and into those), for an erasure that leaves no shell. */
    withMergedAway: async (workspaceId: string, person: PersonRow): Promise<PersonRow[]> => {
      const all = [person];
      let frontier = [person.id];
      while (frontier.length > 0) {
        const next = await db
          .selectFrom('people')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('merged_into_id', 'in', frontier)
          .execute();
        const fresh = next.filter((row) => !all.some((known) => known.id === row.id));
        all.push(...fresh);
        frontier = fresh.map((row) => row.id);
      }
      return all;
    },

    identitiesOf: (personIds: readonly string[]): Promise<IdentityRow[]> =>
      readInChunks(personIds, (part) =>
        db
          .selectFrom('person_identities')
          .selectAll()
          .where('person_id', 'in', part)
          .orderBy('created_at')
          .execute(),
      ),

    activitiesOf: (personIds: readonly string[]) =>
      readInChunks(personIds, (part) =>
        db
          .selectFrom('activities')
          .selectAll()
          .where('person_id', 'in', part)
          .orderBy('occurred_at')
          .orderBy('id')
          .execute(),
      ),

    notesOf: (personIds: readonly string[]) =>
      readInChunks(personIds, (part) =>
        db
          .selectFrom('person_notes')
          .selectAll()
          .where('person_id', 'in', part)
          .orderBy('created_at')
          .execute(),
      ),

    mergesOf: (personIds: readonly string[]) =>
      readInChunks(personIds, (part) =>
        db
          .selectFrom('person_merges')
          .selectAll()
          .where((eb) => eb.or([eb('kept_person_id', 'in', part), eb('merged_person_id', 'in', part)]))
          .execute(),
      ),

    suggestionsOf: (personIds: readonly string[]) =>
      readInChunks(personIds, (part) =>
        db
          .selectFrom('merge_suggestions')
          .selectAll()
          .where((eb) => eb.or([eb('person_a_id', 'in', part), eb('person_b_id', 'in', part)]))
          .execute(),
      ),

    /** Ids of the mentions an account wrote (mentions_author_idx: workspace, lower(author_handle)). */
    mentionIdsBy: async (workspaceId: string, network: string, accountKey: string): Promise<string[]> =>
      (
        await db
          .selectFrom('mentions')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where(sql`lower(author_handle)`, '=', accountKey)
          .where('network', '=', network)
          .execute()
      ).map((row) => row.id),

    mentions: (ids: readonly string[]) =>
      readInChunks(ids, (part) =>
        db
          .selectFrom('mentions')
          .select([
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
            'likes',
            'reposts',
            'replies',
            'created_at',
            'ingested_at',
            'reply_to',
          ])
          .where('id', 'in', part)
          .orderBy('created_at')
          .execute(),
      ),

    /** Conversations an account started (their first message is the subject). */
    conversationsStartedBy: (workspaceId: string, network: string, accountKey: string) =>
      db
        .selectFrom('conversations')
        .select([
          'id',
          'network',
          'subject',
          'status',
          'author_handle',
          'author_name',
          'first_inbound_at',
          'last_inbound_at',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('network', '=', network)
        .where(sql`lower(author_handle)`, '=', accountKey)
        .execute(),

    /** Inbox messages an account wrote, or that hold one of these mentions. */
    messagesBy: async (
      workspaceId: string,
      network: string,
      accountKey: string,
      mentionIds: readonly string[],
    ) => {
      const byAuthor = await db
        .selectFrom('conversation_messages')
        .innerJoin('conversations', 'conversations.id', 'conversation_messages.conversation_id')
        .select([
          'conversation_messages.id',
          'conversation_messages.conversation_id',
          'conversation_messages.mention_id',
          'conversation_messages.author_handle',
          'conversation_messages.text',
          'conversation_messages.url',
          'conversation_messages.created_at',
        ])
        .where('conversation_messages.workspace_id', '=', workspaceId)
        .where('conversation_messages.kind', '=', 'inbound')
        .where('conversations.network', '=', network)
        .where(sql`lower(conversation_messages.author_handle)`, '=', accountKey)
        .execute();
      const known = new Set(byAuthor.map((message) => message.id));
      for (const part of chunks(mentionIds)) {
        const held = await db
          .selectFrom('conversation_messages')
          .select([
            'conversation_messages.id',
            'conversation_messages.conversation_id',
            'conversation_messages.mention_id',
            'conversation_messages.author_handle',
            'conversation_messages.text',
            'conversation_messages.url',
            'conversation_messages.created_at',
          ])
          .where('conversation_messages.mention_id', 'in', part)
          .execute();
        byAuthor.push(...held.filter((message) => !known.has(message.id)));
      }
      return byAuthor;
    },

    deleteConversations: async (ids: readonly string[]): Promise<number> => {
      let deleted = 0;
      for (const part of chunks(ids)) {
        deleted += Number(
          (await db.deleteFrom('conversations').where('id', 'in', part).executeTakeFirst()).numDeletedRows,
        );
      }
      return deleted;
    },

    deleteMessages: async (ids: readonly string[]): Promise<number> => {
      let deleted = 0;
      for (const part of chunks(ids)) {
        deleted += Number(
          (await db.deleteFrom('conversation_messages').where('id', 'in', part).executeTakeFirst())
            .numDeletedRows,
        );
      }
      return deleted;
    },

    deleteMentions: async (ids: readonly string[]): Promise<number> => {
      let deleted = 0;
      for (const part of chunks(ids)) {
        deleted += Number(
          (await db.deleteFrom('mentions').where('id', 'in', part).executeTakeFirst()).numDeletedRows,
        );
      }
      return deleted;
    },

    /** Others' activities keep no trace of whom they answered. */
    forgetTargets: async (workspaceId: string, identities: readonly IdentityRow[]): Promise<void> => {
      for (const part of chunks(identities.map((identity) => identity.id))) {
        await db
          .updateTable('activities')
          .set({ target_identity_id: null, target_key: null })
          .where('workspace_id', '=', workspaceId)
          .where('target_identity_id', 'in', part)
          .execute();
      }
      for (const identity of identities) {
        await db
          .updateTable('activities')
          .set({ target_key: null })
          .where('workspace_id', '=', workspaceId)
          .where('network', '=', identity.network)
          .where('target_key', '=', identity.account_key)
          .execute();
      }
    },

    /** Deletes the people and every CRM row about them; returns how many activities went. */
    deletePeople: async (personIds: readonly string[]): Promise<number> => {
      let activities = 0;
      for (const part of chunks(personIds)) {
        await db
          .deleteFrom('merge_suggestions')
          .where((eb) => eb.or([eb('person_a_id', 'in', part), eb('person_b_id', 'in', part)]))
          .execute();
        await db
          .deleteFrom('person_merges')
          .where((eb) => eb.or([eb('kept_person_id', 'in', part), eb('merged_person_id', 'in', part)]))
          .execute();
        activities += Number(
          (await db.deleteFrom('activities').where('person_id', 'in', part).executeTakeFirst())
            .numDeletedRows,
        );
        await db.deleteFrom('person_notes').where('person_id', 'in', part).execute();
        await db.deleteFrom('person_identities').where('person_id', 'in', part).execute();
        await db
          .updateTable('people')
          .set({ merged_into_id: null })
          .where('merged_into_id', 'in', part)
          .execute();
        await db.deleteFrom('people').where('id', 'in', part).execute();
      }
      return activities;
    },

    recordForgotten: async (
      rows: readonly {
        workspace_id: string;
        network: string;
        key_hash: string;
        forgotten_by: string | null;
        forgotten_at: string;
      }[],
    ): Promise<void> => {
      if (rows.length === 0) {
        return;
      }
      await db
        .insertInto('forgotten_identities')
        .values([...rows])
        .onConflict((oc) => oc.columns(['workspace_id', 'network', 'key_hash']).doNothing())
        .execute();
    },
  };
}
