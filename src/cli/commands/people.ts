/**
 * `hearth people list|show|merge|forget`: the community's people, their identities and scores. A
 * person id names its workspace, so only `list` asks for one; every command acts as a member
 * (`--as`, default the first owner) with that member's role. `list` first brings the people up to
 * date with the mentions stored since the last sync (what the server's job does every minute).
 */
import type { Command } from 'commander';
import type { Hearth } from '../../container.js';
import { PEOPLE_SORTS, type PeopleSort } from '../../community/people.repo.js';
import {
  getPerson,
  listActivities,
  listPeople,
  MAX_PAGE,
  workspaceOfPerson,
} from '../../community/people.service.js';
import type { PersonSummary } from '../../community/people.presenter.js';
import { forgetPerson } from '../../community/privacy.service.js';
import { mergePeople } from '../../community/merges/merges.service.js';
import { syncWorkspace } from '../../community/sync.service.js';
import { isoInstant } from '../../community/import/activities.import.js';
import { RELATIONSHIP_STAGES, type RelationshipStage } from '../../community/community.tables.js';
import { authorize } from '../../workspaces/policy.js';
import {
  actingMember,
  actingMemberIn,
  AS_HELP,
  findOneWorkspace,
  type ActingMember,
} from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

interface CommonOptions {
  as?: string;
  json?: boolean;
  data?: string;
}

const DATA_HELP = 'data folder (env HEARTH_DATA_DIR, default ./.hearth)';
/** Most people `list` prints. */
const MAX_LIST = 10_000;

const fixed = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

function handles(person: PersonSummary): string {
  return person.identities
    .map((identity) => `${identity.network}:${identity.handle ?? identity.accountKey}`)
    .join(', ');
}

function table(people: readonly PersonSummary[]): string {
  const header = `${'#'.padStart(4)}  ${'engagement'.padStart(10)} ${'level'.padEnd(13)} ${'reach'.padStart(8)} ${'ambass.'.padStart(8)} ${'influ.'.padStart(8)}  ${'stage'.padEnd(10)} name (identities)`;
  const lines = people.map((person, index) => {
    const s = person.scores;
    const name = (person.displayName ?? '').replace(/\s+/g, ' ');
    return `${String(index + 1).padStart(4)}  ${fixed(s.engagement).padStart(10)} ${s.engagementLevel.padEnd(13)} ${fixed(s.reach).padStart(8)} ${fixed(s.ambassador).padStart(8)} ${fixed(s.influencer).padStart(8)}  ${person.stage.padEnd(10)} ${name} (${handles(person)})  ${person.id}`;
  });
  return `${[header, ...lines].join('\n')}\n`;
}

/** The member acting on a person, in the person's workspace. */
async function actingOn(
  hearth: Hearth,
  personId: string,
  asEmail: string | undefined,
): Promise<ActingMember> {
  const workspaceId = await workspaceOfPerson(hearth.db.kysely, personId);
  if (workspaceId === null) {
    throw new CliError(`No person ${personId}`);
  }
  return actingMemberIn(hearth.db.kysely, await findOneWorkspace(hearth.db.kysely, workspaceId), asEmail);
}

export function registerPeople(program: Command): void {
  const people = program
    .command('people')
    .description('The community: people across networks, their scores, merges and privacy');

  people
    .command('list')
    .description('People, best first by a score (or recent, name); merged-away people are left out')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--sort <sort>', PEOPLE_SORTS.join(' | '), 'engagement')
    .option('-n, --limit <n>', `how many, 1 to ${MAX_LIST}`, '20')
    .option('--as-of <instant>', 'scores as of this ISO-8601 instant, from the activities before it')
    .option('--stage <stage>', RELATIONSHIP_STAGES.join(' | '))
    .option('--as <email>', AS_HELP)
    .option('--json', 'print {people: [...]} (the API’s PersonSummary: identities and scores)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(
      async (
        options: CommonOptions & {
          workspace: string;
          sort: string;
          limit: string;
          asOf?: string;
          stage?: string;
        },
      ) => {
        if (!(PEOPLE_SORTS as readonly string[]).includes(options.sort)) {
          throw new CliError(`--sort must be one of ${PEOPLE_SORTS.join(', ')}, not "${options.sort}"`);
        }
        if (
          options.stage !== undefined &&
          !(RELATIONSHIP_STAGES as readonly string[]).includes(options.stage)
        ) {
          throw new CliError(
            `--stage must be one of ${RELATIONSHIP_STAGES.join(', ')}, not "${options.stage}"`,
          );
        }
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) {
          throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIST}, not "${options.limit}"`);
        }
        const asOf = options.asOf === undefined ? undefined : isoInstant(options.asOf);
        if (asOf === null) {
          throw new CliError(`--as-of must be an ISO-8601 date or date-time, not "${options.asOf}"`);
        }
        await withHearth(options, async (hearth) => {
          const db = hearth.db.kysely;
          const { access } = await actingMember(db, options.workspace, options.as);
          await syncWorkspace(db, hearth.clock, access.workspaceId);
          const found: PersonSummary[] = [];
          let cursor: string | undefined;
          do {
            const page = await listPeople(db, access, {
              sort: options.sort as PeopleSort,
              stage: options.stage as RelationshipStage | undefined,
              limit: Math.min(MAX_PAGE, limit - found.length),
              cursor,
              asOf: asOf === undefined ? undefined : new Date(asOf),
            });
            found.push(...page.people);
            cursor = page.nextCursor ?? undefined;
          } while (cursor !== undefined && found.length < limit);
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ people: found })}\n`
              : found.length === 0
                ? 'No people yet.\n'
                : table(found),
          );
        });
      },
    );

  people
    .command('show')
    .description('A person: identities, scores and how they were computed, notes, latest activities')
    .argument('<personId>')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the API’s PersonDetail, with `recentActivities`')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (personId: string, options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const db = hearth.db.kysely;
        const { access } = await actingOn(hearth, personId, options.as);
        const person = await getPerson(db, access, personId);
        const { activities } = await listActivities(db, access, personId, { limit: 10 });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ...person, recentActivities: activities })}\n`);
          return;
        }
        const out = [
          `${person.displayName ?? '(no name)'}  ${person.id}`,
          `  identities: ${handles(person) || 'none'}`,
          `  stage: ${person.stage}${person.nextStep ? `; next step: ${person.nextStep}${person.nextStepDue ? ` (due ${person.nextStepDue})` : ''}` : ''}`,
          `  tags: ${person.tags.join(', ') || 'none'}`,
          `  seen: ${person.firstSeenAt} → ${person.lastSeenAt}, ${person.activityCount} activities; languages: ${person.languages.join(', ') || 'unknown'}`,
          `  scores: engagement ${fixed(person.scores.engagement)} (${person.scores.engagementLevel}), reach ${fixed(person.scores.reach)}, ambassador ${fixed(person.scores.ambassador)}, influencer ${fixed(person.scores.influencer)}`,
          ...(person.explanations
            ? (['engagement', 'reach', 'ambassador', 'influencer'] as const).map(
                (kind) => `    ${kind}: ${person.explanations![kind].formula}`,
              )
            : ['    (not scored yet)']),
          ...person.notes.map(
            (note) => `  note (${note.authorName ?? 'someone'}, ${note.createdAt}): ${note.text}`,
          ),
          '  latest activities:',
          ...activities.map(
            (activity) =>
              `    ${activity.occurredAt} ${activity.type} on ${activity.network}${activity.targetHandle ? ` → ${activity.targetHandle}` : ''}: ${(activity.text ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
          ),
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });

  people
    .command('merge')
    .description(
      'Merge person B into person A (the same human on several networks); undone from the web UI or the API',
    )
    .argument('<keepId>', 'the person kept')
    .argument('<otherId>', 'the person merged into them')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print {merge: {id, keptPersonId, mergedPersonId}}')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (keepId: string, otherId: string, options: CommonOptions) => {
      if (keepId === otherId) {
        throw new CliError('A person cannot be merged into themselves');
      }
      await withHearth(options, async (hearth) => {
        const { access } = await actingOn(hearth, keepId, options.as);
        authorize(access.role, 'community.manage');
        if ((await workspaceOfPerson(hearth.db.kysely, otherId)) !== access.workspaceId) {
          throw new CliError(`No person ${otherId} in the workspace of ${keepId}`);
        }
        const merge = await mergePeople(hearth.db.kysely, hearth.clock, access.workspaceId, keepId, otherId, {
          actorId: access.userId,
        });
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ merge })}\n`
            : `Merged ${otherId} into ${keepId} (merge ${merge.id}).\n`,
        );
      });
    });

  people
    .command('forget')
    .description(
      'Erase a person: identities, activities, notes, merges, and the mentions and inbox messages they wrote; ' +
        'their identities are never recorded again (owners and admins)',
    )
    .argument('<personId>')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print what was erased, as counts')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (personId: string, options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingOn(hearth, personId, options.as);
        const report = await forgetPerson(hearth.db.kysely, hearth.clock, access, personId);
        process.stdout.write(
          options.json
            ? `${JSON.stringify(report)}\n`
            : `Forgot ${personId}: ${report.identities} identities, ${report.activities} activities, ${report.mentions} mentions, ` +
                `${report.conversations} conversations and ${report.messages} other messages erased.\n`,
        );
      });
    });
}
