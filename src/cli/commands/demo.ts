/**
 * `hearth demo`: Hearth with something to see. Starts a real local Bluesky network, fills a demo
 * workspace (src/demo), then serves like `hearth serve` with private networks allowed (the PDS is
 * on loopback). Ctrl-C stops the server, the jobs and the network, and removes the network's files.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { openHearth } from '../../container.js';
import type { DemoNetwork } from '../../demo/demo-network.js';
import { assertDemoDatabase, seedDemo } from '../../demo/seed.js';
import { startChatter, type Chatter } from '../../demo/chatter.js';
import { formatDemoSummary } from '../../demo/summary.js';
import { CliError } from '../cli-errors.js';
import { onShutdownSignal } from '../lifecycle.js';
import { startServer, type RunningServer } from './serve.js';

interface DemoOptions {
  port?: string;
  host?: string;
  data?: string;
  withAppview?: boolean | string;
  newPassword?: boolean;
  chatterEvery: string;
}

/** The PostgreSQL the AppView runs on: the flag's URL, else DATABASE_URL when it is PostgreSQL. */
function appViewDatabase(flag: boolean | string | undefined): { postgresUrl: string } | undefined {
  if (flag === undefined || flag === false) {
    return undefined;
  }
  const url = typeof flag === 'string' ? flag : process.env.DATABASE_URL;
  if (url === undefined || !/^postgres(ql)?:\/\//.test(url)) {
    throw new CliError(
      '--with-appview runs the AppView on PostgreSQL: give its URL (--with-appview postgres://user@127.0.0.1:5432/db) or set DATABASE_URL',
    );
  }
  return { postgresUrl: url };
}

/** Fails now, not after the network and the seeding, when the port is taken. */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new CliError(`Port ${port} on ${host} is already in use: choose another with --port`)
          : error,
      ),
    );
    probe.listen({ host, port }, () => probe.close(() => resolve()));
  });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('Start Hearth with a demo workspace, beside a real local Bluesky network')
    .description(
      'Start Hearth with a demo: a real local Bluesky network (PLC and PDS from @atproto/dev-env), a demo owner and workspace ' +
        '"Maison Lumière (demo)" with its brand account connected, drafts and a post scheduled a few minutes ahead. ' +
        'Prints where to sign in. Safe to run again: the network is made anew and the brand account reconnected',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option(
      '-d, --data <dir>',
      "the demo's own data folder (default <HEARTH_DATA_DIR or ./.hearth>/demo); the network's files go in its demo-network/",
    )
    .option(
      '--with-appview [postgresUrl]',
      'also run the AppView (feeds, profiles, metrics) on PostgreSQL (default: DATABASE_URL)',
    )
    .option('--new-password', 'give the demo owner a new password (printed once)')
    .option(
      '--chatter-every <seconds>',
      'how often a community account writes to the brand (questions, complaints, praise; it answers your replies); 0: never',
      '45',
    )
    .action(async (options: DemoOptions) => {
      const chatterEvery = Number(options.chatterEvery);
      if (!Number.isInteger(chatterEvery) || chatterEvery < 0 || chatterEvery > 86_400) {
        throw new CliError(`--chatter-every must be a whole number of seconds from 0 to 86400, not "${options.chatterEvery}"`);
      }
      const appView = appViewDatabase(options.withAppview);
      const data = options.data ?? join(process.env.HEARTH_DATA_DIR ?? '.hearth', 'demo');
      const config = loadConfig({ port: options.port, host: options.host, data, allowPrivateNetworks: true });
      // Quiet by default: the summary is what a person reads (LOG_LEVEL=info shows the requests).
      const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
      await assertPortFree(config.host, config.port);
      const hearth = await openHearth(config, logger);
      await assertDemoDatabase(hearth).catch(async (error: unknown) => {
        await hearth.close();
        throw error;
      });
      let network: DemoNetwork | undefined;
      let server: RunningServer | undefined;
      let chatter: Chatter | undefined;
      const stop = async (): Promise<void> => {
        chatter?.stop();
        try {
          await server?.close();
          await hearth.close();
        } finally {
          await network?.close();
        }
      };
      onShutdownSignal(logger, stop);
      try {
        process.stdout.write(`Starting a local Bluesky network${appView ? ' with its AppView' : ''}…\n`);
        const { startDemoNetwork } = await import('../../demo/demo-network.js');
        network = await startDemoNetwork({
          dir: join(config.dataDir, 'demo-network'),
          ...(appView ? { appView } : {}),
        });
        const seed = await seedDemo(hearth, network, { newPassword: options.newPassword === true });
        server = await startServer(hearth, { worker: true });
        if (chatterEvery > 0) {
          chatter = startChatter(network, seed.brand, seed.community, {
            intervalMs: chatterEvery * 1000,
            onError: (error) => logger.warn({ err: error }, 'the demo community could not post'),
          });
        }
        process.stdout.write(
          formatDemoSummary(seed, { url: server.url, network, dataDir: config.dataDir, chatterEverySeconds: chatterEvery }),
        );
      } catch (error) {
        await stop().catch(() => undefined);
        throw error;
      }
    });
}
