import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { getScoringSettings, rescoreWorkspace, updateScoringSettings } from './scores/scores.service.js';
import { scoringSettingsSchema } from './scores/settings.js';

const scoringOut = z
  .object({
    weights: z.record(z.string(), z.number()),
    monthlyDecay: z.number(),
    monthlyCap: z.number().nullable(),
    levels: z.object({ participating: z.number(), contributing: z.number(), leading: z.number() }),
  })
  .meta({ id: 'ScoringSettings' });

/** Scoring settings and score recomputation. */
export const scoreRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/community';

    app.get(
      `${base}/scoring`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Scoring settings: weight per activity type, monthly decay, monthly cap (null: none) and the engagement value each level starts at',
          params: workspaceParams,
          response: { 200: scoringOut, ...errors },
        },
      },
      async (request) =>
        getScoringSettings(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.put(
      `${base}/scoring`,
      {
        schema: {
          tags: ['community'],
          summary: 'Replace the scoring settings (every field); the workspace is rescored with them',
          params: workspaceParams,
          body: scoringSettingsSchema,
          response: { 200: scoringOut, ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return (await updateScoringSettings(db, clock, access, request.body)).settings;
      },
    );

    app.post(
      `${base}/scores/recompute`,
      {
        schema: {
          tags: ['community'],
          summary: 'Recompute every person’s scores now (also done every 15 minutes by the worker)',
          params: workspaceParams,
          response: { 200: z.object({ scored: z.number().int() }), ...errors },
        },
      },
      async (request) =>
        rescoreWorkspace(db, clock, await requireWorkspace(request, deps, request.params.workspaceId)),
    );
  };
