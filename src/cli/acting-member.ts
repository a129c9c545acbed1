/**
 * Who a workspace-scoped CLI command acts as. The operator at the terminal is trusted with the
 * data folder, but every change still goes through the services as one member, with that
 * member's role and in that member's name in the audit log: `--as EMAIL`, or the workspace's
 * first owner.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findUserByEmail, findUserById, type User } from '../workspaces/accounts.service.js';
import {
  findWorkspaces,
  requireMembership,
  type Workspace,
  type WorkspaceAccess,
} from '../workspaces/workspaces.service.js';
import { workspacesRepo } from '../workspaces/workspaces.repo.js';
import { emailSchema } from '../workspaces/workspaces.schemas.js';
import { CliError, parseFlag } from './cli-errors.js';

export interface ActingMember {
  workspace: Workspace;
  user: User;
  access: WorkspaceAccess;
}

/** The help line of `--as`, the same on every command. */
export const AS_HELP =
  "act as this member of the workspace (default: the workspace's first owner); their role applies and the audit log names them";

/** Finds one workspace by id or exact name, or fails with a message saying which. */
export async function findOneWorkspace(db: Kysely<Database>, idOrName: string): Promise<Workspace> {
  const matches = await findWorkspaces(db, idOrName);
  if (matches.length !== 1) {
    throw new CliError(
      matches.length === 0
        ? `No workspace "${idOrName}"`
        : `Several workspaces are named "${idOrName}": use the id`,
    );
  }
  return matches[0]!;
}

/** The member a command acts as in `workspaceIdOrName`: `asEmail`, or the first owner. */
export async function actingMember(
  db: Kysely<Database>,
  workspaceIdOrName: string,
  asEmail: string | undefined,
): Promise<ActingMember> {
  const workspace = await findOneWorkspace(db, workspaceIdOrName);
  return actingMemberIn(db, workspace, asEmail);
}

export async function actingMemberIn(
  db: Kysely<Database>,
  workspace: Workspace,
  asEmail: string | undefined,
): Promise<ActingMember> {
  let user: User | null;
  if (asEmail !== undefined) {
    const email = parseFlag('--as', emailSchema, asEmail);
    user = await findUserByEmail(db, email);
    if (!user) {
      throw new CliError(`No user ${email}`);
    }
  } else {
    const owner = (await workspacesRepo(db).listMembers(workspace.id)).find(
      (member) => member.role === 'owner',
    );
    user = owner ? await findUserById(db, owner.user_id) : null;
    if (!user) {
      throw new CliError(`"${workspace.name}" has no owner: name a member with --as`);
    }
  }
  const member = user;
  const access = await requireMembership(db, member.id, workspace.id).catch(() => {
    throw new CliError(`${member.email} is not a member of "${workspace.name}"`);
  });
  return { workspace, user: member, access };
}

/** The options of a command that acts in one workspace: --workspace, --as, --json, --data. */
export interface WorkspaceCommandOptions {
  workspace: string;
  as?: string;
  json?: boolean;
  data?: string;
}

export const withWorkspaceOptions = (command: Command, json = 'print JSON (the API’s shapes)'): Command =>
  command
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--as <email>', AS_HELP)
    .option('--json', json)
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)');
