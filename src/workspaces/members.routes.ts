import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, memberOut, workspaceParams } from './workspaces.presenters.js';
import { roleSchema } from './workspaces.schemas.js';
import { changeMemberRole, listMembers, removeMember } from './workspaces.service.js';

const memberParams = workspaceParams.extend({ userId: z.string().min(1).max(64) });

export const memberRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;

    app.get(
      '/workspaces/:workspaceId/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Members and their roles',
          params: workspaceParams,
          response: { 200: z.object({ members: z.array(memberOut) }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return { members: await listMembers(db, access) };
      },
    );

    app.patch(
      '/workspaces/:workspaceId/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary: "Change a member's role (owner, admin; never above one's own)",
          params: memberParams,
          body: z.object({ role: roleSchema }),
          response: { 200: memberOut, ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return changeMemberRole(db, clock, access, { userId: request.params.userId, role: request.body.role });
      },
    );

    app.delete(
      '/workspaces/:workspaceId/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary: 'Remove a member (owner, admin), or leave (anyone, for oneself)',
          params: memberParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        await removeMember(db, clock, access, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
