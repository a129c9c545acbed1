import type { Kysely, Selectable } from 'kysely';
import type { Database, FactsTable } from '../db/schema.js';

export type FactRow = Selectable<FactsTable>;

export function houseStyleRepo(db: Kysely<Database>) {
  return {
    voiceProfile: async (workspaceId: string) =>
      (await db.selectFrom('workspaces').select('voice_profile').where('id', '=', workspaceId).executeTakeFirst())?.voice_profile,
    setVoiceProfile: (workspaceId: string, json: string, now: string) =>
      db.updateTable('workspaces').set({ voice_profile: json, updated_at: now }).where('id', '=', workspaceId).execute(),

    words: async (workspaceId: string) =>
      (await db.selectFrom('dictionary_words').select('word').where('workspace_id', '=', workspaceId).orderBy('word').execute()).map((r) => r.word),
    addWords: (workspaceId: string, words: string[], addedBy: string, now: string) =>
      db
        .insertInto('dictionary_words')
        .values(words.map((word) => ({ workspace_id: workspaceId, word, added_by: addedBy, created_at: now })))
        .onConflict((oc) => oc.columns(['workspace_id', 'word']).doNothing())
        .execute(),
    removeWord: async (workspaceId: string, word: string) =>
      (await db.deleteFrom('dictionary_words').where('workspace_id', '=', workspaceId).where('word', '=', word).executeTakeFirst())
        .numDeletedRows > 0n,

    facts: (workspaceId: string) => db.selectFrom('facts').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute(),
    insertFact: (row: FactRow) => db.insertInto('facts').values(row).execute(),
    updateFact: async (workspaceId: string, id: string, changes: Partial<Omit<FactRow, 'id' | 'workspace_id' | 'created_at'>>) =>
      (await db.updateTable('facts').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst())
        .numUpdatedRows > 0n,
    deleteFact: async (workspaceId: string, id: string) =>
      (await db.deleteFrom('facts').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n,
  };
}
