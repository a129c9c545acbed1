import type { Command } from 'commander';
import { findUserByEmail } from '../../workspaces/accounts.service.js';
import { createWorkspace } from '../../workspaces/workspaces.service.js';
import { emailSchema, languagesSchema, timeZoneSchema, workspaceNameSchema } from '../../workspaces/workspaces.schemas.js';
import { CliError, parseFlag } from '../cli-errors.js';
import { withHearth } from '../context.js';

export function registerWorkspace(program: Command): void {
  const workspace = program.command('workspace').description('Manage workspaces (one per brand)');
  workspace
    .command('create')
    .description('Create a workspace owned by an existing user')
    .argument('<name>', 'the brand name')
    .requiredOption('-o, --owner <email>', "the owner's e-mail (create the user first with `hearth user create`)")
    .option('-t, --time-zone <zone>', 'IANA time zone for schedules and reports', 'UTC')
    .option('-l, --languages <codes>', 'comma-separated languages among fr,en,es,de,it,pt', 'fr,en')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (name: string, options: { owner: string; timeZone: string; languages: string; data?: string }) => {
      const settings = {
        name: parseFlag('<name>', workspaceNameSchema, name),
        timeZone: parseFlag('--time-zone', timeZoneSchema, options.timeZone),
        languages: parseFlag('--languages', languagesSchema, options.languages.split(',').map((code) => code.trim())),
      };
      const ownerEmail = parseFlag('--owner', emailSchema, options.owner);
      await withHearth(options, async (hearth) => {
        const owner = await findUserByEmail(hearth.db.kysely, ownerEmail);
        if (!owner) {
          throw new CliError(`No user ${ownerEmail}: create it first with \`hearth user create --email ${ownerEmail}\``);
        }
        const created = await createWorkspace(hearth.db.kysely, hearth.clock, { ownerUserId: owner.id, settings });
        process.stdout.write(`Created workspace "${created.name}" (${created.id}), owned by ${owner.email}.\n`);
      });
    });
}
