import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { addSources, originalityStats, removeSource } from './originality.service.js';

const kindSchema = z.enum(['own', 'competitor', 'ingested']);

export const sourceInSchema = z.object({
  id: z.string().trim().min(1, { message: 'Empty id' }).max(300),
  text: z.string().min(1, { message: 'Empty text' }).max(70_000),
  kind: kindSchema.default('competitor'),
  label: z.string().max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2_000).optional(),
});

/** What the originality guardrail compares against: the workspace's sources (own, competitor, ingested). */
export const originalityRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/originality';

    app.get(
      base,
      {
        schema: {
          tags: ['guardrails'],
          summary: 'How many sources the originality check compares against, by kind',
          params: workspaceParams,
          response: {
            200: z.object({ total: z.number().int(), byKind: z.object({ own: z.number().int(), competitor: z.number().int(), ingested: z.number().int() }) }),
            ...errors,
          },
        },
      },
      async (request) => originalityStats(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.post(
      `${base}/sources`,
      {
        schema: {
          tags: ['guardrails'],
          summary: 'Add or replace sources to compare against (competitor posts, our archive); the text itself is not stored',
          params: workspaceParams,
          body: z.object({ sources: z.array(sourceInSchema).min(1).max(1_000) }),
          response: {
            200: z.object({ indexed: z.number().int(), skipped: z.array(z.object({ id: z.string(), reason: z.string() })) }),
            ...errors,
          },
        },
      },
      async (request) =>
        addSources(db, clock, deps.originality, await requireWorkspace(request, deps, request.params.workspaceId), request.body.sources),
    );

    app.delete(
      `${base}/sources/:sourceId`,
      {
        schema: {
          tags: ['guardrails'],
          summary: 'Stop comparing against a source',
          params: workspaceParams.extend({ sourceId: z.string().min(1).max(300) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeSource(db, clock, deps.originality, await requireWorkspace(request, deps, request.params.workspaceId), request.params.sourceId);
        return reply.status(204).send(null);
      },
    );
  };
