/**
 * `hearth query add|list|remove` (a workspace's saved queries) and `hearth query test Q --text T`:
 * whether a text matches a query and why. `test` exits like grep: 0 it matches, 1 it does not,
 * 2 the query (or the command line) is wrong — so scripts can tell "no" from "broken".
 */
import type { Command} from 'commander';
import { CommanderError } from 'commander';
import { createAnalyzer } from '../../analysis/analyzer.js';
import { deleteQuery, listQueries, QUERY_TAGS, saveQuery, type SavedQueryView } from '../../listening/queries.service.js';
import { testQuery, type QueryTestResult } from '../../listening/query-test.service.js';
import type { SavedQueryTag } from '../../db/schema.js';
import { actingMember, withWorkspaceOptions, type WorkspaceCommandOptions } from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

type CommonOptions = WorkspaceCommandOptions;

const withCommon = (command: Command): Command => withWorkspaceOptions(command);

function describeQueryLine(query: SavedQueryView): string {
  const { status, matched } = query.history;
  const history = status === 'done' ? `${matched} matched in history` : `history ${status}`;
  return `${query.id}  [${query.tag}] ${query.name}: ${query.query}  (${history})`;
}

/** The text with the matched spans in [brackets]. */
function bracketed(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

function printTest(query: string, text: string | undefined, result: QueryTestResult): void {
  if (!result.valid) {
    const { message, position, end } = result.error;
    process.stderr.write(`hearth: ${message}\n  ${query}\n  ${' '.repeat(position)}${'^'.repeat(Math.max(1, end - position))}\n`);
    return;
  }
  const lines = [`Query: ${result.description}`];
  if (result.sample && text !== undefined) {
    const { sample } = result;
    lines.unshift(sample.matches ? 'Matches.' : 'Does not match.');
    lines.push(`Text (${sample.language}, ${sample.sentiment}${sample.intents.length > 0 ? `, ${sample.intents.join(', ')}` : ''}): ${bracketed(text, sample.highlights)}`);
    for (const term of sample.terms) {
      const where = term.spans.map(({ start, end }) => `${start}–${end}`).join(', ');
      const state = term.found ? `found at ${where}` : 'not found';
      lines.push(`  ${term.negated ? 'NOT ' : ''}${term.query}: ${state}${term.decisive ? ' (decisive)' : ''}`);
    }
    for (const filter of sample.filters) {
      lines.push(`  ${filter.negated ? 'NOT ' : ''}${filter.query}: ${filter.passed ? 'passes' : 'fails'} (${JSON.stringify(filter.actual)})${filter.decisive ? ' (decisive)' : ''}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function tagOf(value: string): SavedQueryTag {
  if (!(QUERY_TAGS as readonly string[]).includes(value)) {
    throw new CliError(`--tag must be one of ${QUERY_TAGS.join(', ')}, not "${value}"`);
  }
  return value as SavedQueryTag;
}

export function registerQuery(program: Command): void {
  const query = program.command('query').description('Listening queries: save them per workspace, or try one on a text');

  query
    .command('test')
    .description(
      'Whether a text matches a query, and why (exit 0: it matches, 1: it does not, 2: the query is wrong). Example:\n' +
        '  hearth query test \'(refund* OR remboursement) -job lang:fr\' --text "Je veux un remboursement"',
    )
    .argument('<query>', 'a listening query (docs/LISTENING.md)')
    .option('--text <text>', 'the text to try it on (without it, only checks and describes the query)')
    .option('--network <name>', 'the network the text came from (for network:)', 'import')
    .option('--author <handle>', 'its author (for author:)')
    .option('--followers <n>', 'its author’s followers (for followers:)')
    .option('--lang <code>', 'its language (default: detected)')
    .option('--json', 'print one JSON object (the API’s QueryTest)')
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
    })
    .action(async (text: string, options: { text?: string; network: string; author?: string; followers?: string; lang?: string; json?: boolean }) => {
      const followers = options.followers === undefined ? undefined : Number(options.followers);
      if (followers !== undefined && !(Number.isInteger(followers) && followers >= 0)) {
        throw new CliError(`--followers must be a whole number, not "${options.followers}"`, 2);
      }
      const sample =
        options.text === undefined
          ? undefined
          : {
              text: options.text,
              network: options.network,
              ...(options.author ? { author: options.author } : {}),
              ...(followers !== undefined ? { followers } : {}),
              ...(options.lang ? { language: options.lang } : {}),
            };
      const result = await testQuery(() => createAnalyzer(), text, sample);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        printTest(text, options.text, result);
      }
      process.exitCode = !result.valid ? 2 : result.sample && !result.sample.matches ? 1 : 0;
    });

  withCommon(
    query
      .command('add')
      .description('Save a query in a workspace; new mentions are matched as they arrive, stored ones in the background')
      .requiredOption('--name <name>', 'its name')
      .requiredOption('--query <query>', 'the query (docs/LISTENING.md)')
      .option('--tag <tag>', `what it watches: ${QUERY_TAGS.join(', ')}`, 'topic'),
  ).action(async (options: CommonOptions & { name: string; query: string; tag: string }) => {
    const tag = tagOf(options.tag);
    await withHearth(options, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
      const saved = await saveQuery(hearth.db.kysely, hearth.clock, access, { name: options.name, query: options.query, tag });
      process.stdout.write(options.json ? `${JSON.stringify(saved)}\n` : `Saved ${describeQueryLine(saved)}\n`);
    });
  });

  withCommon(query.command('list').description('List the workspace’s saved queries')).action(async (options: CommonOptions) => {
    await withHearth(options, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
      const queries = await listQueries(hearth.db.kysely, access);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(queries)}\n`);
      } else {
        process.stdout.write(queries.length === 0 ? 'No saved queries yet: hearth query add --workspace W --name N --query Q\n' : `${queries.map(describeQueryLine).join('\n')}\n`);
      }
    });
  });

  withCommon(query.command('remove').description('Delete a saved query').argument('<idOrName>', 'the query’s id or name')).action(
    async (idOrName: string, options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        const found = (await listQueries(hearth.db.kysely, access)).find((q) => q.id === idOrName || q.name === idOrName);
        if (!found) {
          throw new CliError(`No saved query "${idOrName}" in this workspace`);
        }
        await deleteQuery(hearth.db.kysely, hearth.clock, access, found.id);
        process.stdout.write(options.json ? `${JSON.stringify({ removed: found.id })}\n` : `Removed query ${found.name}\n`);
      });
    },
  );
}
