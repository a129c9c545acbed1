import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** People, identities, activities, notes, stage, export and forget (community CRM). */
export const communityRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
