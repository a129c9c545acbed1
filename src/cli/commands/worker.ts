import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { openHearth } from '../../container.js';
import { CliError } from '../cli-errors.js';
import { onShutdownSignal } from '../lifecycle.js';
import { PRIVATE_NETWORKS_HELP } from './serve.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run background jobs only (start as many as needed beside `hearth serve`)')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .option('-c, --concurrency <n>', 'jobs run at once by this process', '4')
    .option('--allow-private-networks', PRIVATE_NETWORKS_HELP)
    .action(async (options: { data?: string; concurrency: string; allowPrivateNetworks?: boolean }) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        throw new CliError('--concurrency must be a whole number from 1 to 64');
      }
      const config = loadConfig(options);
      const logger = createLogger({ level: config.logLevel });
      const hearth = await openHearth(config, logger);
      onShutdownSignal(logger, async () => {
        await hearth.close();
      });
      await hearth.queue.start({ concurrency });
      logger.info({ concurrency, database: hearth.db.dialect, allowPrivateNetworks: config.allowPrivateNetworks }, 'worker started');
    });
}
