import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../../http/context.js';

/** Alert rules, fired alerts and backtests. */
export const alertRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
