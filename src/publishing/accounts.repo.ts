import type { Kysely, Selectable } from 'kysely';
import type { ConnectedAccountsTable, Database } from '../db/schema.js';

export type AccountRow = Selectable<ConnectedAccountsTable>;

export function accountsRepo(db: Kysely<Database>) {
  return {
    insert: (row: AccountRow) => db.insertInto('connected_accounts').values(row).execute(),
    update: (id: string, changes: Partial<Omit<AccountRow, 'id' | 'workspace_id' | 'created_at'>>) =>
      db.updateTable('connected_accounts').set(changes).where('id', '=', id).execute(),
    /** Also finds a removed account with this identity, so reconnecting revives it. */
    findByIdentity: (workspaceId: string, network: AccountRow['network'], externalId: string) =>
      db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('network', '=', network)
        .where('external_id', '=', externalId)
        .executeTakeFirst(),
    find: (workspaceId: string, id: string) =>
      db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst(),
    findById: (id: string) => db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirst(),
    list: (workspaceId: string) =>
      db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('removed_at', 'is', null)
        .orderBy('network')
        .orderBy('handle')
        .execute(),
    listAllLive: () => db.selectFrom('connected_accounts').selectAll().where('removed_at', 'is', null).execute(),
  };
}
