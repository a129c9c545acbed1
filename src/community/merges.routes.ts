import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { authorize } from '../workspaces/policy.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { presentPeopleById } from './merges/merges.presenter.js';
import { personSummaryOut } from './people.schemas.js';
import {
  confirmSuggestion,
  listSuggestions,
  mergeManually,
  refreshSuggestions,
  rejectSuggestion,
  undoMergeAs,
} from './merges/merges.service.js';

const id = z.string().min(1).max(64);
const reasonOut = z.object({ code: z.string(), detail: z.string() });
const mergeOut = z.object({
  merge: z.object({ id: z.string(), keptPersonId: z.string(), mergedPersonId: z.string() }),
});
const suggestionOut = z.object({
  id: z.string(),
  a: personSummaryOut,
  b: personSummaryOut,
  reasons: z.array(reasonOut),
  strength: z.number(),
  status: z.enum(['pending', 'confirmed', 'rejected']),
  createdAt: z.string(),
});
const suggestionParams = workspaceParams.extend({ suggestionId: id });

/** Merge suggestions, merges and their undoing. */
export const mergeRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/community';

    app.get(
      `${base}/merge-suggestions`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Merge suggestions across networks, strongest first, each with its reasons in words (pending: only while both people are still separate)',
          params: workspaceParams,
          querystring: z.object({
            status: z.enum(['pending', 'confirmed', 'rejected']).default('pending'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ suggestions: z.array(suggestionOut) }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const suggestions = await listSuggestions(db, access, request.query.status, request.query.limit);
        const people = await presentPeopleById(
          db,
          suggestions.flatMap((s) => [s.personAId, s.personBId]),
        );
        return {
          suggestions: suggestions.flatMap(({ personAId, personBId, ...s }) => {
            const a = people.get(personAId);
            const b = people.get(personBId);
            return a && b ? [{ ...s, a, b }] : [];
          }),
        };
      },
    );

    app.post(
      `${base}/merge-suggestions/refresh`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Look for new merge suggestions now (an hourly job does it too); pairs already decided are never suggested again',
          params: workspaceParams,
          response: { 200: z.object({ created: z.number() }), ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        authorize(access.role, 'community.manage');
        return refreshSuggestions(db, clock, access.workspaceId);
      },
    );

    app.post(
      `${base}/merge-suggestions/:suggestionId/confirm`,
      {
        schema: {
          tags: ['community'],
          summary:
            'They are the same person: merge them, into the one with more history unless keepPersonId says which (409 when already decided)',
          params: suggestionParams,
          body: z.object({ keepPersonId: id.optional() }).nullish(),
          response: { 200: mergeOut, ...errors },
        },
      },
      async (request) => ({
        merge: await confirmSuggestion(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.suggestionId,
          request.body?.keepPersonId,
        ),
      }),
    );

    app.post(
      `${base}/merge-suggestions/:suggestionId/reject`,
      {
        schema: {
          tags: ['community'],
          summary: 'Not the same person: the pair is never suggested again',
          params: suggestionParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await rejectSuggestion(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.suggestionId,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/people/:personId/merge`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Merge another person into this one, suggested or not (two accounts on one network too): identities, activities and notes move here; undoable',
          params: workspaceParams.extend({ personId: id }),
          body: z.object({ otherPersonId: id }),
          response: { 200: mergeOut, ...errors },
        },
      },
      async (request) => ({
        merge: await mergeManually(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
          request.body.otherPersonId,
        ),
      }),
    );

    app.post(
      `${base}/merges/:mergeId/undo`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Undo a merge: its identities and their activities go back. 409 when already undone, or when the kept person was later merged into someone else (undo that first)',
          params: workspaceParams.extend({ mergeId: id }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await undoMergeAs(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.mergeId,
        );
        return reply.status(204).send(null);
      },
    );
  };
