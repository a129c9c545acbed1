import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { INTENT_LABELS } from '../analysis/types.js';
import { searchMentions, type MentionSelection } from './mentions.service.js';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

const span = z.object({ start: z.number().int(), end: z.number().int() });

const mentionOut = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    network: z.string(),
    externalId: z.string(),
    url: z.string().nullable(),
    author: z.object({
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().int().nullable(),
    }),
    text: z.string(),
    language: z.string(),
    createdAt: z.string(),
    ingestedAt: z.string(),
    likes: z.number().int().nullable(),
    reposts: z.number().int().nullable(),
    replies: z.number().int().nullable(),
    sentiment: z
      .object({ label: z.enum(SENTIMENTS), scores: z.record(z.enum(SENTIMENTS), z.number()) })
      .nullable(),
    offensive: z.boolean(),
    spam: z.boolean(),
    intents: z.array(z.enum(INTENT_LABELS)),
    hasLink: z.boolean(),
    hasImage: z.boolean(),
    why: z
      .object({
        highlights: z.array(span),
        terms: z.array(z.object({ query: z.string(), spans: z.array(span) })),
      })
      .optional(),
  })
  .meta({ id: 'Mention' });

/** A comma-separated list in a query string. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : undefined,
    )
    .pipe(z.array(item).max(20).optional());

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/** The stream's filters in a query string (shared with its statistics). */
export const selectionQuerystring = z.object({
  text: z.string().max(500).optional(),
  query: z.string().max(10_000).optional(),
  queryId: z.string().min(1).max(64).optional(),
  network: list(z.string().max(40)),
  language: list(z.string().max(10)),
  sentiment: list(z.enum(SENTIMENTS)),
  intent: list(z.enum(INTENT_LABELS)),
  source: z.string().min(1).max(64).optional(),
  since: instant.optional(),
  until: instant.optional(),
});

/** The query string's filters as the service takes them. */
export function selectionOf(query: z.output<typeof selectionQuerystring>): MentionSelection {
  const { network, language, sentiment, intent, source, ...rest } = query;
  return { ...rest, networks: network, languages: language, sentiments: sentiment, intents: intent, sourceId: source };
}

/** The mentions stream: full-text search, a listening query with why each item matched, and filters. */
export const mentionsRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;

    app.get(
      '/workspaces/:workspaceId/mentions',
      {
        schema: {
          tags: ['listening'],
          summary:
            'The mentions stream, newest first: full-text search (text), a listening query (query, with why each matched), a saved query (queryId, with why it matched), filters (network, language, sentiment, intent, source, dates)',
          params: workspaceParams,
          querystring: selectionQuerystring.extend({
            limit: z.coerce.number().int().min(1).max(200).optional(),
            cursor: z.string().max(500).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(mentionOut),
              nextCursor: z.string().nullable(),
              scanned: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const { limit, cursor, ...selection } = request.query;
        return searchMentions(db, access, { ...selectionOf(selection), limit, cursor });
      },
    );
  };
