/**
 * The inbox's conversations: the list (by status, assignee, spam; by priority or newest, paged by
 * keyset), one conversation with its messages, and what a team does to them — status (open /
 * pending / snoozed until / closed), assignment, tags, spam, internal notes.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ConversationStatus, Database } from '../db/schema.js';
import { authorize } from '../workspaces/policy.js';
import {
  dialectOf,
  fullTextCondition,
  fullTextIsSelective,
  fullTextNewestCondition,
  type FullTextQuery,
} from '../db/dialects/fts.js';
import { MENTIONS_FULL_TEXT } from '../listening/mentions.repo.js';
import { fts5String, tsQueryLexeme, words } from '../listening/query/index.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import {
  presentConversation,
  presentMessage,
  type ConversationRow,
  type ConversationView,
  type MessageView,
} from './conversations.presenter.js';
import { slaPolicyOf } from './inbox-settings.service.js';

export const CONVERSATION_STATUSES = [
  'open',
  'pending',
  'snoozed',
  'closed',
] as const satisfies readonly ConversationStatus[];
export const DEFAULT_PAGE = 50;
/** Searches whose words match at most this many messages are exact. */
export const SEARCH_EXACT_LIMIT = 2_000;
/** Above it, the newest this many matching messages are searched. */
export const SEARCH_WINDOW = 5_000;
export const MAX_PAGE = 200;

export interface ConversationFilter {
  status?: ConversationStatus;
  /** A user id, 'me' or 'none'. */
  assignee?: string;
  /** A department id (its team), or 'none'. */
  team?: string;
  /** Spam is sorted out of the main view: false (default) hides it, true shows only it. */
  spam?: boolean;
  network?: string;
  /** Words in what they wrote (any message), or the author's handle. */
  search?: string;
  sort?: 'priority' | 'newest';
  limit?: number;
  cursor?: string;
}

export interface ConversationPage {
  items: ConversationView[];
  nextCursor: string | null;
}

type Cursor = [number, string, string];

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decode(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'number' &&
      typeof value[1] === 'string' &&
      typeof value[2] === 'string'
    ) {
      return value as Cursor;
    }
  } catch {
    // falls through to the error below
  }
  throw invalid('cursor', 'is not a cursor this list gave');
}

export async function listConversations(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  filter: ConversationFilter = {},
): Promise<ConversationPage> {
  authorize(access.role, 'inbox.read');
  const limit = Math.min(MAX_PAGE, Math.max(1, filter.limit ?? DEFAULT_PAGE));
  const sort = filter.sort ?? 'priority';
  let query = db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .where('spam', '=', filter.spam ? 1 : 0);
  if (filter.status) {
    query = query.where('status', '=', filter.status);
  }
  if (filter.network) {
    query = query.where('network', '=', filter.network);
  }
  if (filter.team === 'none') {
    query = query.where('team_id', 'is', null);
  } else if (filter.team) {
    query = query.where('team_id', '=', filter.team);
  }
  if (filter.assignee === 'none') {
    query = query.where('assignee_id', 'is', null);
  } else if (filter.assignee) {
    query = query.where('assignee_id', '=', filter.assignee === 'me' ? access.userId : filter.assignee);
  }
  const search = filter.search === undefined ? null : searchOf(filter.search);
  if (search) {
    // The words go through the mentions' full-text index (what they wrote), a handle matches exactly;
    // one set of ids (a UNION, not an OR) lets the database start from the matches. Words that match
    // many messages (SQLite: more than SEARCH_EXACT_LIMIT; fullTextIsSelective says) search the newest
    // SEARCH_WINDOW matching messages: gathering or probing every match costs seconds at a million.
    const dialect = dialectOf(db);
    const common =
      dialect === 'sqlite' &&
      !(await fullTextIsSelective(db, MENTIONS_FULL_TEXT, search.fullText, SEARCH_EXACT_LIMIT));
    const byWords = db
      .selectFrom('conversation_messages')
      .innerJoin('mentions', 'mentions.id', 'conversation_messages.mention_id')
      .select('conversation_messages.conversation_id as id')
      .where('conversation_messages.workspace_id', '=', access.workspaceId)
      .where(
        common
          ? fullTextNewestCondition(dialect, MENTIONS_FULL_TEXT, search.fullText, SEARCH_WINDOW)
          : fullTextCondition(dialect, MENTIONS_FULL_TEXT, search.fullText),
      );
    const matching = search.handle
      ? byWords.union(
          db
            .selectFrom('conversations')
            .select('conversations.id as id')
            .where('workspace_id', '=', access.workspaceId)
            .where('author_handle', '=', search.handle),
        )
      : byWords;
    query = query.where('id', 'in', matching);
  }
  if (filter.cursor) {
    const [priority, at, id] = decode(filter.cursor);
    query =
      sort === 'priority'
        ? query.where((eb) =>
            eb.or([
              eb('priority', '<', priority),
              eb.and([
                eb('priority', '=', priority),
                eb.or([
                  eb('last_inbound_at', '>', at),
                  eb.and([eb('last_inbound_at', '=', at), eb('id', '>', id)]),
                ]),
              ]),
            ]),
          )
        : query.where((eb) =>
            eb.or([
              eb('last_inbound_at', '<', at),
              eb.and([eb('last_inbound_at', '=', at), eb('id', '<', id)]),
            ]),
          );
  }
  query =
    sort === 'priority'
      ? query.orderBy('priority', 'desc').orderBy('last_inbound_at', 'asc').orderBy('id', 'asc')
      : query.orderBy('last_inbound_at', 'desc').orderBy('id', 'desc');
  const rows = await query.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await present(db, access.workspaceId, page, clock.now()),
    nextCursor: rows.length > limit && last ? encode([last.priority, last.last_inbound_at, last.id]) : null,
  };
}

async function present(
  db: Kysely<Database>,
  workspaceId: string,
  rows: readonly ConversationRow[],
  now: Date,
): Promise<ConversationView[]> {
  const policy = await slaPolicyOf(db, workspaceId);
  const assigneeIds = [
    ...new Set(rows.map((row) => row.assignee_id).filter((id): id is string => id !== null)),
  ];
  const users =
    assigneeIds.length === 0
      ? []
      : await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', assigneeIds).execute();
  const byId = new Map(users.map((user) => [user.id, user]));
  const teamIds = [...new Set(rows.map((row) => row.team_id).filter((id): id is string => id !== null))];
  const teams =
    teamIds.length === 0
      ? []
      : await db.selectFrom('inbox_departments').select(['id', 'name']).where('id', 'in', teamIds).execute();
  const teamById = new Map(teams.map((team) => [team.id, team]));
  return rows.map((row) =>
    presentConversation(
      row,
      row.assignee_id ? (byId.get(row.assignee_id) ?? null) : null,
      policy,
      now,
      row.team_id ? (teamById.get(row.team_id) ?? null) : null,
    ),
  );
}

async function findRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw notFound('Conversation');
  }
  return row;
}

export interface ConversationDetail {
  conversation: ConversationView;
  messages: MessageView[];
}

export async function getConversation(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
): Promise<ConversationDetail> {
  authorize(access.role, 'inbox.read');
  const row = await findRow(db, access.workspaceId, id);
  const messages = await db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const [conversation] = await present(db, access.workspaceId, [row], clock.now());
  return { conversation: conversation!, messages: messages.map(presentMessage) };
}

export interface ConversationChanges {
  status?: ConversationStatus;
  /** Required with status 'snoozed'; ignored otherwise. */
  snoozedUntil?: string;
  /** A member's user id or e-mail; null unassigns. */
  assignee?: string | null;
  /** A department id: the team in charge; null leaves it to no team. */
  team?: string | null;
  tags?: string[];
  spam?: boolean;
}

export async function updateConversation(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
  changes: ConversationChanges,
): Promise<ConversationView> {
  authorize(access.role, 'inbox.reply');
  const row = await findRow(db, access.workspaceId, id);
  const now = clock.now();
  const set: Partial<ConversationRow> = { updated_at: now.toISOString() };
  if (changes.status !== undefined) {
    set.status = changes.status;
    set.snoozed_until = null;
    // The close is dated once, when it happens (closing a closed conversation again keeps its time).
    set.closed_at = changes.status === 'closed' ? (row.status === 'closed' ? row.closed_at : now.toISOString()) : null;
    if (changes.status === 'snoozed') {
      if (!changes.snoozedUntil || Date.parse(changes.snoozedUntil) <= now.getTime()) {
        throw invalid('snoozedUntil', 'a snoozed conversation needs a time in the future to come back');
      }
      set.snoozed_until = new Date(changes.snoozedUntil).toISOString();
    }
  }
  if (changes.assignee !== undefined) {
    set.assignee_id =
      changes.assignee === null ? null : await memberId(db, access.workspaceId, changes.assignee);
  }
  if (changes.team !== undefined) {
    if (changes.team !== null) {
      const team = await db
        .selectFrom('inbox_departments')
        .select('id')
        .where('workspace_id', '=', access.workspaceId)
        .where('id', '=', changes.team)
        .executeTakeFirst();
      if (!team) {
        throw invalid('team', 'is not a department of this workspace');
      }
    }
    set.team_id = changes.team;
  }
  if (changes.tags !== undefined) {
    set.tags = JSON.stringify(
      [...new Set(changes.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].sort(),
    );
  }
  if (changes.spam !== undefined) {
    set.spam = changes.spam ? 1 : 0;
  }
  await db.updateTable('conversations').set(set).where('id', '=', row.id).execute();
  const [view] = await present(db, access.workspaceId, [{ ...row, ...set }], now);
  return view!;
}

/** The same change to several conversations, in one transaction: all are found, or nothing changes. */
export async function updateConversations(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  ids: readonly string[],
  changes: ConversationChanges,
): Promise<ConversationView[]> {
  authorize(access.role, 'inbox.reply');
  return db.transaction().execute(async (trx) => {
    const views: ConversationView[] = [];
    for (const id of new Set(ids)) {
      views.push(await updateConversation(trx, clock, access, id, changes));
    }
    return views;
  });
}

/** Every word of the search, required; a lone @handle or handle-like word also matches the author. */
function searchOf(text: string): { fullText: FullTextQuery; handle: string | null } | null {
  const list = [...new Set(words(text))];
  if (list.length === 0) {
    return null;
  }
  const trimmed = text.trim().replace(/^@/, '').toLowerCase();
  return {
    fullText: { fts5: list.map(fts5String).join(' AND '), tsquery: list.map(tsQueryLexeme).join(' & ') },
    handle: /^[\w.-]+$/.test(trimmed) ? trimmed : null,
  };
}

/** A member of the workspace by user id or e-mail; 400 when not a member (nobody else may be assigned). */
async function memberId(db: Kysely<Database>, workspaceId: string, idOrEmail: string): Promise<string> {
  const member = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('users.id', '=', idOrEmail),
        eb(eb.fn('lower', ['users.email']), '=', idOrEmail.toLowerCase()),
      ]),
    )
    .executeTakeFirst();
  if (!member) {
    throw invalid('assignee', `"${idOrEmail}" is not a member of this workspace`);
  }
  return member.id;
}

export async function addNote(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
  text: string,
): Promise<MessageView> {
  authorize(access.role, 'inbox.reply');
  const row = await findRow(db, access.workspaceId, id);
  const body = text.trim();
  if (body === '') {
    throw invalid('text', 'a note needs words');
  }
  const now = isoNow(clock);
  const message = {
    id: newId(),
    conversation_id: row.id,
    workspace_id: access.workspaceId,
    kind: 'note' as const,
    mention_id: null,
    author_user_id: access.userId,
    author_handle: null,
    text: body,
    status: 'internal' as const,
    reply_to_message_id: null,
    ref: null,
    external_id: null,
    url: null,
    error: null,
    attempts: 0,
    idempotency_key: null,
    created_at: now,
    sent_at: null,
  };
  await db.insertInto('conversation_messages').values(message).execute();
  await db.updateTable('conversations').set({ updated_at: now }).where('id', '=', row.id).execute();
  return presentMessage(message);
}

/** Snoozed conversations whose time has come are open again. */
export async function wakeSnoozed(db: Kysely<Database>, clock: Clock): Promise<number> {
  const now = isoNow(clock);
  const result = await db
    .updateTable('conversations')
    .set({ status: 'open', snoozed_until: null, updated_at: now })
    .where('status', '=', 'snoozed')
    .where('snoozed_until', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
