import type { Kysely, Selectable } from 'kysely';
import { toNumber } from '../db/dialects/numbers.js';
import type { Database, MembershipsTable, WorkspacesTable } from '../db/schema.js';
import type { Role } from './roles.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MembershipRow = Selectable<MembershipsTable>;

export function workspacesRepo(db: Kysely<Database>) {
  return {
    insert: (workspace: WorkspaceRow) => db.insertInto('workspaces').values(workspace).execute(),
    findById: (id: string) => db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst(),
    listAll: () => db.selectFrom('workspaces').selectAll().orderBy('created_at').execute(),
    findByName: (name: string) => db.selectFrom('workspaces').selectAll().where('name', '=', name).execute(),
    update: (id: string, changes: Partial<Pick<WorkspaceRow, 'name' | 'time_zone' | 'languages' | 'named_things' | 'approval_policy' | 'updated_at'>>) =>
      db.updateTable('workspaces').set(changes).where('id', '=', id).execute(),

    insertMembership: (membership: MembershipRow) => db.insertInto('memberships').values(membership).execute(),
    findMembership: (workspaceId: string, userId: string) =>
      db
        .selectFrom('memberships')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    /** The workspaces a user belongs to, with their role, oldest first. */
    listForUser: (userId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
                .select([
          'workspaces.id',
          'workspaces.name',
          'workspaces.time_zone',
          'workspaces.languages',
          'workspaces.named_things',
          'workspaces.approval_policy',
          'workspaces.created_at',
          'memberships.role',
        ])
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.created_at')
        .orderBy('workspaces.id')
        .execute(),
    listMembers: (workspaceId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id as user_id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('memberships.created_at')
        .orderBy('users.id')
        .execute(),
    countOwners: async (workspaceId: string) => {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return toNumber(row.n);
    },
    updateRole: (workspaceId: string, userId: string, role: Role) =>
      db.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute(),
    deleteMembership: (workspaceId: string, userId: string) =>
      db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute(),
  };
}
