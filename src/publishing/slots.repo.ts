import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function slotsRepo(db: Kysely<Database>) {
  return {
    listForAccounts: (accountIds: readonly string[]) =>
      accountIds.length === 0
        ? Promise.resolve([] as { account_id: string; weekday: number; minutes: number }[])
        : db.selectFrom('queue_slots').select(['account_id', 'weekday', 'minutes']).where('account_id', 'in', accountIds).orderBy('weekday').orderBy('minutes').execute(),
    replace: async (workspaceId: string, accountId: string, slots: readonly { weekday: number; minutes: number }[], ids: () => string, now: string) => {
      await db.deleteFrom('queue_slots').where('account_id', '=', accountId).execute();
      if (slots.length > 0) {
        await db
          .insertInto('queue_slots')
          .values(slots.map((slot) => ({ id: ids(), workspace_id: workspaceId, account_id: accountId, weekday: slot.weekday, minutes: slot.minutes, created_at: now })))
          .execute();
      }
    },
  };
}
