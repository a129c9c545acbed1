import type { Kysely, Selectable } from 'kysely';
import type { ConnectedAccountsTable, Database } from '../db/schema.js';
import { utcDay } from '../reports/follower-history.tables.js';

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
    /**
     * Keeps the follower count just learned in the account's history (reports' follower growth):
     * one row per UTC day, the day's latest count wins.
     */
    recordFollowers: (accountId: string, followers: number, recordedAt: string) =>
      db
        .insertInto('account_follower_counts')
        .values({ account_id: accountId, day: utcDay(recordedAt), followers, recorded_at: recordedAt })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'day'])
            .doUpdateSet((eb) => ({ followers: eb.ref('excluded.followers'), recorded_at: eb.ref('excluded.recorded_at') }))
            .where('account_follower_counts.recorded_at', '<=', recordedAt),
        )
        .execute(),
    listAllLive: () => db.selectFrom('connected_accounts').selectAll().where('removed_at', 'is', null).execute(),
  };
}
