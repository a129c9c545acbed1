/** `hearth competitors list|add|remove|report|sov`: competitor watch from the terminal. */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { competitorReport } from '../../listening/insights/competitor-report.service.js';
import {
  addCompetitor,
  listCompetitors,
  removeCompetitor,
  type CompetitorAccount,
  type CompetitorView,
} from '../../listening/insights/competitors.service.js';
import { shareOfVoice, SOV_WEIGHTS } from '../../listening/insights/share-of-voice.service.js';
import { queriesRepo } from '../../listening/queries.repo.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { CliError, parseFlag } from '../cli-errors.js';
import { withHearth } from '../context.js';

const DATA_HELP = 'data folder (env HEARTH_DATA_DIR, default ./.hearth)';

interface CommonFlags {
  workspace: string;
  as?: string;
  json?: boolean;
  data?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function common(command: Command): Command {
  return command
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print JSON (the API’s objects)')
    .option('-d, --data <dir>', DATA_HELP);
}

const print = (json: boolean | undefined, value: unknown, text: () => string): void => {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : text());
};

/** A competitor by id or exact name (case ignored). */
async function competitorNamed(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  idOrName: string,
): Promise<CompetitorView> {
  const { competitors } = await listCompetitors(db, access);
  const found =
    competitors.find((c) => c.id === idOrName) ??
    competitors.find((c) => c.name.toLowerCase() === idOrName.toLowerCase());
  if (!found) {
    throw new CliError(`No competitor "${idOrName}": see \`hearth competitors list\``);
  }
  return found;
}

function parseAccount(value: string): CompetitorAccount {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    throw new CliError(`--account must be NETWORK:HANDLE (bluesky:zorvalta.bsky.social), not "${value}"`, 2);
  }
  return { network: value.slice(0, colon), handle: value.slice(colon + 1) };
}

const accountsText = (accounts: CompetitorAccount[]): string =>
  accounts.length === 0 ? 'no accounts' : accounts.map((a) => `${a.network}:${a.handle}`).join(', ');

export function registerCompetitors(program: Command): void {
  const competitors = program
    .command('competitors')
    .description('Competitor watch: their accounts, posting rhythm, engagement, top posts, share of voice');

  common(
    competitors
      .command('list')
      .description('The competitors, and suggestions from the workspace’s named competitors'),
  ).action(async (flags: CommonFlags) => {
    await withHearth(flags, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, flags.workspace, flags.as);
      const listed = await listCompetitors(hearth.db.kysely, access);
      print(flags.json, listed, () => {
        const lines = listed.competitors.map(
          (c) =>
            `${c.name}  (${c.id})  ${accountsText(c.accounts)}; ${c.queryId ? `saved query ${c.queryId}` : c.query ? `query ${c.query}` : 'no query'}`,
        );
        if (lines.length === 0) {
          lines.push(
            'No competitors yet: `hearth competitors add NAME --account NETWORK:HANDLE --query TEXT`.',
          );
        }
        for (const suggestion of listed.suggestions) {
          lines.push(`Suggested (named in the workspace): ${suggestion.name}  --query '${suggestion.query}'`);
        }
        return `${lines.join('\n')}\n`;
      });
    });
  });

  common(
    competitors
      .command('add')
      .description('Watch a competitor: its accounts and the query that finds the conversation about it')
      .argument('<name>', 'the competitor’s name')
      .option(
        '-a, --account <network:handle>',
        'one of its accounts (repeat the flag for several)',
        collect,
        [],
      )
      .option('-q, --query <text>', 'a query of the listening language (e.g. \'"Zorvalta" OR #zorvalta\')')
      .option('--saved-query <name>', 'or a saved query, by name or id'),
  ).action(
    async (name: string, flags: CommonFlags & { account: string[]; query?: string; savedQuery?: string }) => {
      const accounts = flags.account.map(parseAccount);
      await withHearth(flags, async (hearth) => {
        const db = hearth.db.kysely;
        const { access } = await actingMember(db, flags.workspace, flags.as);
        let queryId: string | null = null;
        if (flags.savedQuery !== undefined) {
          const repo = queriesRepo(db);
          const saved =
            (await repo.find(access.workspaceId, flags.savedQuery)) ??
            (await repo.findByName(access.workspaceId, flags.savedQuery));
          if (!saved) {
            throw new CliError(`No saved query "${flags.savedQuery}"`);
          }
          queryId = saved.id;
        }
        const competitor = await addCompetitor(db, hearth.clock, access, {
          name,
          accounts,
          queryId,
          query: flags.query ?? null,
        });
        print(
          flags.json,
          { competitor },
          () => `Added ${competitor.name} (${competitor.id}): ${accountsText(competitor.accounts)}.\n`,
        );
      });
    },
  );

  common(
    competitors.command('remove').description('Stop watching a competitor').argument('<nameOrId>'),
  ).action(async (nameOrId: string, flags: CommonFlags) => {
    await withHearth(flags, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, flags.workspace, flags.as);
      const competitor = await competitorNamed(hearth.db.kysely, access, nameOrId);
      await removeCompetitor(hearth.db.kysely, hearth.clock, access, competitor.id);
      print(flags.json, { removed: competitor.id }, () => `Removed ${competitor.name}.\n`);
    });
  });

  common(
    competitors
      .command('report')
      .description(
        'A competitor’s own posts among the stored mentions: rhythm (workspace time zone), engagement, top posts',
      )
      .argument('<nameOrId>')
      .option('--since <iso>', 'start (default 28 days before --until)')
      .option('--until <iso>', 'end (default now)'),
  ).action(async (nameOrId: string, flags: CommonFlags & { since?: string; until?: string }) => {
    await withHearth(flags, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, flags.workspace, flags.as);
      const competitor = await competitorNamed(hearth.db.kysely, access, nameOrId);
      const report = await competitorReport(hearth.db.kysely, hearth.clock, access, competitor.id, {
        since: flags.since,
        until: flags.until,
      });
      print(flags.json, report, () => {
        const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
        const lines = [
          `${competitor.name}: ${report.posts} posts ${report.since} → ${report.until}${report.truncated ? ' (the newest only)' : ''}.`,
          `Engagement: ${report.engagement.total} in all, ${report.engagement.perPost} per post, median ${report.engagement.median} (${report.engagement.formula}).`,
          `Per weekday (${report.rhythm.timeZone}): ${report.rhythm.byWeekday.map((n, i) => `${days[i] ?? ''} ${n}`).join(', ')}`,
          `Per week: ${report.rhythm.byWeek.map((w) => `${w.weekStart} ${w.posts}`).join(', ')}`,
          'Top posts:',
          ...report.topPosts.map(
            (p) => `  ${p.engagement}  ${p.createdAt}  ${p.text.replace(/\s+/g, ' ').slice(0, 100)}`,
          ),
        ];
        return `${lines.join('\n')}\n`;
      });
    });
  });

  common(
    competitors
      .command('sov')
      .description(
        'Share of voice of the brand (brand-tagged saved queries) and each competitor, with the formula and the counts',
      )
      .option('--weight <weight>', 'mentions | engagement | reach', 'mentions')
      .option('--since <iso>', 'start (default 28 days before --until)')
      .option('--until <iso>', 'end (default now)'),
  ).action(async (flags: CommonFlags & { weight: string; since?: string; until?: string }) => {
    const weight = parseFlag('--weight', z.enum(SOV_WEIGHTS), flags.weight);
    await withHearth(flags, async (hearth) => {
      const { access } = await actingMember(hearth.db.kysely, flags.workspace, flags.as);
      const sov = await shareOfVoice(hearth.db.kysely, hearth.clock, access, {
        weight,
        since: flags.since,
        until: flags.until,
      });
      print(flags.json, sov, () => {
        const lines = [
          `Share of voice by ${sov.weight}, ${sov.since} → ${sov.until}`,
          `${sov.formula}; ${sov.definition}`,
          ...sov.entities.map(
            (e) =>
              `  ${(e.share * 100).toFixed(1).padStart(5)} %  ${e.name} (${e.kind}): ${e.value} of ${sov.total}` +
              ` — mentions ${e.mentions}, engagement ${e.engagement}, reach ${e.reach}; ${e.basis}`,
          ),
          ...sov.notes.map((note) => `Note: ${note}`),
        ];
        return `${lines.join('\n')}\n`;
      });
    });
  });
}
