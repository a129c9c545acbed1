import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import { conflict } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { createUser, type User } from './accounts.service.js';
import { usersRepo } from './users.repo.js';
import { insertWorkspaceWithOwner, type Workspace, type WorkspaceSettings } from './workspaces.service.js';

/** First run: true while the database has no user at all. */
export async function needsSetup(db: Kysely<Database>): Promise<boolean> {
  return (await usersRepo(db).count()) === 0;
}

/** Creates the owner account and the first workspace, atomically; refused once anyone exists. */
export async function runSetup(
  db: Kysely<Database>,
  clock: Clock,
  props: { owner: { email: string; name: string; password: string }; workspace: WorkspaceSettings },
): Promise<{ user: User; workspace: Workspace }> {
  return db.transaction().execute(async (trx) => {
    if (!(await needsSetup(trx))) {
      throw conflict('Hearth is already set up: sign in instead');
    }
    const user = await createUser(trx, clock, { ...props.owner });
    const workspace = await insertWorkspaceWithOwner(trx, clock, { ownerUserId: user.id, settings: props.workspace });
    return { user, workspace };
  });
}
