import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.js';

export type SessionRow = Selectable<SessionsTable>;

export function sessionsRepo(db: Kysely<Database>) {
  return {
    insert: (session: SessionRow) => db.insertInto('sessions').values(session).execute(),
    findLive: (id: string, now: string) =>
      db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst(),
    touch: (id: string, lastSeenAt: string, expiresAt: string) =>
      db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute(),
    delete: (id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteExpired: (now: string) => db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst(),
  };
}
