import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { HearthApp } from './app.js';

/**
 * Serves the built single-page app; any other GET that is not an API path gets index.html, so that
 * deep links (/w/:id/inbox, /invite/:token) load the app, which then routes on the client.
 */
export async function installWebUi(app: HearthApp, webRoot: string | undefined): Promise<boolean> {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Hearth API is running, but the web UI is not built: run `npm run build`, then restart. API docs: /api/v1/docs\n'),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Vite fingerprints everything under assets/: it never changes at a given URL.
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
