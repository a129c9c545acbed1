import type { Command } from 'commander';
import { newSecret } from '../../core/ids.js';
import { createUser } from '../../workspaces/accounts.service.js';
import { makeOwnerOfAllWorkspaces } from '../../workspaces/workspaces.service.js';
import { emailSchema, passwordSchema, personNameSchema } from '../../workspaces/workspaces.schemas.js';
import { parseFlag } from '../cli-errors.js';
import { readStdin, withHearth } from '../context.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user account. Without --password-stdin a strong password is generated and printed once.')
    .requiredOption('-e, --email <email>', "the user's e-mail address (their sign-in)")
    .option('-n, --name <name>', 'display name (default: the part of the e-mail before @)')
    .option('--password-stdin', 'read the password from standard input (e.g. `echo "$PW" | hearth user create ...`)')
    .option('--owner', 'also make this user an owner of every existing workspace (recovery of a locked-out installation)')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (options: { email: string; name?: string; passwordStdin?: boolean; owner?: boolean; data?: string }) => {
      const email = parseFlag('--email', emailSchema, options.email);
      const name = parseFlag('--name', personNameSchema, options.name ?? email.split('@')[0]);
      const generated = options.passwordStdin ? null : newSecret(18);
      const password = generated ?? parseFlag('password (stdin)', passwordSchema, (await readStdin()).replace(/\r?\n$/, ''));
      await withHearth(options, async (hearth) => {
        const created = await createUser(hearth.db.kysely, hearth.clock, { email, name, password });
        process.stdout.write(`Created user ${created.email} (${created.id}).\n`);
        if (generated) {
          process.stdout.write(`Password (shown once): ${generated}\n`);
        }
        if (options.owner) {
          const workspaces = await makeOwnerOfAllWorkspaces(hearth.db.kysely, hearth.clock, created.id);
          process.stdout.write(
            workspaces.length > 0 ? `Owner of: ${workspaces.map((w) => w.name).join(', ')}\n` : 'No workspace exists yet: create one with `hearth workspace create`.\n',
          );
        }
      });
    });
}
