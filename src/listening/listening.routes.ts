import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INTENT_LABELS } from '../analysis/types.js';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { ingestRoutes } from './ingest.routes.js';
import { searchMentions } from './mentions.service.js';
import { deleteQuery, listQueries, QUERY_TAGS, saveQuery } from './queries.service.js';
import { addSource, listSources, pollSourceNow, removeSource } from './sources.service.js';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

const sourceOut = z
  .object({
    id: z.string(),
    kind: z.enum(['rss', 'webhook', 'import', 'bluesky', 'mastodon']),
    name: z.string(),
    url: z.string().nullable(),
    status: z.enum(['pending', 'ok', 'failing', 'idle']),
    pollIntervalMinutes: z.number().nullable(),
    nextPollAt: z.string().nullable(),
    lastPolledAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    errorCount: z.number().int(),
    itemsStored: z.number().int(),
    lastItemAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ListeningSource' });

const sourceIn = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rss'),
    url: z.url({ protocol: /^https?$/ }).max(2_000),
    name: z.string().trim().min(1).max(200).optional(),
    pollIntervalMinutes: z.number().int().min(5).max(1_440).optional(),
  }),
  z.object({ kind: z.literal('webhook'), name: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('import'), name: z.string().trim().min(1).max(200) }),
]);

const span = z.object({ start: z.number().int(), end: z.number().int() });

const mentionOut = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    network: z.string(),
    externalId: z.string(),
    url: z.string().nullable(),
    author: z.object({ handle: z.string().nullable(), name: z.string().nullable(), followers: z.number().int().nullable() }),
    text: z.string(),
    language: z.string(),
    createdAt: z.string(),
    ingestedAt: z.string(),
    likes: z.number().int().nullable(),
    reposts: z.number().int().nullable(),
    replies: z.number().int().nullable(),
    sentiment: z.object({ label: z.enum(SENTIMENTS), scores: z.record(z.enum(SENTIMENTS), z.number()) }).nullable(),
    offensive: z.boolean(),
    spam: z.boolean(),
    intents: z.array(z.enum(INTENT_LABELS)),
    hasLink: z.boolean(),
    hasImage: z.boolean(),
    why: z.object({ highlights: z.array(span), terms: z.array(z.object({ query: z.string(), spans: z.array(span) })) }).optional(),
  })
  .meta({ id: 'Mention' });

const queryOut = z
  .object({ id: z.string(), name: z.string(), query: z.string(), tag: z.enum(QUERY_TAGS), createdAt: z.string() })
  .meta({ id: 'SavedQuery' });

/** A comma-separated list in a query string. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .optional()
    .transform((value) => (value ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : undefined))
    .pipe(z.array(item).max(20).optional());

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

const sourceParams = workspaceParams.extend({ sourceId: z.string().min(1).max(64) });

/** Listening: sources, the mentions stream and its search, saved queries, and the ingest webhook. */
export const listeningRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/listening';

    await app.register(ingestRoutes(deps));

    app.get(
      `${base}/sources`,
      {
        schema: {
          tags: ['listening'],
          summary: 'The workspace’s listening sources, with their health (last error, next poll, items stored)',
          params: workspaceParams,
          response: { 200: z.object({ sources: z.array(sourceOut) }), ...errors },
        },
      },
      async (request) => ({ sources: await listSources(db, await requireWorkspace(request, deps, request.params.workspaceId)) }),
    );

    app.post(
      `${base}/sources`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Add a source: an RSS / Atom / JSON feed to poll, a webhook to push to (its secret is shown once), or an import',
          params: workspaceParams,
          body: sourceIn,
          response: { 201: z.object({ source: sourceOut, secret: z.string().optional() }), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const added = await addSource({ db, clock, secrets: deps.publishing.secrets }, access, request.body);
        return reply.status(201).send(added);
      },
    );

    app.delete(
      `${base}/sources/:sourceId`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Stop listening to a source (what it brought stays)',
          params: sourceParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeSource(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.sourceId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/sources/:sourceId/poll`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Poll a feed at the next minute instead of waiting for its interval',
          params: sourceParams,
          response: { 200: z.object({ source: sourceOut }), ...errors },
        },
      },
      async (request) => ({
        source: await pollSourceNow(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.sourceId),
      }),
    );

    app.get(
      '/workspaces/:workspaceId/mentions',
      {
        schema: {
          tags: ['listening'],
          summary: 'The mentions stream, newest first: full-text search (text), a listening query (query, with why each matched), filters',
          params: workspaceParams,
          querystring: z.object({
            text: z.string().max(500).optional(),
            query: z.string().max(10_000).optional(),
            network: list(z.string().max(40)),
            language: list(z.string().max(10)),
            sentiment: list(z.enum(SENTIMENTS)),
            source: z.string().min(1).max(64).optional(),
            since: instant.optional(),
            until: instant.optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
            cursor: z.string().max(500).optional(),
          }),
          response: {
            200: z.object({ items: z.array(mentionOut), nextCursor: z.string().nullable(), scanned: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const { network, language, sentiment, source, ...rest } = request.query;
        return searchMentions(db, access, { ...rest, networks: network, languages: language, sentiments: sentiment, sourceId: source });
      },
    );

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
      async (request) => ({ queries: await listQueries(db, await requireWorkspace(request, deps, request.params.workspaceId)) }),
    );

    app.post(
      `${base}/queries`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Save a query (checked now: a syntax error says where); mentions stored from now on are matched against it',
          params: workspaceParams,
          body: z.object({ name: z.string().trim().min(1).max(200), query: z.string().min(1).max(10_000), tag: z.enum(QUERY_TAGS).default('topic') }),
          response: { 201: queryOut, ...errors },
        },
      },
      async (request, reply) => {
        const saved = await saveQuery(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.body);
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
        await deleteQuery(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.queryId);
        return reply.status(204).send(null);
      },
    );
  };
