/**
 * `hearth inbox list|reply|close|assign`: the inbox from a terminal. A conversation id names its
 * workspace, so only `list` asks for one; every command acts as a member (`--as`, default the first
 * owner) with that member's role. `reply` exits 1 with the guardrails' findings when they block it;
 * `block` and `hide` moderate on the network.
 */
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { ConversationStatus } from '../../db/schema.js';
import type { Hearth } from '../../container.js';
import {
  CONVERSATION_STATUSES,
  listConversations,
  updateConversation,
  type ConversationChanges,
} from '../../inbox/conversations.service.js';
import type { ConversationView } from '../../inbox/conversations.presenter.js';
import { sendReply, type ReplyDeps } from '../../inbox/replies.service.js';
import { moderate } from '../../inbox/moderation.service.js';
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

function line(conversation: ConversationView): string {
  const who = conversation.author.handle
    ? `@${conversation.author.handle}`
    : (conversation.author.name ?? 'someone');
  const sla = conversation.sla
    ? conversation.sla.overdue
      ? ' OVERDUE'
      : ` due ${conversation.sla.dueAt}`
    : '';
  const assignee = conversation.assignee ? ` → ${conversation.assignee.email}` : '';
  const subject = conversation.subject.replace(/\s+/g, ' ');
  return `${conversation.id}  ${conversation.status.padEnd(7)} p${String(conversation.priority.score).padStart(3)}${sla}${assignee}  ${conversation.network} ${who}: ${subject.length > 100 ? `${subject.slice(0, 99)}…` : subject}`;
}

/** What replying and moderating need, from the running house. */
const replyDepsOf = (hearth: Hearth): ReplyDeps => ({
  db: hearth.db.kysely,
  clock: hearth.clock,
  analyzer: hearth.analyzer,
  spelling: hearth.spelling,
  originality: hearth.originality,
  secrets: hearth.secrets,
  connectors: hearth.connectors,
});

/** The member acting on a conversation, in the conversation's workspace. */
async function actingOn(
  hearth: Hearth,
  conversationId: string,
  asEmail: string | undefined,
): Promise<ActingMember> {
  const row = await hearth.db.kysely
    .selectFrom('conversations')
    .select('workspace_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!row) {
    throw new CliError(`No conversation ${conversationId}`);
  }
  return actingMemberIn(
    hearth.db.kysely,
    await findOneWorkspace(hearth.db.kysely, row.workspace_id),
    asEmail,
  );
}

async function change(
  conversationId: string,
  changes: ConversationChanges,
  options: CommonOptions,
  done: string,
): Promise<void> {
  await withHearth(options, async (hearth) => {
    const { access } = await actingOn(hearth, conversationId, options.as);
    const updated = await updateConversation(hearth.db.kysely, hearth.clock, access, conversationId, changes);
    process.stdout.write(options.json ? `${JSON.stringify(updated)}\n` : `${done}: ${line(updated)}\n`);
  });
}

export function registerInbox(program: Command): void {
  const inbox = program
    .command('inbox')
    .description('Conversations with the brand: list them, reply, assign, close');

  inbox
    .command('list')
    .description('Conversations, most urgent first (or --sort newest); spam is left out')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--status <status>', CONVERSATION_STATUSES.join(' | '))
    .option('--assignee <email>', 'assigned to this member ("none": to nobody)')
    .option('--sort <sort>', 'priority | newest', 'priority')
    .option('-n, --limit <n>', 'how many, 1 to 200', '50')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print {items, nextCursor} (the API’s Conversation)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(
      async (
        options: CommonOptions & {
          workspace: string;
          status?: string;
          assignee?: string;
          sort: string;
          limit: string;
        },
      ) => {
        if (
          options.status !== undefined &&
          !(CONVERSATION_STATUSES as readonly string[]).includes(options.status)
        ) {
          throw new CliError(
            `--status must be one of ${CONVERSATION_STATUSES.join(', ')}, not "${options.status}"`,
          );
        }
        if (options.sort !== 'priority' && options.sort !== 'newest') {
          throw new CliError(`--sort must be priority or newest, not "${options.sort}"`);
        }
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
          throw new CliError(`--limit must be a whole number from 1 to 200, not "${options.limit}"`);
        }
        await withHearth(options, async (hearth) => {
          const db = hearth.db.kysely;
          const { access } = await actingMember(db, options.workspace, options.as);
          let assignee: string | undefined;
          if (options.assignee === 'none') {
            assignee = 'none';
          } else if (options.assignee) {
            const user = await db
              .selectFrom('users')
              .select('id')
              .where((eb) => eb(eb.fn('lower', ['email']), '=', options.assignee!.toLowerCase()))
              .executeTakeFirst();
            if (!user) {
              throw new CliError(`No user with the e-mail ${options.assignee}`);
            }
            assignee = user.id;
          }
          const page = await listConversations(db, hearth.clock, access, {
            ...(options.status ? { status: options.status as ConversationStatus } : {}),
            ...(assignee ? { assignee } : {}),
            sort: options.sort === 'newest' ? 'newest' : 'priority',
            limit,
          });
          if (options.json) {
            process.stdout.write(`${JSON.stringify(page)}\n`);
          } else {
            process.stdout.write(
              page.items.length === 0 ? 'No conversations.\n' : `${page.items.map(line).join('\n')}\n`,
            );
          }
        });
      },
    );

  inbox
    .command('reply')
    .description(
      'Reply from the account the conversation arrived on, after the guardrails (exit 1 with their findings when they block it)',
    )
    .argument('<conversationId>')
    .requiredOption(
      '--text <text>',
      'the reply ({{firstName}}, {{name}}, {{handle}}, {{agentName}} are filled in)',
    )
    .option('--close', 'close the conversation once sent')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print {message, check}')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (conversationId: string, options: CommonOptions & { text: string; close?: boolean }) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingOn(hearth, conversationId, options.as);
        try {
          const outcome = await sendReply(replyDepsOf(hearth), access, conversationId, {
            text: options.text,
            ...(options.close ? { then: 'closed' as const } : {}),
          });
          const { message } = outcome;
          if (options.json) {
            process.stdout.write(`${JSON.stringify(outcome)}\n`);
          } else {
            process.stdout.write(
              message.status === 'sent'
                ? `Sent${message.url ? `: ${message.url}` : ''}\n`
                : `Not sent (${message.status}): ${message.error ?? ''}\n`,
            );
          }
          if (message.status !== 'sent') {
            process.exitCode = 1;
          }
        } catch (error) {
          if (error instanceof AppError && error.fields.some((detail) => detail.path.startsWith('check.'))) {
            const findings = error.fields
              .map((detail) => `  ${detail.path.slice('check.'.length)}: ${detail.message}`)
              .join('\n');
            throw new CliError(
              `${error.message.split(':')[0] ?? 'The guardrails block this reply'}:\n${findings}`,
            );
          }
          throw error;
        }
      });
    });

  for (const [action, description] of [
    [
      'block',
      'Block the author on the network, from the account the conversation arrived on (owner, admin, manager)',
    ],
    ['hide', 'Hide their latest reply under our post, where the network allows it (Bluesky)'],
  ] as const) {
    inbox
      .command(action)
      .description(description)
      .argument('<conversationId>')
      .option('--as <email>', AS_HELP)
      .option('--json', 'print the note it left in the conversation')
      .option('-d, --data <dir>', DATA_HELP)
      .action(async (conversationId: string, options: CommonOptions) => {
        await withHearth(options, async (hearth) => {
          const { access } = await actingOn(hearth, conversationId, options.as);
          const note = await moderate(replyDepsOf(hearth), access, conversationId, action);
          process.stdout.write(options.json ? `${JSON.stringify(note)}\n` : `${note.text}\n`);
        });
      });
  }

  inbox
    .command('close')
    .description('Close a conversation (a new message from them reopens it)')
    .argument('<conversationId>')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the conversation')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (conversationId: string, options: CommonOptions) =>
      change(conversationId, { status: 'closed' }, options, 'Closed'),
    );

  inbox
    .command('assign')
    .description('Assign a conversation to a member of its workspace')
    .argument('<conversationId>')
    .requiredOption('--to <email>', 'the member’s e-mail ("none" unassigns)')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the conversation')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (conversationId: string, options: CommonOptions & { to: string }) =>
      change(
        conversationId,
        { assignee: options.to === 'none' ? null : options.to },
        options,
        options.to === 'none' ? 'Unassigned' : `Assigned to ${options.to}`,
      ),
    );
}
