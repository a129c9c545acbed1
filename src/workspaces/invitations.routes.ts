import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.service.js';
import { errors, roleOut, workspaceParams } from './workspaces.presenters.js';
import { emailSchema, roleSchema } from './workspaces.schemas.js';

const invitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: roleOut,
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.object({ id: z.string(), name: z.string() }),
});

/** Invitations are links an admin copies and hands over; Hearth does not send e-mail for them. */
export const invitationRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;

    app.get(
      '/workspaces/:workspaceId/invitations',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Pending invitations (owner, admin)',
          params: workspaceParams,
          response: { 200: z.object({ invitations: z.array(invitationOut) }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return { invitations: await listInvitations(db, clock, access) };
      },
    );

    app.post(
      '/workspaces/:workspaceId/invitations',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Invite someone by e-mail; returns the link to give them (shown once)',
          params: workspaceParams,
          body: z.object({ email: emailSchema, role: roleSchema }),
          response: { 201: z.object({ invitation: invitationOut, url: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const { invitation, token } = await createInvitation(db, clock, access, request.body);
        const origin = deps.options.publicUrl ?? `${request.protocol}://${request.host}`;
        return reply.status(201).send({ invitation, url: `${origin}/invite/${token}` });
      },
    );

    app.delete(
      '/workspaces/:workspaceId/invitations/:invitationId',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Revoke a pending invitation (owner, admin)',
          params: workspaceParams.extend({ invitationId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        await revokeInvitation(db, clock, access, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );
  };
