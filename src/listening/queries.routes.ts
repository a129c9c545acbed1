import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { deleteQuery, listQueries, QUERY_TAGS, saveQuery } from './queries.service.js';

const queryOut = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string(),
    tag: z.enum(QUERY_TAGS),
    createdAt: z.string(),
  })
  .meta({ id: 'SavedQuery' });

/** Saved listening queries. */
export const queriesRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/listening';

    app.get(
      `${base}/queries`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Saved queries',
          params: workspaceParams,
          response: { 200: z.object({ queries: z.array(queryOut) }), ...errors },
        },
      },
      async (request) => ({
        queries: await listQueries(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      `${base}/queries`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Save a query (checked now: a syntax error says where); mentions stored from now on are matched against it',
          params: workspaceParams,
          body: z.object({
            name: z.string().trim().min(1).max(200),
            query: z.string().min(1).max(10_000),
            tag: z.enum(QUERY_TAGS).default('topic'),
          }),
          response: { 201: queryOut, ...errors },
        },
      },
      async (request, reply) => {
        const saved = await saveQuery(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
        );
        return reply.status(201).send(saved);
      },
    );

    app.delete(
      `${base}/queries/:queryId`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Delete a saved query',
          params: workspaceParams.extend({ queryId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteQuery(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.queryId,
        );
        return reply.status(204).send(null);
      },
    );
  };
