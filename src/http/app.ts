import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { newId } from '../core/ids.js';
import { workspaceRoutes } from '../workspaces/workspaces.routes.js';
import { analyzeRoutes } from './analyze.routes.js';
import { checkRoutes } from './check.routes.js';
import { originalityRoutes } from '../originality/originality.routes.js';
import { listeningRoutes } from '../listening/listening.routes.js';
import { alertRoutes } from '../listening/alerts/alerts.routes.js';
import { insightsRoutes } from '../listening/insights/insights.routes.js';
import { statsRoutes } from '../listening/stats/stats.routes.js';
import { inboxRoutes } from '../inbox/inbox.routes.js';
import { communityRoutes } from '../community/community.routes.js';
import { mergeRoutes } from '../community/merges.routes.js';
import { scoreRoutes } from '../community/scores.routes.js';
import { reportRoutes } from '../reports/reports.routes.js';
import { reportScheduleRoutes } from '../reports/schedules.routes.js';
import { todayRoutes } from '../today/today.routes.js';
import { publishingAccountRoutes } from '../publishing/accounts.routes.js';
import { postRoutes } from '../publishing/posts.routes.js';
import { accountRoutes } from '../workspaces/accounts.routes.js';
import { installAuthentication } from './auth.js';
import type { HttpDeps } from './context.js';
import { installErrorHandling } from './errors.js';
import { healthRoutes } from './health.routes.js';
import { installOpenApi } from './openapi.js';
import { installWebUi } from './web.js';

export const API_VERSION = '0.1.0';

export type HearthApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Builds the whole HTTP application (API, docs, web UI) without listening, so tests can `inject`. */
export async function buildApp(deps: HttpDeps): Promise<HearthApp> {
  // Widened on purpose: Fastify's generics expect its base logger type, which pino's satisfies.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    genReqId: () => newId(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.HEARTH_TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // While closing, answer in-flight requests with `Connection: close`: otherwise their keep-alive
  // sockets hold the server open (Node only closes the connections idle at the moment of close()).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (closing) {
      void reply.header('connection', 'close');
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles; scripts stay 'self' only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: deps.options.secureCookies ? [] : null,
      },
    },
    hsts: deps.options.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installAuthentication(app, deps);

  await installOpenApi(app, API_VERSION);
  await app.register(healthRoutes(deps));
  await app.register(accountRoutes(deps), { prefix: '/api/v1' });
  await app.register(workspaceRoutes(deps), { prefix: '/api/v1' });
  await app.register(analyzeRoutes(deps), { prefix: '/api/v1' });
  await app.register(checkRoutes(deps), { prefix: '/api/v1' });
  await app.register(originalityRoutes(deps), { prefix: '/api/v1' });
  await app.register(publishingAccountRoutes(deps), { prefix: '/api/v1' });
  await app.register(postRoutes(deps), { prefix: '/api/v1' });
  await app.register(listeningRoutes(deps), { prefix: '/api/v1' });
  await app.register(statsRoutes(deps), { prefix: '/api/v1' });
  await app.register(alertRoutes(deps), { prefix: '/api/v1' });
  await app.register(insightsRoutes(deps), { prefix: '/api/v1' });
  await app.register(inboxRoutes(deps), { prefix: '/api/v1' });
  await app.register(communityRoutes(deps), { prefix: '/api/v1' });
  await app.register(mergeRoutes(deps), { prefix: '/api/v1' });
  await app.register(scoreRoutes(deps), { prefix: '/api/v1' });
  await app.register(reportRoutes(deps), { prefix: '/api/v1' });
  await app.register(reportScheduleRoutes(deps), { prefix: '/api/v1' });
  await app.register(todayRoutes(deps), { prefix: '/api/v1' });
  await installWebUi(app, deps.options.webRoot);
  return app;
}
