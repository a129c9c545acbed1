import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { CliError } from '../cli-errors.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent copy of the SQLite database while Hearth runs (PostgreSQL: use pg_dump)')
    .argument('<file>', 'where to write the copy')
    .option('-f, --force', 'overwrite the file if it exists')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (file: string, options: { force?: boolean; data?: string }) => {
      const config = loadConfig(options);
      if (config.database.kind !== 'sqlite') {
        throw new CliError('hearth backup copies the embedded SQLite database; on PostgreSQL use pg_dump');
      }
      const source = config.database.path;
      const target = resolve(file);
      if (!existsSync(source)) {
        throw new CliError(`No database at ${source}: nothing to back up (is --data right?)`);
      }
      if (existsSync(target) && !options.force) {
        throw new CliError(`${target} exists: choose another file or pass --force`);
      }
      if (!existsSync(dirname(target))) {
        throw new CliError(`Folder ${dirname(target)} does not exist`);
      }
      // SQLite's online backup API copies a consistent snapshot page by page while writers go on;
      // writing beside the target and renaming means a failed backup never leaves a half file.
      const partial = `${target}.partial`;
      const database = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
      try {
        let lastShown = -1;
        await database.backup(partial, {
          progress: ({ totalPages, remainingPages }) => {
            const percent = totalPages > 0 ? Math.floor(((totalPages - remainingPages) / totalPages) * 100) : 100;
            if (process.stderr.isTTY && percent !== lastShown) {
              process.stderr.write(`\rBacking up… ${percent}%`);
              lastShown = percent;
            }
            return 200;
          },
        });
        renameSync(partial, target);
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      } finally {
        database.close();
      }
      if (process.stderr.isTTY) {
        process.stderr.write('\n');
      }
      process.stdout.write(`Backed up ${source} to ${target}\n`);
    });
}
