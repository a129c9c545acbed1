import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pendingMigrations } from '../db/migrator.js';
import type { HttpDeps } from './context.js';

/** Liveness (the process answers) and readiness (database reachable, schema up to date). */
export const healthRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } }, () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          response: {
            200: z.object({ status: z.literal('ready'), database: z.string() }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (request, reply) => {
        try {
          await sql`select 1`.execute(deps.db);
          const pending = await pendingMigrations(deps.db);
          if (pending.length > 0) {
            return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations pending: ${pending.join(', ')}` });
          }
          return { status: 'ready' as const, database: deps.dialect };
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
          return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
        }
      },
    );
  };
