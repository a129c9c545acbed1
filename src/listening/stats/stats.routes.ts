import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../../http/context.js';

/** Counts over time, top authors and top terms of the mentions stream. */
export const statsRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
