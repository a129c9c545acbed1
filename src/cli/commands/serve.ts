import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { openHearth } from '../../container.js';
import { buildApp } from '../../http/app.js';
import { defaultHttpOptions } from '../../http/context.js';
import { needsSetup } from '../../workspaces/setup.service.js';
import { onShutdownSignal } from '../lifecycle.js';
import { webRoot } from '../package-root.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web server and API (and run background jobs in the same process)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('-d, --data <dir>', 'data folder for the SQLite database and key file (env HEARTH_DATA_DIR, default ./.hearth)')
    .option('--no-worker', 'do not run background jobs here (leave them to `hearth worker` processes)')
    .action(async (options: { port?: string; host?: string; data?: string; worker: boolean }) => {
      const config = loadConfig(options);
      const logger = createLogger({ level: config.logLevel });
      const hearth = await openHearth(config, logger);
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
      onShutdownSignal(logger, async () => {
        await app.close();
        await hearth.close();
      });
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      const database = hearth.db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
      const firstRun = await needsSetup(hearth.db.kysely);
      process.stdout.write(
        `\nHearth is running at http://${host}:${port}/ (${database})\n` +
          (firstRun ? 'Open it in your browser to create the owner account and your first workspace.\n\n' : '\n'),
      );
    });
}
