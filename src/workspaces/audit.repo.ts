import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.js';

export type AuditRow = Selectable<AuditLogTable>;

export function auditRepo(db: Kysely<Database>) {
  return {
    insert: (entry: AuditRow) => db.insertInto('audit_log').values(entry).execute(),
    /** Newest first; `before` is an entry id (ids sort by time) for keyset pagination. */
    list: (workspaceId: string, options: { limit: number; before?: string | undefined }) => {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.action',
          'audit_log.target_type',
          'audit_log.target_id',
          'audit_log.details',
          'users.id as actor_id',
          'users.email as actor_email',
          'users.name as actor_name',
        ])
        .where('audit_log.workspace_id', '=', workspaceId);
      if (options.before) {
        query = query.where('audit_log.id', '<', options.before);
      }
      return query.orderBy('audit_log.id', 'desc').limit(options.limit).execute();
    },
  };
}
