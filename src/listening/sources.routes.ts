import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { blueskySettingsSchema, mastodonSettingsSchema } from './sources/source-settings.js';
import { addSource, listSources, pollSourceNow, removeSource } from './sources.service.js';

const sourceOut = z
  .object({
    id: z.string(),
    kind: z.enum(['rss', 'webhook', 'import', 'bluesky', 'mastodon']),
    name: z.string(),
    url: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()).nullable(),
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
  z.object({
    kind: z.literal('bluesky'),
    name: z.string().trim().min(1).max(200).optional(),
    settings: blueskySettingsSchema,
    startCursor: z.number().int().min(0).optional(),
  }),
  z.object({
    kind: z.literal('mastodon'),
    name: z.string().trim().min(1).max(200).optional(),
    settings: mastodonSettingsSchema,
    pollIntervalMinutes: z.number().int().min(5).max(1_440).optional(),
  }),
]);

const sourceParams = workspaceParams.extend({ sourceId: z.string().min(1).max(64) });

/** Listening sources: feeds to poll, webhooks to push to, imports, and their health. */
export const sourcesRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/listening';

    app.get(
      `${base}/sources`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'The workspace’s listening sources, with their health (last error, next poll, items stored)',
          params: workspaceParams,
          response: { 200: z.object({ sources: z.array(sourceOut) }), ...errors },
        },
      },
      async (request) => ({
        sources: await listSources(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      `${base}/sources`,
      {
        schema: {
          tags: ['listening'],
          summary:
            'Add a source: an RSS / Atom / JSON feed to poll, a webhook to push to (its secret is shown once), an import, ' +
            'a Bluesky stream (keywords, mentions of the connected accounts) or Mastodon hashtags and mentions',
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
        await removeSource(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.sourceId,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/sources/:sourceId/poll`,
      {
        schema: {
          tags: ['listening'],
          summary: 'Poll a feed or Mastodon source at the next minute instead of waiting for its interval',
          params: sourceParams,
          response: { 200: z.object({ source: sourceOut }), ...errors },
        },
      },
      async (request) => ({
        source: await pollSourceNow(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.sourceId,
        ),
      }),
    );
  };
