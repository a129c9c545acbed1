import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../../http/auth.js';
import type { HttpDeps } from '../../http/context.js';
import { errors, workspaceParams } from '../../workspaces/workspaces.presenters.js';
import { selectionOf, selectionQuerystring } from '../mentions.routes.js';
import { mentionStats } from './stats.service.js';

const count = z.number().int();

const statsOut = z
  .object({
    interval: z.enum(['hour', 'day']),
    timeZone: z.string(),
    since: z.string(),
    until: z.string(),
    total: count,
    buckets: z.array(
      z.object({ start: z.string(), total: count, negative: count, neutral: count, positive: count, unknown: count }),
    ),
    authors: z.array(
      z.object({ handle: z.string(), name: z.string().nullable(), count, followers: count.nullable() }),
    ),
    terms: z.array(z.object({ term: z.string(), count })),
    termsSample: count,
    complete: z.boolean(),
  })
  .meta({ id: 'MentionStats' });

/** Counts over time, top authors and top terms of the mentions stream. */
export const statsRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workspaces/:workspaceId/mentions/stats',
      {
        schema: {
          tags: ['listening'],
          summary:
            'Statistics of the mentions stream for the same filters: counts per hour (UTC) or per day (in timeZone, default the workspace’s) split by sentiment, top authors, top terms (of the newest 2,000)',
          params: workspaceParams,
          querystring: selectionQuerystring.extend({
            interval: z.enum(['hour', 'day']).optional(),
            timeZone: z.string().min(1).max(100).optional(),
          }),
          response: { 200: statsOut, ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const { interval, timeZone, ...selection } = request.query;
        return mentionStats(deps.db, deps.clock, access, { ...selectionOf(selection), interval, timeZone });
      },
    );
  };
