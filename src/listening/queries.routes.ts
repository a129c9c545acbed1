import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { workspacesRepo } from '../workspaces/workspaces.repo.js';
import { deleteQuery, listQueries, QUERY_TAGS, saveQuery, updateQuery } from './queries.service.js';
import { testQuery } from './query-test.service.js';
import { authorize } from '../workspaces/policy.js';

const queryOut = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string(),
    tag: z.enum(QUERY_TAGS),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.object({
      status: z.enum(['pending', 'running', 'done', 'failed']),
      scanned: z.number().int(),
      matched: z.number().int(),
      doneAt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  })
  .meta({ id: 'SavedQuery' });

const span = z.object({ start: z.number().int(), end: z.number().int() });

const queryTestOut = z
  .discriminatedUnion('valid', [
    z.object({ valid: z.literal(false), error: z.object({ message: z.string(), position: z.number().int(), end: z.number().int() }) }),
    z.object({
      valid: z.literal(true),
      description: z.string(),
      sample: z
        .object({
          matches: z.boolean(),
          language: z.string(),
          sentiment: z.string(),
          intents: z.array(z.string()),
          highlights: z.array(span),
          terms: z.array(z.object({ query: z.string(), negated: z.boolean(), found: z.boolean(), decisive: z.boolean(), spans: z.array(span) })),
          filters: z.array(
            z.object({
              query: z.string(),
              negated: z.boolean(),
              passed: z.boolean(),
              actual: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
              decisive: z.boolean(),
            }),
          ),
        })
        .optional(),
    }),
  ])
  .meta({ id: 'QueryTest' });

const queryParams = workspaceParams.extend({ queryId: z.string().min(1).max(64) });

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
          params: queryParams,
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

    app.patch(
      `${base}/queries/:queryId`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Rename, retag or rewrite a saved query (new text: its matches are made again, history included)',
          params: queryParams,
          body: z
            .object({ name: z.string().trim().min(1).max(200), query: z.string().min(1).max(10_000), tag: z.enum(QUERY_TAGS) })
            .partial()
            .refine((body) => Object.keys(body).length > 0, 'Give at least one of name, query, tag'),
          response: { 200: queryOut, ...errors },
        },
      },
      async (request) =>
        updateQuery(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.queryId, request.body),
    );

    app.post(
      `${base}/queries/test`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Try a query: whether it parses (if not, the message and the position of the problem), the query in words, and whether a sample text matches and why',
          params: workspaceParams,
          body: z.object({
            query: z.string().min(1).max(10_000),
            text: z.string().min(1).max(20_000).optional(),
            network: z.string().min(1).max(40).optional(),
            author: z.string().min(1).max(300).optional(),
            followers: z.number().int().min(0).optional(),
            language: z.string().min(2).max(3).optional(),
          }),
          response: { 200: queryTestOut, ...errors },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        authorize(access.role, 'listening.read');
        const { query, text, ...sample } = request.body;
        const workspace = await workspacesRepo(db).findById(access.workspaceId);
        const named = workspace ? (JSON.parse(workspace.named_things) as Record<string, string[]>) : {};
        return testQuery(deps.analyzer, query, text === undefined ? undefined : { text, ...sample }, named);
      },
    );
  };
