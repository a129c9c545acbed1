import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../core/errors.js';
import type { HttpDeps } from '../http/context.js';
import { errorOut, errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import {
  ingestSigned,
  SIGNATURE_HEADER,
  SOURCE_HEADER,
  TIMESTAMP_HEADER,
  TooManyItemsError,
} from './webhook-ingest.service.js';

/** Bodies above this are refused with 413 before being read further. */
export const MAX_INGEST_BYTES = 5 * 1024 * 1024;

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for signatures over the exact bytes (set only by the ingest route's parser). */
    rawBody?: string;
  }
}

/**
 * POST /workspaces/:id/ingest, authenticated by its HMAC signature instead of a session or a token.
 * Its own plugin: JSON bodies are parsed here by a parser that also keeps the raw text, because the
 * signature covers the exact bytes sent (re-serialising parsed JSON would not reproduce them).
 */
export const ingestRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: MAX_INGEST_BYTES },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        request.rawBody = text;
        try {
          done(null, JSON.parse(text) as unknown);
        } catch {
          done(invalid('body', 'Not valid JSON'), undefined);
        }
      },
    );

    app.post(
      '/workspaces/:workspaceId/ingest',
      {
        bodyLimit: MAX_INGEST_BYTES,
        schema: {
          tags: ['listening'],
          summary:
            'Push items to a webhook source: JSON {"items": [{id, network, author, authorName, text, createdAt, url, likes, reposts, replies, followers}]}, ' +
            'signed: X-Hearth-Source, X-Hearth-Timestamp, X-Hearth-Signature: sha256=HMAC(secret, timestamp + "." + body)',
          params: workspaceParams,
          headers: z.object({
            [SOURCE_HEADER]: z.string().max(64).optional(),
            [TIMESTAMP_HEADER]: z.string().max(20).optional(),
            [SIGNATURE_HEADER]: z.string().max(200).optional(),
          }),
          // Items are checked one by one by the ingestion (each refused with its reason), not here.
          body: z.object({
            items: z
              .array(z.unknown(), { error: 'must be an array of items: {"items": [ … ]}' })
              .describe('Items of the import format (docs/LISTENING.md)'),
          }),
          response: {
            200: z.object({
              received: z.number().int(),
              stored: z.number().int(),
              duplicates: z.number().int(),
              updated: z.number().int(),
              rejected: z.array(
                z.object({ index: z.number().int(), id: z.string().nullable(), reason: z.string() }),
              ),
            }),
            413: errorOut,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        try {
          return await ingestSigned(
            {
              db: deps.db,
              clock: deps.clock,
              logger: deps.logger,
              analyzer: deps.analyzer,
              originality: deps.originality,
              secrets: deps.publishing.secrets,
            },
            {
              workspaceId: request.params.workspaceId,
              sourceId: header(request.headers[SOURCE_HEADER]),
              timestamp: header(request.headers[TIMESTAMP_HEADER]),
              signature: header(request.headers[SIGNATURE_HEADER]),
              rawBody: request.rawBody ?? '',
            },
          );
        } catch (error) {
          if (error instanceof TooManyItemsError) {
            return reply.status(413).send({ error: { code: 'too_many_items', message: error.message } });
          }
          throw error;
        }
      },
    );
  };
