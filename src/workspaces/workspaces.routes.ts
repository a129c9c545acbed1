import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSessionUser, requireUser, requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { auditRoutes } from './audit.routes.js';
import { houseStyleRoutes } from './house-style.routes.js';
import { invitationRoutes } from './invitations.routes.js';
import { memberRoutes } from './members.routes.js';
import { tokenRoutes } from './tokens.routes.js';
import { errors, workspaceOut, workspaceParams } from './workspaces.presenters.js';
import { languagesSchema, namedThingsSchema, timeZoneSchema, workspaceNameSchema } from './workspaces.schemas.js';
import { createWorkspace, getWorkspace, listWorkspacesOf, updateWorkspace } from './workspaces.service.js';

/** Workspaces (brands) and everything scoped to one: members, invitations, API tokens, audit log. */
export const workspaceRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;

    app.get(
      '/workspaces',
      {
        schema: {
          tags: ['workspaces'],
          summary: 'The workspaces of the caller (an API token sees its own only)',
          response: { 200: z.object({ workspaces: z.array(workspaceOut) }), ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const all = await listWorkspacesOf(db, user.id);
        const principal = request.principal;
        const visible = principal?.kind === 'token' ? all.filter((w) => w.id === principal.token.workspaceId) : all;
        return { workspaces: visible };
      },
    );

    app.post(
      '/workspaces',
      {
        schema: {
          tags: ['workspaces'],
          summary: 'Create a workspace; the caller becomes its owner (browser session only)',
          body: z.object({ name: workspaceNameSchema, timeZone: timeZoneSchema, languages: languagesSchema }),
          response: { 201: workspaceOut, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireSessionUser(request);
        const workspace = await createWorkspace(db, clock, { ownerUserId: user.id, settings: request.body });
        return reply.status(201).send({ ...workspace, role: 'owner' as const });
      },
    );

    app.get(
      '/workspaces/:workspaceId',
      { schema: { tags: ['workspaces'], summary: 'One workspace', params: workspaceParams, response: { 200: workspaceOut, ...errors } } },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return { ...(await getWorkspace(db, access)), role: access.role };
      },
    );

    app.patch(
      '/workspaces/:workspaceId',
      {
        schema: {
          tags: ['workspaces'],
          summary: 'Change name, time zone, languages, named things (brand, products, competitors) or the approval policy (owner, admin)',
          params: workspaceParams,
          body: z
            .object({
              name: workspaceNameSchema,
              timeZone: timeZoneSchema,
              languages: languagesSchema,
              namedThings: namedThingsSchema,
              approvalPolicy: z.enum(['none', 'editors']),
            })
            .partial()
            .refine((changes) => Object.keys(changes).length > 0, {
              message: 'Nothing to change: send name, timeZone, languages, namedThings or approvalPolicy',
            }),
          response: { 200: workspaceOut, ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return { ...(await updateWorkspace(db, clock, access, request.body)), role: access.role };
      },
    );

    await app.register(memberRoutes(deps));
    await app.register(invitationRoutes(deps));
    await app.register(tokenRoutes(deps));
    await app.register(auditRoutes(deps));
    await app.register(houseStyleRoutes(deps));
  };
