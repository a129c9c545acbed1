import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database } from '../db/schema.js';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export function apiTokensRepo(db: Kysely<Database>) {
  return {
    insert: (token: ApiTokenRow) => db.insertInto('api_tokens').values(token).execute(),
    findActiveByHash: (tokenHash: string) =>
      db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst(),
    listActive: (workspaceId: string, userId: string) =>
      db
        .selectFrom('api_tokens')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute(),
    /** Revokes a token of this user in this workspace; returns false when there was none. */
    revoke: async (workspaceId: string, userId: string, id: string, now: string) => {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    markUsed: (id: string, now: string) => db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute(),
  };
}
