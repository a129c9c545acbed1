import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { auditRepo } from './audit.repo.js';
import { authorize } from './policy.js';
import type { WorkspaceAccess } from './workspaces.service.js';

export interface AuditEvent {
  workspaceId: string | null;
  actorUserId: string | null;
  /** Dotted verb, past tense: `member.role_changed`, `user.signed_in`. */
  action: string;
  target?: { type: string; id: string };
  /** Facts worth keeping; never secrets, passwords or tokens. */
  details?: Record<string, unknown>;
  ip?: string | undefined;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** Writes audit entries, inside the caller's transaction when given one. */
export async function recordAudit(db: Kysely<Database>, clock: Clock, event: AuditEvent): Promise<void> {
  await auditRepo(db).insert({
    id: newId(clock.now().getTime()),
    workspace_id: event.workspaceId,
    actor_user_id: event.actorUserId,
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    details: JSON.stringify(event.details ?? {}),
    ip: event.ip ?? null,
    at: clock.now().toISOString(),
  });
}

/** A page of the workspace's audit log, newest first (owners and admins). */
export async function listAudit(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  options: { limit: number; before?: string | undefined },
): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  authorize(access.role, 'audit.read');
  const rows = await auditRepo(db).list(access.workspaceId, { limit: options.limit + 1, before: options.before });
  const page = rows.slice(0, options.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor_id ? { id: row.actor_id, email: row.actor_email ?? '', name: row.actor_name ?? '' } : null,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    })),
    nextBefore: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
