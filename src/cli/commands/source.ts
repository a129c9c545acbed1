/**
 * `hearth source add rss|webhook|import` and `hearth source list|remove`: where a workspace's
 * listening comes from. A webhook's secret is printed once, as the API shows it once.
 */
import type { Command } from 'commander';
import { addSource, listSources, removeSource, type NewSource, type SourceView } from '../../listening/sources.service.js';
import { actingMember, withWorkspaceOptions, type WorkspaceCommandOptions } from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

type CommonOptions = WorkspaceCommandOptions;

const withCommon = (command: Command): Command => withWorkspaceOptions(command);

function describeSource(source: SourceView): string {
  const where = source.url ? ` ${source.url}` : '';
  const health = source.lastError ? `${source.status}: ${source.lastError}` : source.status;
  return `${source.id}  ${source.kind.padEnd(8)} ${source.name}${where}  (${health}; ${source.itemsStored} stored)`;
}

async function add(input: NewSource, options: CommonOptions): Promise<void> {
  await withHearth(options, async (hearth) => {
    const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
    const added = await addSource({ db: hearth.db.kysely, clock: hearth.clock, secrets: hearth.secrets }, access, input);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(added)}\n`);
      return;
    }
    process.stdout.write(`Added ${describeSource(added.source)}\n`);
    if (added.secret) {
      process.stdout.write(
        `Signing secret (shown once; sign each POST to /api/v1/workspaces/${access.workspaceId}/ingest with it, see docs/CONNECTORS.md):\n${added.secret}\n`,
      );
    }
  });
}

function minutes(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 5 || parsed > 1_440) {
    throw new CliError(`--every must be a whole number of minutes from 5 to 1440, not "${value}"`);
  }
  return parsed;
}

export function registerSource(program: Command): void {
  const source = program.command('source').description('Listening sources: feeds, webhooks and imports a workspace listens to');
  const addCommand = source.command('add').description('Add a listening source (owner, admin, manager)');

  withCommon(
    addCommand
      .command('rss')
      .description('Poll an RSS, Atom or JSON feed (news, blogs, forums, Reddit, YouTube, Google Alerts) with conditional GET')
      .requiredOption('--url <url>', 'the feed’s http(s) address')
      .option('--name <name>', 'a name for it (default: the feed’s host)')
      .option('--every <minutes>', 'poll interval in minutes, 5 to 1440 (default 15)', minutes),
  ).action(async (options: CommonOptions & { url: string; name?: string; every?: number }) => {
    await add({ kind: 'rss', url: options.url, name: options.name, pollIntervalMinutes: options.every }, options);
  });

  withCommon(
    addCommand
      .command('webhook')
      .description('Accept signed pushes at POST /api/v1/workspaces/:id/ingest (forms, review sites, automation tools)')
      .requiredOption('--name <name>', 'a name for it'),
  ).action(async (options: CommonOptions & { name: string }) => {
    await add({ kind: 'webhook', name: options.name }, options);
  });

  withCommon(
    addCommand.command('import').description('A named source to file imports under (hearth import --source NAME)').requiredOption('--name <name>', 'a name for it'),
  ).action(async (options: CommonOptions & { name: string }) => {
    await add({ kind: 'import', name: options.name }, options);
  });

  withCommon(source.command('list').description('List the workspace’s sources with their health')).action(async (options: CommonOptions) => {
    await withHearth(options, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
      const sources = await listSources(hearth.db.kysely, access);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(sources)}\n`);
      } else if (sources.length === 0) {
        process.stdout.write('No sources yet: hearth source add rss --workspace W --url URL\n');
      } else {
        process.stdout.write(`${sources.map(describeSource).join('\n')}\n`);
      }
    });
  });

  withCommon(source.command('remove').description('Stop listening to a source (what it brought stays)').argument('<sourceId>', 'the source id (hearth source list)')).action(
    async (sourceId: string, options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        await removeSource(hearth.db.kysely, hearth.clock, access, sourceId);
        process.stdout.write(options.json ? `${JSON.stringify({ removed: sourceId })}\n` : `Removed source ${sourceId}\n`);
      });
    },
  );
}
