/**
 * Replying from the inbox: from the account the conversation arrived on, checked by the guardrails
 * against the message it answers (an aggressive or defensive reply is blocked, with the findings),
 * and sent exactly once. The reply is stored first ('sending', keyed by the sender's idempotency
 * key, so the same request sent twice is one reply); the connector publishes it under the message's
 * id (Bluesky derives the record key from it, Mastodon sends it as Idempotency-Key), so a retry after
 * an unknown outcome can never post twice. Sent synchronously: the agent sees at once whether it left.
 */
import type { Kysely, Selectable } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { SecretBox } from '../core/secret-box.js';
import type { ConnectedAccountsTable, Database } from '../db/schema.js';
import type { IntentLabel } from '../analysis/types.js';
import {
  checkForWorkspace,
  type CheckingDeps,
  type WorkspaceCheckResult,
} from '../checking/workspace-check.service.js';
import { isConnectorError } from '../connectors/types.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { openConnection } from '../publishing/accounts.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { presentMessage, type MessageRow, type MessageView } from './conversations.presenter.js';
import { contentPriority } from './priority.js';
import { fillReply, findSavedReply, firstNameOf } from './saved-replies.service.js';
import { theirMessage } from './their-message.js';

export interface ReplyDeps extends CheckingDeps {
  secrets: SecretBox;
  connectors: ConnectorRegistry;
}

export interface ReplyRequest {
  /** The reply's text; with a saved reply, what is sent is the saved text filled in when text is absent. */
  text?: string;
  savedReplyId?: string;
  /** The message answered (default: the latest message of theirs). */
  replyToMessageId?: string;
  /** The sender's key: sending again with the same key returns the first reply. */
  idempotencyKey?: string;
  /** What the conversation becomes once the reply is sent (default: unchanged). */
  then?: 'pending' | 'closed';
}

export interface ReplyOutcome {
  message: MessageView;
  check: WorkspaceCheckResult | null;
}

export async function sendReply(
  deps: ReplyDeps,
  access: WorkspaceAccess,
  conversationId: string,
  request: ReplyRequest,
): Promise<ReplyOutcome> {
  authorize(access.role, 'inbox.reply');
  const { db } = deps;
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) {
    throw notFound('Conversation');
  }
  if (request.idempotencyKey) {
    const existing = await db
      .selectFrom('conversation_messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('idempotency_key', '=', request.idempotencyKey)
      .executeTakeFirst();
    if (existing) {
      return { message: presentMessage(existing), check: null };
    }
  }
  const answered = await theirMessage(db, conversationId, request.replyToMessageId, 'replyToMessageId');
  if (!answered.ref) {
    throw conflict(
      'This message cannot be answered from Hearth: its network did not give a way to reply to it',
    );
  }
  const account = await receivingAccount(db, conversation.account_id);
  if (!account) {
    throw conflict('The account this conversation arrived on is no longer connected: reconnect it to reply');
  }

  const text = await replyText(deps, access, conversation, request);
  const check = await checkForWorkspace(deps, access, {
    text,
    replyTo: answered.text,
    ...(account.network === 'bluesky' || account.network === 'mastodon' ? { network: account.network } : {}),
    ...(account.voice_override ? { accountVoice: JSON.parse(account.voice_override) as unknown } : {}),
  });
  if (check.verdict === 'block') {
    const errors = check.findings.filter((finding) => finding.severity === 'error');
    throw new AppError(
      'conflict',
      `The guardrails block this reply (${errors.length} error${errors.length === 1 ? '' : 's'}): ${errors[0]?.message ?? ''}`,
      errors.slice(0, 20).map((finding) => ({ path: `check.${finding.rule}`, message: finding.message })),
    );
  }

  const now = isoNow(deps.clock);
  const message: MessageRow = {
    id: newId(),
    conversation_id: conversationId,
    workspace_id: access.workspaceId,
    kind: 'reply',
    mention_id: null,
    author_user_id: access.userId,
    author_handle: account.handle,
    text,
    status: 'sending',
    reply_to_message_id: answered.id,
    ref: null,
    external_id: null,
    url: null,
    error: null,
    attempts: 0,
    idempotency_key: request.idempotencyKey ?? null,
    created_at: now,
    sent_at: null,
  };
  const inserted = await db
    .insertInto('conversation_messages')
    .values(message)
    .onConflict((oc) => oc.columns(['conversation_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0 && request.idempotencyKey) {
    // The same request, sent at the same moment: the other one sends it.
    const existing = await db
      .selectFrom('conversation_messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('idempotency_key', '=', request.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { message: presentMessage(existing), check };
  }
  const sent = await deliver(deps, message, answered.ref, account, request.then);
  return { message: presentMessage(sent), check };
}

/** Sends again a reply whose sending failed or whose outcome is unknown, under the same key. */
export async function retryReply(
  deps: ReplyDeps,
  access: WorkspaceAccess,
  messageId: string,
): Promise<MessageView> {
  authorize(access.role, 'inbox.reply');
  const message = await deps.db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message || message.kind !== 'reply') {
    throw notFound('Reply');
  }
  if (message.status === 'sent') {
    return presentMessage(message);
  }
  // Only one sender at a time: the claim moves it out of failed/unknown.
  const claimed = await deps.db
    .updateTable('conversation_messages')
    .set({ status: 'sending' })
    .where('id', '=', messageId)
    .where('status', 'in', ['failed', 'unknown'])
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    throw conflict('This reply is being sent right now');
  }
  const answered = message.reply_to_message_id
    ? await deps.db
        .selectFrom('conversation_messages')
        .select(['ref'])
        .where('id', '=', message.reply_to_message_id)
        .executeTakeFirst()
    : undefined;
  const conversation = await deps.db
    .selectFrom('conversations')
    .select(['account_id'])
    .where('id', '=', message.conversation_id)
    .executeTakeFirstOrThrow();
  const account = await receivingAccount(deps.db, conversation.account_id);
  if (!answered?.ref || !account) {
    await deps.db
      .updateTable('conversation_messages')
      .set({ status: 'failed', error: 'The account or the message answered is gone' })
      .where('id', '=', messageId)
      .execute();
    throw conflict('The account or the message this reply answers is gone');
  }
  return presentMessage(
    await deliver(deps, { ...message, status: 'sending' }, answered.ref, account, undefined),
  );
}

type AccountForReply = Selectable<ConnectedAccountsTable>;

/** The connected account a conversation arrived on, while it is still connected. */
export async function receivingAccount(
  db: Kysely<Database>,
  accountId: string | null,
): Promise<AccountForReply | undefined> {
  return accountId === null
    ? undefined
    : db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('id', '=', accountId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
}

async function deliver(
  deps: ReplyDeps,
  message: MessageRow,
  replyTo: string,
  account: AccountForReply,
  then: ReplyRequest['then'],
): Promise<MessageRow> {
  const attempts = message.attempts + 1;
  try {
    const connection = openConnection(deps, account);
    let published =
      connection.capabilities.readBack && message.attempts > 0
        ? await connection.findPublished(message.id)
        : null;
    published ??= await connection.publish({ idempotencyKey: message.id, text: message.text, replyTo });
    const sentAt = isoNow(deps.clock);
    const sent: MessageRow = {
      ...message,
      status: 'sent',
      ref: published.ref,
      external_id: published.externalId,
      url: published.url,
      error: null,
      attempts,
      sent_at: sentAt,
    };
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('conversation_messages')
        .set({
          status: 'sent',
          ref: sent.ref,
          external_id: sent.external_id,
          url: sent.url,
          error: null,
          attempts,
          sent_at: sentAt,
        })
        .where('id', '=', message.id)
        .execute();
      await markAnswered(trx, deps.clock, message.conversation_id, sentAt, then);
    });
    return sent;
  } catch (error) {
    const unknown =
      isConnectorError(error) && (error.kind === 'unknown_outcome' || error.kind === 'transient');
    const status = unknown ? 'unknown' : 'failed';
    const reason = error instanceof Error ? error.message : String(error);
    await deps.db
      .updateTable('conversation_messages')
      .set({ status, error: reason.slice(0, 1_000), attempts })
      .where('id', '=', message.id)
      .execute();
    return { ...message, status, error: reason, attempts };
  }
}

/** We had the last word: the wait stops, the first response is dated, the priority drops what answering settled. */
async function markAnswered(
  trx: Kysely<Database>,
  clock: Clock,
  conversationId: string,
  sentAt: string,
  then: ReplyRequest['then'],
): Promise<void> {
  const row = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const reasons = contentPriority({
    sentiment: row.last_sentiment,
    offensive: false,
    intents: JSON.parse(row.last_intents) as IntentLabel[],
    followers: row.author_followers,
    answered: true,
  });
  await trx
    .updateTable('conversations')
    .set({
      last_outbound_at: sentAt,
      first_response_at: row.first_response_at ?? sentAt,
      awaiting_since: null,
      priority: reasons.score,
      priority_reasons: JSON.stringify(reasons.reasons),
      ...(then
        ? {
            status: then,
            snoozed_until: null,
            // Dated when it closes; a conversation closed already keeps its time, any other status clears it.
            closed_at: then === 'closed' ? (row.status === 'closed' ? row.closed_at : isoNow(clock)) : null,
          }
        : {}),
      updated_at: isoNow(clock),
    })
    .where('id', '=', conversationId)
    .execute();
}

async function replyText(
  deps: ReplyDeps,
  access: WorkspaceAccess,
  person: { author_name: string | null; author_handle: string | null },
  request: ReplyRequest,
): Promise<string> {
  let text = request.text?.trim() ?? '';
  if (request.savedReplyId && text === '') {
    text = (await findSavedReply(deps.db, access.workspaceId, request.savedReplyId)).text;
  }
  if (text === '') {
    throw invalid('text', 'a reply needs words (or a saved reply)');
  }
  const agent = await deps.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', access.userId)
    .executeTakeFirst();
  return fillReply(text, {
    firstName: firstNameOf(person.author_name),
    name: person.author_name,
    handle: person.author_handle ? `@${person.author_handle}` : null,
    agentName: agent?.name ?? null,
  });
}
