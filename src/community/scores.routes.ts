import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** Scoring settings and score recomputation. */
export const scoreRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
