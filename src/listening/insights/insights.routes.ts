import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../../http/auth.js';
import type { HttpDeps } from '../../http/context.js';
import { errors, workspaceParams } from '../../workspaces/workspaces.presenters.js';
import { competitorReport } from './competitor-report.service.js';
import {
  addCompetitor,
  getCompetitor,
  listCompetitors,
  removeCompetitor,
  updateCompetitor,
} from './competitors.service.js';
import {
  competitorIn,
  competitorOut,
  competitorPatch,
  periodQuery,
  reportOut,
  sovOut,
  sovQuery,
  suggestionOut,
  trendsOut,
  trendsQuery,
} from './insights.schemas.js';
import { shareOfVoice } from './share-of-voice.service.js';
import { trendsFor } from './trends.service.js';

const competitorParams = workspaceParams.extend({ competitorId: z.string().min(1).max(64) });

/** Trends and competitors. */
export const insightsRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/listening';

    app.get(
      `${base}/trends`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Terms, bigrams and hashtags rising in the recent window against the baseline (per hour), with the score formula and sample posts',
          params: workspaceParams,
          querystring: trendsQuery,
          response: { 200: trendsOut, ...errors },
        },
      },
      async (request) => {
        const { bigrams, ...options } = request.query;
        return trendsFor(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), {
          ...options,
          ...(bigrams === undefined ? {} : { bigrams: bigrams === 'true' }),
        });
      },
    );

    app.get(
      `${base}/competitors`,
      {
        schema: {
          tags: ['listening'],
          summary: 'The workspace’s competitors, and suggestions from its named competitors not added yet',
          params: workspaceParams,
          response: {
            200: z.object({ competitors: z.array(competitorOut), suggestions: z.array(suggestionOut) }),
            ...errors,
          },
        },
      },
      async (request) =>
        listCompetitors(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.post(
      `${base}/competitors`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Add a competitor: its accounts (network + handle) and a saved query (queryId) or query text',
          params: workspaceParams,
          body: competitorIn,
          response: { 201: z.object({ competitor: competitorOut }), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        return reply.status(201).send({ competitor: await addCompetitor(db, clock, access, request.body) });
      },
    );

    app.get(
      `${base}/competitors/:competitorId`,
      {
        schema: {
          tags: ['listening'],
          summary: 'One competitor',
          params: competitorParams,
          response: { 200: z.object({ competitor: competitorOut }), ...errors },
        },
      },
      async (request) => ({
        competitor: await getCompetitor(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.competitorId,
        ),
      }),
    );

    app.patch(
      `${base}/competitors/:competitorId`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Change a competitor; a queryId replaces its query text and the other way round (null removes)',
          params: competitorParams,
          body: competitorPatch,
          response: { 200: z.object({ competitor: competitorOut }), ...errors },
        },
      },
      async (request) => ({
        competitor: await updateCompetitor(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.competitorId,
          request.body,
        ),
      }),
    );

    app.delete(
      `${base}/competitors/:competitorId`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Stop watching a competitor',
          params: competitorParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeCompetitor(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.competitorId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/competitors/:competitorId/report`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'A competitor’s own posts (its accounts among stored mentions): rhythm in the workspace’s time zone, engagement, top posts',
          params: competitorParams,
          querystring: periodQuery,
          response: { 200: reportOut, ...errors },
        },
      },
      async (request) =>
        competitorReport(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.competitorId,
          request.query,
        ),
    );

    app.get(
      `${base}/share-of-voice`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Share of voice of the brand and each competitor, weighted by mentions, engagement or reach, with the formula and the counts',
          params: workspaceParams,
          querystring: sovQuery,
          response: { 200: sovOut, ...errors },
        },
      },
      async (request) =>
        shareOfVoice(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.query,
        ),
    );
  };
