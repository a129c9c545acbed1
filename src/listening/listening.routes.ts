import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';
import { ingestRoutes } from './ingest.routes.js';
import { mentionsRoutes } from './mentions.routes.js';
import { queriesRoutes } from './queries.routes.js';
import { sourcesRoutes } from './sources.routes.js';

/** Listening: sources, the mentions stream and its search, saved queries, and the ingest webhook. */
export const listeningRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(ingestRoutes(deps));
    await app.register(sourcesRoutes(deps));
    await app.register(mentionsRoutes(deps));
    await app.register(queriesRoutes(deps));
  };
