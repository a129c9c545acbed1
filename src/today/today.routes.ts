import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** Today: the prioritised list of what to do now. */
export const todayRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
