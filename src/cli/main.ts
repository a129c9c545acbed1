/** The `hearth` command line: one sub-command per file in ./commands. */
import { Command, CommanderError } from 'commander';
import { CliError, explain } from './cli-errors.js';
import { registerAccount } from './commands/account.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerBackup } from './commands/backup.js';
import { registerCheck } from './commands/check.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInbox } from './commands/inbox.js';
import { registerPeople } from './commands/people.js';
import { registerReport } from './commands/report.js';
import { registerToday } from './commands/today.js';
import { registerAlerts } from './commands/alerts.js';
import { registerCompetitors } from './commands/competitors.js';
import { registerMentions } from './commands/mentions.js';
import { registerQuery } from './commands/query.js';
import { registerSource } from './commands/source.js';
import { registerTrends } from './commands/trends.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOriginality } from './commands/originality.js';
import { registerPost } from './commands/post.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { registerWorker } from './commands/worker.js';
import { registerWorkspace } from './commands/workspace.js';

const ENVIRONMENT_HELP = `
Environment (flags win over it):
  DATABASE_URL        postgres://... to use PostgreSQL; default: SQLite in the data folder
  HEARTH_DATA_DIR     data folder (default ./.hearth)
  PORT, HOST          where \`serve\` listens (default 127.0.0.1:3000)
  HEARTH_SECRET_KEY   64 hex characters encrypting secrets at rest; default: a key file
                      created (mode 0600) in the data folder
  HEARTH_PUBLIC_URL   public origin for links (e.g. https://hearth.example.com)
  HEARTH_ALLOW_PRIVATE_NETWORKS  true lets connected accounts live on loopback or LAN
                      addresses (a self-hosted PDS or Mastodon); same as --allow-private-networks
  LOG_LEVEL           debug, info (default), warn, error`;

export function buildProgram(): Command {
  const program = new Command('hearth')
    .description('Hearth: the self-hosted workstation for community managers.')
    .addHelpText('after', ENVIRONMENT_HELP)
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of [
    registerServe,
    registerDemo,
    registerWorker,
    registerMigrate,
    registerUser,
    registerWorkspace,
    registerToken,
    registerAccount,
    registerPost,
    registerBackup,
    registerAnalyze,
    registerCheck,
    registerOriginality,
    registerImport,
    registerSource,
    registerQuery,
    registerMentions,
    registerAlerts,
    registerTrends,
    registerCompetitors,
    registerInbox,
    registerPeople,
    registerReport,
    registerToday,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the CLI; exits non-zero with a one-line message on any user error. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" exit 0; usage errors were already printed by commander.
      process.exitCode = error.exitCode;
      return;
    }
    const message = explain(error);
    if (message) {
      process.stderr.write(`hearth: ${message}\n`);
    } else {
      process.stderr.write(`hearth: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
