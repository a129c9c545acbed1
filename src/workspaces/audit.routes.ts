import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { listAudit } from './audit.service.js';
import { errors, workspaceParams } from './workspaces.presenters.js';

const entryOut = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workspaces/:workspaceId/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Who did what, newest first (owner, admin); page with `before`',
          params: workspaceParams,
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            before: z.string().min(1).max(64).optional(),
          }),
          response: { 200: z.object({ entries: z.array(entryOut), nextBefore: z.string().nullable() }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return listAudit(deps.db, access, request.query);
      },
    );
  };
