import type { Kysely } from 'kysely';
import { type Clock } from '../core/clock.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import { sha256 } from '../core/hashing.js';
import { newId, newSecret } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { authenticate, createUser, toUser, type User } from './accounts.service.js';
import { recordAudit } from './audit.service.js';
import { invitationsRepo, type InvitationRow } from './invitations.repo.js';
import { assignableRoles, authorize } from './policy.js';
import type { Role } from './roles.js';
import { usersRepo } from './users.repo.js';
import type { WorkspaceAccess } from './workspaces.service.js';
import { workspacesRepo } from './workspaces.repo.js';

const INVITATION_DAYS = 7;

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string };
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

/** Creates an invitation; returns the secret token that goes into the link (stored only hashed). */
export async function createInvitation(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  props: { email: string; role: Role },
): Promise<{ invitation: PendingInvitation; token: string }> {
  authorize(access.role, 'invitations.manage');
  if (!assignableRoles(access.role).includes(props.role)) {
    throw forbidden(`A ${access.role} cannot invite a ${props.role}`);
  }
  const existing = await usersRepo(db).findByEmail(props.email);
  if (existing && (await workspacesRepo(db).findMembership(access.workspaceId, existing.id))) {
    throw conflict(`${props.email} is already a member of this workspace`);
  }
  const token = newSecret();
  const now = clock.now();
  const row: InvitationRow = {
    id: newId(now.getTime()),
    workspace_id: access.workspaceId,
    email: props.email,
    role: props.role,
    token_hash: sha256(token),
    invited_by: access.userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString(),
    accepted_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await invitationsRepo(trx).insert(row);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'invitation.created',
      target: { type: 'invitation', id: row.id },
      details: { email: row.email, role: row.role },
    });
  });
  const inviter = await usersRepo(db).findById(access.userId);
  return {
    token,
    invitation: {
      id: row.id,
      email: row.email,
      role: row.role,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      invitedBy: { id: access.userId, name: inviter?.name ?? '' },
    },
  };
}

export async function listInvitations(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess): Promise<PendingInvitation[]> {
  authorize(access.role, 'invitations.manage');
  const rows = await invitationsRepo(db).listPending(access.workspaceId, clock.now().toISOString());
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    invitedBy: { id: row.inviter_id, name: row.inviter_name },
  }));
}

export async function revokeInvitation(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, id: string): Promise<void> {
  authorize(access.role, 'invitations.manage');
  await db.transaction().execute(async (trx) => {
    const repo = invitationsRepo(trx);
    const row = await repo.findInWorkspace(access.workspaceId, id);
    if (!row || row.accepted_at || row.revoked_at) {
      throw notFound('Invitation');
    }
    await repo.revoke(id, clock.now().toISOString());
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'invitation.revoked',
      target: { type: 'invitation', id },
      details: { email: row.email },
    });
  });
}

async function findUsable(db: Kysely<Database>, clock: Clock, token: string): Promise<InvitationRow> {
  const row = await invitationsRepo(db).findByTokenHash(sha256(token));
  if (!row || row.accepted_at || row.revoked_at || row.expires_at <= clock.now().toISOString()) {
    throw notFound('Invitation (it may have expired, been used or been revoked)');
  }
  return row;
}

/** What the invitee sees before accepting. */
export async function previewInvitation(db: Kysely<Database>, clock: Clock, token: string): Promise<InvitationPreview> {
  const row = await findUsable(db, clock, token);
  const workspace = await workspacesRepo(db).findById(row.workspace_id);
  if (!workspace) {
    throw notFound('Invitation');
  }
  return {
    workspaceName: workspace.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expires_at,
    accountExists: (await usersRepo(db).findByEmail(row.email)) !== undefined,
  };
}

export type AcceptAs =
  | { kind: 'signed-in'; user: User }
  | { kind: 'existing-account'; password: string }
  | { kind: 'new-account'; name: string; password: string };

/**
 * Accepts an invitation: the invitee is the signed-in user with the invited e-mail, the owner of the
 * existing account (by password), or a new account. Returns the user who joined.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
  as: AcceptAs,
): Promise<{ user: User; workspaceId: string }> {
  const row = await findUsable(db, clock, token);
  let user: User;
  switch (as.kind) {
    case 'signed-in':
      if (as.user.email !== row.email) {
        throw forbidden(`This invitation is for ${row.email}; you are signed in as ${as.user.email}`);
      }
      user = as.user;
      break;
    case 'existing-account':
      user = await authenticate(db, row.email, as.password);
      break;
    case 'new-account': {
      const existing = await usersRepo(db).findByEmail(row.email);
      if (existing) {
        throw invalid('password', 'An account already exists for this e-mail: enter its password instead');
      }
      user = await createUser(db, clock, { email: row.email, name: as.name, password: as.password });
      break;
    }
  }
  await db.transaction().execute(async (trx) => {
    if (!(await invitationsRepo(trx).markAccepted(row.id, clock.now().toISOString()))) {
      throw notFound('Invitation (it was used a moment ago)');
    }
    const memberships = workspacesRepo(trx);
    if (!(await memberships.findMembership(row.workspace_id, user.id))) {
      await memberships.insertMembership({
        workspace_id: row.workspace_id,
        user_id: user.id,
        role: row.role,
        created_at: clock.now().toISOString(),
      });
    }
    await recordAudit(trx, clock, {
      workspaceId: row.workspace_id,
      actorUserId: user.id,
      action: 'invitation.accepted',
      target: { type: 'invitation', id: row.id },
      details: { role: row.role, invitedBy: row.invited_by },
    });
  });
  const fresh = await usersRepo(db).findById(user.id);
  return { user: fresh ? toUser(fresh) : user, workspaceId: row.workspace_id };
}

export async function purgeExpiredInvitations(db: Kysely<Database>, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - 30 * 24 * 3600 * 1000).toISOString();
  const result = await invitationsRepo(db).deleteExpiredBefore(cutoff);
  return Number(result.numDeletedRows);
}
