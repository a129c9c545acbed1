import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MentionMatchesTable, SavedQueriesTable } from '../db/schema.js';

export type SavedQueryRow = Selectable<SavedQueriesTable>;
export type MentionMatchRow = Selectable<MentionMatchesTable>;

export function queriesRepo(db: Kysely<Database>) {
  return {
    insert: (row: Insertable<SavedQueriesTable>) => db.insertInto('saved_queries').values(row).execute(),
    list: (workspaceId: string) =>
      db.selectFrom('saved_queries').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute(),
    find: (workspaceId: string, id: string) =>
      db.selectFrom('saved_queries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst(),
    findByName: (workspaceId: string, name: string) =>
      db.selectFrom('saved_queries').selectAll().where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst(),
    /** Deletes a saved query and its matches; false when there was none. */
    delete: async (workspaceId: string, id: string) =>
      (await db.deleteFrom('saved_queries').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n,
    /** Stores matches not stored yet; how many were new. */
    insertMatches: async (rows: readonly MentionMatchRow[]): Promise<number> => {
      if (rows.length === 0) {
        return 0;
      }
      const result = await db
        .insertInto('mention_matches')
        .values([...rows])
        .onConflict((oc) => oc.columns(['query_id', 'mention_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },
    /** Which saved queries matched these mentions, and why. */
    matchesOf: async (mentionIds: readonly string[]) =>
      mentionIds.length === 0
        ? []
        : db
            .selectFrom('mention_matches')
            .select(['mention_id', 'query_id', 'why'])
            .where('mention_id', 'in', [...mentionIds])
            .execute(),
  };
}
