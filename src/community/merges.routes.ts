import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** Merge suggestions, merges and their undoing. */
export const mergeRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
