import type { Command } from 'commander';
import { findUserByEmail } from '../../workspaces/accounts.service.js';
import { createApiToken } from '../../workspaces/api-tokens.service.js';
import { findWorkspaces, requireMembership } from '../../workspaces/workspaces.service.js';
import { emailSchema, tokenNameSchema } from '../../workspaces/workspaces.schemas.js';
import { CliError, parseFlag } from '../cli-errors.js';
import { withHearth } from '../context.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description("Create an API token acting as a member in one workspace; prints only the token, so it can be piped")
    .requiredOption('-e, --email <email>', 'the member the token acts as')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-n, --name <name>', 'a label to recognise the token by', 'CLI')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (options: { email: string; workspace: string; name: string; data?: string }) => {
      const email = parseFlag('--email', emailSchema, options.email);
      const name = parseFlag('--name', tokenNameSchema, options.name);
      await withHearth(options, async (hearth) => {
        const db = hearth.db.kysely;
        const user = await findUserByEmail(db, email);
        if (!user) {
          throw new CliError(`No user ${email}`);
        }
        const matches = await findWorkspaces(db, options.workspace);
        if (matches.length !== 1) {
          throw new CliError(
            matches.length === 0 ? `No workspace "${options.workspace}"` : `Several workspaces are named "${options.workspace}": use the id`,
          );
        }
        const access = await requireMembership(db, user.id, matches[0]!.id).catch(() => {
          throw new CliError(`${email} is not a member of "${matches[0]!.name}"`);
        });
        const { secret } = await createApiToken(db, hearth.clock, access, name);
        process.stdout.write(`${secret}\n`);
      });
    });
}
