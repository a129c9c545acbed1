import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../../http/context.js';

/** Trends and competitors. */
export const insightsRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
