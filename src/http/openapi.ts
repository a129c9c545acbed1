import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { HearthApp } from './app.js';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/v1/docs';

/** The OpenAPI document is generated from the routes' zod schemas, so it cannot drift from them. */
export async function installOpenApi(app: HearthApp, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version,
        description:
          'JSON API of Hearth. Authenticate with `Authorization: Bearer <API token>` (create one in Settings → API tokens ' +
          'or with `hearth token create`). Browser sessions use a cookie plus the `x-csrf-token` header on writes. ' +
          'Errors are `{ "error": { "code", "message", "fields"? } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (hth_...)' },
          session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered in zod's global registry with an id become shared components ($ref).
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PATH, uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
