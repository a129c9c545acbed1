import type { Kysely, Selectable } from 'kysely';
import { toNumber } from '../db/dialects/numbers.js';
import type { Database, UsersTable } from '../db/schema.js';

export type UserRow = Selectable<UsersTable>;

export function usersRepo(db: Kysely<Database>) {
  return {
    insert: (user: UserRow) => db.insertInto('users').values(user).execute(),
    findByEmail: (email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    findById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    count: async () => {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      return toNumber(row.n);
    },
    updatePassword: (id: string, passwordHash: string) =>
      db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute(),
  };
}
