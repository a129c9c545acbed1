import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { errors, workspaceParams } from './workspaces.presenters.js';
import { tokenNameSchema } from './workspaces.schemas.js';

const tokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** The caller's own API tokens in a workspace; a token acts with its creator's role there. */
export const tokenRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;

    app.get(
      '/workspaces/:workspaceId/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Your API tokens for this workspace',
          params: workspaceParams,
          response: { 200: z.object({ tokens: z.array(tokenOut) }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return { tokens: await listApiTokens(db, access) };
      },
    );

    app.post(
      '/workspaces/:workspaceId/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token; the secret is in this response only',
          params: workspaceParams,
          body: z.object({ name: tokenNameSchema }),
          response: { 201: z.object({ token: tokenOut, secret: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return reply.status(201).send(await createApiToken(db, clock, access, request.body.name));
      },
    );

    app.delete(
      '/workspaces/:workspaceId/tokens/:tokenId',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Revoke one of your API tokens',
          params: workspaceParams.extend({ tokenId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        await revokeApiToken(db, clock, access, request.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
