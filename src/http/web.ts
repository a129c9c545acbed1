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
