import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { openHearth, type Hearth } from '../../container.js';
import { buildApp } from '../../http/app.js';
import { defaultHttpOptions } from '../../http/context.js';
import { needsSetup } from '../../workspaces/setup.service.js';
import { CliError } from '../cli-errors.js';
import { onShutdownSignal } from '../lifecycle.js';
import { webRoot } from '../package-root.js';

export const PRIVATE_NETWORKS_HELP =
  'let server-side requests reach loopback and private addresses: a self-hosted Mastodon, PDS or webhook on your own network ' +
  '(env HEARTH_ALLOW_PRIVATE_NETWORKS=true; off by default, as any user who connects an account could then make the server call your LAN)';

export interface RunningServer {
  /** Where a browser reaches it, e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  /** Stops taking requests and finishes the in-flight ones (the caller closes Hearth after). */
  close(): Promise<void>;
}

/**
 * What `hearth serve` does once Hearth is open: install the recurring schedules, start the job queue
 * (unless `worker` is false), build the HTTP app and listen where the configuration says.
 */
export async function startServer(hearth: Hearth, options: { worker: boolean }): Promise<RunningServer> {
  const { config, logger } = hearth;
  await hearth.installSchedules();
  if (options.worker) {
    await hearth.queue.start();
  }
  const app = await buildApp({
    db: hearth.db.kysely,
    dialect: hearth.db.dialect,
    clock: hearth.clock,
    logger,
    analyzer: hearth.analyzer,
    spelling: hearth.spelling,
    originality: hearth.originality,
    publishing: hearth.publishing,
    options: { ...defaultHttpOptions, secureCookies: config.secureCookies, publicUrl: config.publicUrl, webRoot: webRoot() },
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new CliError(`Port ${config.port} on ${config.host} is already in use: choose another with --port`);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close: () => app.close() };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web server and API (and run background jobs in the same process)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('-d, --data <dir>', 'data folder for the SQLite database and key file (env HEARTH_DATA_DIR, default ./.hearth)')
    .option('--no-worker', 'do not run background jobs here (leave them to `hearth worker` processes)')
    .option('--allow-private-networks', PRIVATE_NETWORKS_HELP)
    .action(async (options: { port?: string; host?: string; data?: string; worker: boolean; allowPrivateNetworks?: boolean }) => {
      const config = loadConfig(options);
      const logger = createLogger({ level: config.logLevel });
      const hearth = await openHearth(config, logger);
      const server = await startServer(hearth, { worker: options.worker }).catch(async (error: unknown) => {
        await hearth.close();
        throw error;
      });
      onShutdownSignal(logger, async () => {
        await server.close();
        await hearth.close();
      });
      const database = hearth.db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
      const firstRun = await needsSetup(hearth.db.kysely);
      process.stdout.write(
        `\nHearth is running at ${server.url}/ (${database})\n` +
          (config.allowPrivateNetworks ? 'Private networks are allowed: connected accounts may be on loopback or LAN addresses.\n' : '') +
          (firstRun ? 'Open it in your browser to create the owner account and your first workspace.\n\n' : '\n'),
      );
    });
}
