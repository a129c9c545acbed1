import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** Report schedules and their deliveries. */
export const reportScheduleRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
