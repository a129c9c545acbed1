import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { User } from './accounts.service.js';
import { ROLES } from './roles.js';
import { listWorkspacesOf } from './workspaces.service.js';

/** Path parameters of every workspace-scoped route. */
export const workspaceParams = z.object({ workspaceId: z.string().min(1).max(64) });

/** Response shapes shared by several routes (and so by the OpenAPI document). */
export const roleOut = z.enum(ROLES);

export const userOut = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const sessionOut = z
  .object({
    user: userOut,
    csrfToken: z.string(),
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: roleOut })),
  })
  .meta({ id: 'Session' });
export type SessionOut = z.infer<typeof sessionOut>;

export const workspaceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    languages: z.array(z.string()),
    namedThings: z.object({ brand: z.array(z.string()), products: z.array(z.string()), competitors: z.array(z.string()) }),
    approvalPolicy: z.enum(['none', 'editors']),
    createdAt: z.string(),
    role: roleOut,
  })
  .meta({ id: 'Workspace' });

export const memberOut = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleOut,
  joinedAt: z.string(),
});

export const errorOut = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The common error responses every route documents. */
export const errors = { 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut, 409: errorOut, 429: errorOut, 502: errorOut };

export async function presentSession(db: Kysely<Database>, user: User, csrfToken: string): Promise<SessionOut> {
  const workspaces = await listWorkspacesOf(db, user.id);
  return { user, csrfToken, workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })) };
}
