/**
 * `hearth post create|list|cancel`: schedule posts from the terminal. `create` writes a draft,
 * runs the guardrails and schedules it in one go (nothing is left behind when that fails); the
 * publishing itself is done by the job queue of `hearth serve` or `hearth worker`, exactly once.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { PostStatus } from '../../db/schema.js';
import type { Hearth } from '../../container.js';
import { listAccounts, type ConnectedAccount } from '../../publishing/accounts.service.js';
import type { Post } from '../../publishing/posts.presenter.js';
import { postsRepo } from '../../publishing/posts.repo.js';
import { createDraft, deletePost, listPosts } from '../../publishing/posts.service.js';
import { cancelPost, schedulePost } from '../../publishing/workflow.service.js';
import {
  actingMember,
  actingMemberIn,
  AS_HELP,
  findOneWorkspace,
  type ActingMember,
} from '../acting-member.js';
import { CliError, parseFlag } from '../cli-errors.js';
import { readStdin, withHearth } from '../context.js';

const DATA_HELP = 'data folder (env HEARTH_DATA_DIR, default ./.hearth)';
export const POST_STATUSES: readonly PostStatus[] = [
  'draft',
  'in_review',
  'changes_requested',
  'rejected',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'cancelled',
];
const JSON_POST_HELP =
  'print the post as one JSON object, the API’s Post: {id, status, text, language, partnership, publishAt, version, authorId, ' +
  'check: {verdict, score, findings} | null, override, review, targets: [{id, accountId, network, handle, status, publishAt, attempts, ' +
  'nextAttemptAt, url, externalId, publishedAt, lastError, metrics, warning, …}], media, createdAt, updatedAt}';

const textSchema = z.string().trim().min(1, { message: 'Write something first' }).max(70_000);
const atSchema = z.union([
  z.literal('now'),
  z.iso.datetime({
    offset: true,
    message: 'an ISO-8601 time with its offset, e.g. 2026-12-01T09:00:00+01:00, or "now"',
  }),
]);
const reasonSchema = z
  .string()
  .trim()
  .min(10, { message: 'give a reason of at least 10 characters: it goes into the audit log' })
  .max(2_000);
const languageSchema = z.enum(['fr', 'en'], { message: 'fr or en' });

/** The account a `--account` names: its id, or its handle (with or without @, any case). */
export function resolveAccount(accounts: readonly ConnectedAccount[], ref: string): ConnectedAccount {
  const byId = accounts.find((a) => a.id === ref);
  if (byId) {
    return byId;
  }
  const handle = ref.replace(/^@/, '').toLowerCase();
  const matches = accounts.filter((a) => a.handle.toLowerCase() === handle);
  if (matches.length === 1) {
    return matches[0]!;
  }
  if (matches.length > 1) {
    throw new CliError(
      `--account: several accounts are ${handle} (${matches.map((a) => `${a.network} ${a.id}`).join(', ')}): use the id`,
    );
  }
  const known = accounts.map((a) => a.handle).join(', ');
  throw new CliError(
    `--account: no connected account "${ref}" in this workspace${known ? ` (connected: ${known})` : ' (connect one with `hearth account connect`)'}`,
  );
}

/** A guardrails block as the CLI tells it: each error on its line, and the way out. */
function explainScheduleFailure(error: unknown): unknown {
  if (!(error instanceof AppError)) {
    return error;
  }
  const findings = error.fields.filter((field) => field.path.startsWith('check.'));
  if (error.code === 'conflict' && findings.length > 0) {
    return new CliError(
      [
        `The guardrails block this post (${findings.length} error${findings.length === 1 ? '' : 's'}); nothing was scheduled:`,
        ...findings.map((f) => `  - ${f.path.slice('check.'.length)}: ${f.message}`),
        'Fix the text, or (owner, admin or manager) schedule it anyway with --override-reason "why", kept in the audit log.',
      ].join('\n'),
    );
  }
  return new CliError(`${error.message}; nothing was scheduled`);
}

const when = (iso: string | null): string => iso ?? 'no time';
const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
};

function describePost(post: Post): string {
  const handles = post.targets.filter((t) => t.status !== 'cancelled').map((t) => t.handle);
  const check = post.check ? `guardrails ${post.check.verdict}, score ${post.check.score}` : 'not checked';
  return `Post ${post.id}: ${post.status}, ${when(post.publishAt)}, on ${handles.join(', ') || 'no account'} (${check}).`;
}

async function actingFor(
  hearth: Hearth,
  options: { workspace?: string; as?: string },
  postId?: string,
): Promise<ActingMember> {
  if (options.workspace !== undefined) {
    return actingMember(hearth.db.kysely, options.workspace, options.as);
  }
  const post = postId === undefined ? undefined : await postsRepo(hearth.db.kysely).findPostById(postId);
  if (!post) {
    throw new CliError(`No post ${postId ?? ''}`.trim());
  }
  return actingMemberIn(
    hearth.db.kysely,
    await findOneWorkspace(hearth.db.kysely, post.workspace_id),
    options.as,
  );
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerPost(program: Command): void {
  const post = program.command('post').description('Schedule, list and cancel posts');

  post
    .command('create')
    .description(
      'Write a post and schedule it (at --at, or now) after the guardrails pass; a block is an error listing the findings. ' +
        'The job queue of `hearth serve` or `hearth worker` publishes it, exactly once',
    )
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .requiredOption(
      '-a, --account <handleOrId>',
      'a connected account, by handle or id (repeat for several)',
      collect,
    )
    .requiredOption('-t, --text <text>', 'the text of the post ("-" reads it from standard input)')
    .option(
      '--at <time>',
      'when to publish: ISO-8601 with offset (2026-12-01T09:00:00+01:00) or "now"',
      'now',
    )
    .option('-l, --language <code>', 'fr or en (default: detected)')
    .option(
      '--override-reason <text>',
      'schedule despite a guardrails block (owner, admin, manager); the reason goes into the audit log',
    )
    .option('--as <email>', AS_HELP)
    .option('--json', JSON_POST_HELP)
    .option('-d, --data <dir>', DATA_HELP)
    .action(
      async (options: {
        workspace: string;
        account: string[];
        text: string;
        at: string;
        language?: string;
        overrideReason?: string;
        as?: string;
        json?: boolean;
        data?: string;
      }) => {
        const text = parseFlag('--text', textSchema, options.text === '-' ? await readStdin() : options.text);
        const at = parseFlag('--at', atSchema, options.at);
        const language =
          options.language === undefined
            ? undefined
            : parseFlag('--language', languageSchema, options.language);
        const reason =
          options.overrideReason === undefined
            ? undefined
            : parseFlag('--override-reason', reasonSchema, options.overrideReason);
        await withHearth(options, async (hearth) => {
          const p = hearth.publishing;
          const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
          const accounts = await listAccounts(p, access);
          const accountIds = options.account.map((ref) => resolveAccount(accounts, ref).id);
          const draft = await createDraft(p, access, { text, accountIds, ...(language ? { language } : {}) });
          let scheduled: Post;
          try {
            scheduled = await schedulePost(p, access, draft.id, {
              ...(at === 'now' ? {} : { publishAt: new Date(at).toISOString() }),
              ...(reason ? { override: { reason } } : {}),
            });
          } catch (error) {
            // One command, one outcome: a post that could not be scheduled is not left as a draft.
            await deletePost(p, access, draft.id);
            throw explainScheduleFailure(error);
          }
          if (options.json) {
            process.stdout.write(`${JSON.stringify(scheduled)}\n`);
            return;
          }
          process.stdout.write(`${describePost(scheduled)}\n`);
          for (const finding of scheduled.check?.findings ?? []) {
            process.stdout.write(`  ${finding.severity}  ${finding.rule}: ${finding.message}\n`);
          }
          if (scheduled.override) {
            process.stdout.write(
              'Scheduled despite the guardrails’ block; the reason is in the audit log.\n',
            );
          }
          process.stdout.write('It goes out when the job queue of `hearth serve` or `hearth worker` runs.\n');
        });
      },
    );

  post
    .command('list')
    .description('List the workspace’s posts, latest publish time first')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-s, --status <statuses>', `only these statuses, comma-separated: ${POST_STATUSES.join(', ')}`)
    .option('--as <email>', AS_HELP)
    .option('--json', 'print one JSON array of the API’s Post objects (see `hearth post create --help`)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(
      async (options: { workspace: string; status?: string; as?: string; json?: boolean; data?: string }) => {
        const statuses =
          options.status === undefined
            ? undefined
            : parseFlag(
                '--status',
                z.array(z.enum(POST_STATUSES as [PostStatus, ...PostStatus[]])),
                options.status.split(',').map((s) => s.trim()),
              );
        await withHearth(options, async (hearth) => {
          const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
          const posts = await listPosts(hearth.publishing, access, statuses ? { statuses } : {});
          if (options.json) {
            process.stdout.write(`${JSON.stringify(posts)}\n`);
            return;
          }
          if (posts.length === 0) {
            process.stdout.write('No post.\n');
            return;
          }
          for (const p of posts) {
            const handles = p.targets.map((t) => t.handle).join(',');
            process.stdout.write(
              `${p.id}  ${p.status.padEnd(11)}  ${when(p.publishAt).padEnd(24)}  ${handles}  ${excerpt(p.text)}\n`,
            );
          }
        });
      },
    );

  post
    .command('cancel')
    .description('Cancel what has not been sent of a post (refused while it is being published)')
    .argument('<id>', 'the post id')
    .option('-w, --workspace <idOrName>', 'the workspace id, or its exact name (default: the post’s)')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the cancelled post as one JSON object (the API’s Post)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(
      async (id: string, options: { workspace?: string; as?: string; json?: boolean; data?: string }) => {
        await withHearth(options, async (hearth) => {
          const { access } = await actingFor(hearth, options, id);
          const cancelled = await cancelPost(hearth.publishing, access, id).catch((error: unknown) => {
            throw error instanceof AppError && error.code === 'not_found'
              ? new CliError(`No post ${id} in this workspace`)
              : error;
          });
          process.stdout.write(
            options.json ? `${JSON.stringify(cancelled)}\n` : `${describePost(cancelled)}\n`,
          );
        });
      },
    );
}
