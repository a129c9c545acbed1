import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../http/context.js';

/** KPI registry, dashboards data, report generation (HTML, PDF, CSV) and branding. */
export const reportRoutes =
  (_deps: HttpDeps): FastifyPluginAsyncZod =>
  async () => {};
