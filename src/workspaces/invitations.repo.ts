import type { Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable } from '../db/schema.js';

export type InvitationRow = Selectable<InvitationsTable>;

export function invitationsRepo(db: Kysely<Database>) {
  return {
    insert: (invitation: InvitationRow) => db.insertInto('invitations').values(invitation).execute(),
    findByTokenHash: (tokenHash: string) =>
      db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
    findInWorkspace: (workspaceId: string, id: string) =>
      db.selectFrom('invitations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst(),
    /** Invitations not yet accepted, revoked or expired at `now`. */
    listPending: (workspaceId: string, now: string) =>
      db
        .selectFrom('invitations')
        .innerJoin('users', 'users.id', 'invitations.invited_by')
        .select([
          'invitations.id',
          'invitations.email',
          'invitations.role',
          'invitations.created_at',
          'invitations.expires_at',
          'users.id as inviter_id',
          'users.name as inviter_name',
        ])
        .where('invitations.workspace_id', '=', workspaceId)
        .where('invitations.accepted_at', 'is', null)
        .where('invitations.revoked_at', 'is', null)
        .where('invitations.expires_at', '>', now)
        .orderBy('invitations.created_at', 'desc')
        .execute(),
    /** Marks accepted only if still pending: returns false when someone else used it first. */
    markAccepted: async (id: string, now: string) => {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    revoke: (id: string, now: string) =>
      db.updateTable('invitations').set({ revoked_at: now }).where('id', '=', id).where('accepted_at', 'is', null).execute(),
    deleteExpiredBefore: (cutoff: string) => db.deleteFrom('invitations').where('expires_at', '<', cutoff).executeTakeFirst(),
  };
}
