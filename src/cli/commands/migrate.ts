import type { Command } from 'commander';
import { withHearth } from '../context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (also done by serve and worker at start)')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (options: { data?: string }) => {
      await withHearth(options, async (hearth) => {
        const applied = hearth.migrations.applied;
        process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Database already up to date.\n');
      });
    });
}
