import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { recordAudit } from './audit.service.js';
import { assignableRoles, authorize } from './policy.js';
import type { Role } from './roles.js';
import { workspacesRepo, type WorkspaceRow } from './workspaces.repo.js';

/** The brand's own names, its products and its competitors, as found in analysed texts. */
export interface NamedThingsSettings {
  brand: string[];
  products: string[];
  competitors: string[];
}

export const NO_NAMED_THINGS: NamedThingsSettings = { brand: [], products: [], competitors: [] };

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  languages: string[];
  namedThings: NamedThingsSettings;
  /** 'editors': posts written by editors need a manager's approval before they are scheduled. */
  approvalPolicy: ApprovalPolicy;
  createdAt: string;
}

export type ApprovalPolicy = 'none' | 'editors';

/** A member's standing in one workspace, proven by `requireMembership`. Every scoped call takes one. */
export interface WorkspaceAccess {
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface WorkspaceSettings {
  name: string;
  timeZone: string;
  languages: string[];
  namedThings?: NamedThingsSettings;
  approvalPolicy?: ApprovalPolicy;
}

const toWorkspace = (
  row: Pick<WorkspaceRow, 'id' | 'name' | 'time_zone' | 'languages' | 'named_things' | 'approval_policy' | 'created_at'>,
): Workspace => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  languages: JSON.parse(row.languages) as string[],
  namedThings: { ...NO_NAMED_THINGS, ...(JSON.parse(row.named_things) as Partial<NamedThingsSettings>) },
  approvalPolicy: row.approval_policy,
  createdAt: row.created_at,
});

/**
 * Proves that a user belongs to a workspace. Anyone else gets "not found", never "forbidden":
 * the existence of another brand's workspace is not disclosed.
 */
export async function requireMembership(db: Kysely<Database>, userId: string, workspaceId: string): Promise<WorkspaceAccess> {
  const membership = await workspacesRepo(db).findMembership(workspaceId, userId);
  if (!membership) {
    throw notFound('Workspace');
  }
  return { workspaceId, userId, role: membership.role };
}

/** Creates a workspace with its creator as owner. */
export async function createWorkspace(
  db: Kysely<Database>,
  clock: Clock,
  props: { ownerUserId: string; settings: WorkspaceSettings },
): Promise<Workspace> {
  return db.transaction().execute((trx) => insertWorkspaceWithOwner(trx, clock, props));
}

/** The body of `createWorkspace`, for callers that already hold a transaction (first-run setup). */
export async function insertWorkspaceWithOwner(
  trx: Kysely<Database>,
  clock: Clock,
  props: { ownerUserId: string; settings: WorkspaceSettings },
): Promise<Workspace> {
  const now = isoNow(clock);
  const row: WorkspaceRow = {
    id: newId(clock.now().getTime()),
    name: props.settings.name,
    time_zone: props.settings.timeZone,
    languages: JSON.stringify(props.settings.languages),
    named_things: JSON.stringify(props.settings.namedThings ?? NO_NAMED_THINGS),
    voice_profile: '{}',
    approval_policy: props.settings.approvalPolicy ?? 'none',
    created_at: now,
    updated_at: now,
  };
  const repo = workspacesRepo(trx);
  await repo.insert(row);
  await repo.insertMembership({ workspace_id: row.id, user_id: props.ownerUserId, role: 'owner', created_at: now });
  await recordAudit(trx, clock, {
    workspaceId: row.id,
    actorUserId: props.ownerUserId,
    action: 'workspace.created',
    target: { type: 'workspace', id: row.id },
    details: { name: row.name },
  });
  return toWorkspace(row);
}

export async function listWorkspacesOf(db: Kysely<Database>, userId: string): Promise<(Workspace & { role: Role })[]> {
  const rows = await workspacesRepo(db).listForUser(userId);
  return rows.map((row) => ({ ...toWorkspace(row), role: row.role }));
}

export async function getWorkspace(db: Kysely<Database>, access: WorkspaceAccess): Promise<Workspace> {
  authorize(access.role, 'workspace.read');
  const row = await workspacesRepo(db).findById(access.workspaceId);
  if (!row) {
    throw notFound('Workspace');
  }
  return toWorkspace(row);
}

export async function updateWorkspace(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  changes: Partial<WorkspaceSettings>,
): Promise<Workspace> {
  authorize(access.role, 'workspace.update');
  await db.transaction().execute(async (trx) => {
    await workspacesRepo(trx).update(access.workspaceId, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
      ...(changes.languages !== undefined ? { languages: JSON.stringify(changes.languages) } : {}),
      ...(changes.namedThings !== undefined ? { named_things: JSON.stringify(changes.namedThings) } : {}),
      ...(changes.approvalPolicy !== undefined ? { approval_policy: changes.approvalPolicy } : {}),
      updated_at: isoNow(clock),
    });
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'workspace.settings_changed',
      target: { type: 'workspace', id: access.workspaceId },
      details: { changes },
    });
  });
  return getWorkspace(db, access);
}

export async function listMembers(db: Kysely<Database>, access: WorkspaceAccess): Promise<Member[]> {
  authorize(access.role, 'members.read');
  const rows = await workspacesRepo(db).listMembers(access.workspaceId);
  return rows.map((row) => ({ userId: row.user_id, email: row.email, name: row.name, role: row.role, joinedAt: row.created_at }));
}

async function requireTarget(db: Kysely<Database>, access: WorkspaceAccess, userId: string): Promise<Role> {
  const membership = await workspacesRepo(db).findMembership(access.workspaceId, userId);
  if (!membership) {
    throw notFound('Member');
  }
  return membership.role;
}

/** Admins manage members up to their own rank; only owners touch owners; a workspace keeps an owner. */
export async function changeMemberRole(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  props: { userId: string; role: Role },
): Promise<Member> {
  authorize(access.role, 'members.manage');
  await db.transaction().execute(async (trx) => {
    const current = await requireTarget(trx, access, props.userId);
    const allowed = assignableRoles(access.role);
    if (!allowed.includes(current) || !allowed.includes(props.role)) {
      throw forbidden(`A ${access.role} cannot change a ${current} into a ${props.role}`);
    }
    const repo = workspacesRepo(trx);
    if (current === 'owner' && props.role !== 'owner' && (await repo.countOwners(access.workspaceId)) <= 1) {
      throw conflict('The last owner cannot be demoted: make someone else owner first');
    }
    await repo.updateRole(access.workspaceId, props.userId, props.role);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'member.role_changed',
      target: { type: 'user', id: props.userId },
      details: { from: current, to: props.role },
    });
  });
  const member = (await listMembers(db, access)).find((m) => m.userId === props.userId);
  if (!member) {
    throw notFound('Member');
  }
  return member;
}

/** Removes a member (admins, or anyone leaving on their own); the last owner cannot go. */
export async function removeMember(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  userId: string,
): Promise<void> {
  const leaving = userId === access.userId;
  if (!leaving) {
    authorize(access.role, 'members.manage');
  }
  await db.transaction().execute(async (trx) => {
    const current = await requireTarget(trx, access, userId);
    if (!leaving && !assignableRoles(access.role).includes(current)) {
      throw forbidden(`A ${access.role} cannot remove a ${current}`);
    }
    const repo = workspacesRepo(trx);
    if (current === 'owner' && (await repo.countOwners(access.workspaceId)) <= 1) {
      throw conflict('The last owner cannot be removed: make someone else owner first');
    }
    await repo.deleteMembership(access.workspaceId, userId);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: leaving ? 'member.left' : 'member.removed',
      target: { type: 'user', id: userId },
      details: { role: current },
    });
  });
}

/** Finds workspaces by id or exact name (CLI convenience). */
export async function findWorkspaces(db: Kysely<Database>, idOrName: string): Promise<Workspace[]> {
  const repo = workspacesRepo(db);
  const byId = await repo.findById(idOrName);
  if (byId) {
    return [toWorkspace(byId)];
  }
  return (await repo.findByName(idOrName)).map(toWorkspace);
}

/**
 * Makes a user owner of every workspace (the CLI's `user create --owner`): the way back in for an
 * operator whose owners are all locked out. Recorded in each workspace's audit log.
 */
export async function makeOwnerOfAllWorkspaces(db: Kysely<Database>, clock: Clock, userId: string): Promise<Workspace[]> {
  return db.transaction().execute(async (trx) => {
    const repo = workspacesRepo(trx);
    const all = await repo.listAll();
    for (const workspace of all) {
      const membership = await repo.findMembership(workspace.id, userId);
      if (membership) {
        await repo.updateRole(workspace.id, userId, 'owner');
      } else {
        await repo.insertMembership({ workspace_id: workspace.id, user_id: userId, role: 'owner', created_at: isoNow(clock) });
      }
      await recordAudit(trx, clock, {
        workspaceId: workspace.id,
        actorUserId: null,
        action: 'member.owner_granted_by_cli',
        target: { type: 'user', id: userId },
        details: { previousRole: membership?.role ?? null },
      });
    }
    return all.map(toWorkspace);
  });
}
