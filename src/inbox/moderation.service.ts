/**
 * Moderation on the network, from the account a conversation arrived on: block its author, or hide
 * one of their replies under our post (where the network allows it: Bluesky hides replies in our own
 * threads; Mastodon only blocks). Each action leaves an internal note in the conversation and an
 * audit entry; a network that cannot do it says so (409), one that does not answer is a 502.
 */
import { isoNow } from '../core/clock.js';
import { AppError, conflict, networkUnavailable, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isConnectorError, type Connection } from '../connectors/types.js';
import { NETWORK_NAMES, openConnection } from '../publishing/accounts.service.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { presentMessage, type MessageView } from './conversations.presenter.js';
import { receivingAccount, type ReplyDeps } from './replies.service.js';
import { theirMessage } from './their-message.js';

export type ModerationAction = 'block' | 'hide';

/** Blocks the conversation's author, or hides one of their messages (default: the latest); returns the note it left. */
export async function moderate(
  deps: ReplyDeps,
  access: WorkspaceAccess,
  conversationId: string,
  action: ModerationAction,
  messageId?: string,
): Promise<MessageView> {
  authorize(access.role, action === 'block' ? 'inbox.manage' : 'inbox.reply');
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
  const account = await receivingAccount(db, conversation.account_id);
  if (!account) {
    throw conflict(
      'The account this conversation arrived on is no longer connected: reconnect it to moderate',
    );
  }
  const message = await theirMessage(db, conversationId, messageId, 'messageId');
  const network = NETWORK_NAMES[account.network];
  const capabilities = deps.connectors.connector(account.network).capabilities;
  if (action === 'block' && !capabilities.block) {
    throw conflict(`${network} does not let an account block another`);
  }
  if (action === 'hide' && !capabilities.hideReplies) {
    throw conflict(
      `${network} does not let an account hide the replies to its posts: block the author, or mark the conversation as spam`,
    );
  }
  let connection: Connection;
  try {
    connection = openConnection(deps, account);
  } catch {
    throw conflict(
      `The ${network} account’s credentials cannot be opened (was the secret key changed?): connect it again`,
    );
  }
  const who = conversation.author_handle ? `@${conversation.author_handle}` : 'the author';
  let note: string;
  if (action === 'block') {
    // Bluesky: the author's DID is in the post's at:// id; Mastodon: the handle (looked up by the connector).
    const author = message.external_id?.startsWith('at://')
      ? (message.external_id.slice(5).split('/')[0] ?? '')
      : (conversation.author_handle ?? '');
    if (author === '') {
      throw conflict('The author of this conversation is not known on the network');
    }
    await onNetwork(network, () => connection.block(author));
    note = `Blocked ${who} on ${network}.`;
  } else {
    if (!connection.capabilities.hideReplies) {
      throw conflict(
        `${network} does not let an account hide the replies to its posts: block the author, or mark the conversation as spam`,
      );
    }
    if (!message.ref) {
      throw conflict(
        'This message cannot be hidden from Hearth: its network did not give a way to point at it',
      );
    }
    const ref = message.ref;
    await onNetwork(network, () => connection.hideReply(ref));
    note = `Hid this reply from ${who} on ${network}: “${message.text.slice(0, 120)}”.`;
  }
  const now = isoNow(deps.clock);
  const row = {
    id: newId(),
    conversation_id: conversationId,
    workspace_id: access.workspaceId,
    kind: 'note' as const,
    mention_id: null,
    author_user_id: access.userId,
    author_handle: null,
    text: note,
    status: 'internal' as const,
    reply_to_message_id: message.id,
    ref: null,
    external_id: null,
    url: null,
    error: null,
    attempts: 0,
    idempotency_key: null,
    created_at: now,
    sent_at: null,
  };
  const tag = action === 'block' ? 'blocked' : 'hidden';
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('conversation_messages').values(row).execute();
    const tags = new Set([...(JSON.parse(conversation.tags) as string[]), tag]);
    await trx
      .updateTable('conversations')
      .set({ tags: JSON.stringify([...tags].sort()), updated_at: now })
      .where('id', '=', conversationId)
      .execute();
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: action === 'block' ? 'inbox.author_blocked' : 'inbox.reply_hidden',
      target: { type: 'conversation', id: conversationId },
      details: { network: account.network, author: conversation.author_handle },
    });
  });
  return presentMessage(row);
}

/** The network's refusal or silence, as the user should read it. */
async function onNetwork(network: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isConnectorError(error) && (error.kind === 'permanent' || error.kind === 'auth')) {
      throw new AppError('conflict', `${network} refused: ${error.message}`);
    }
    throw networkUnavailable(
      `${network} did not answer (${error instanceof Error ? error.message : String(error)}); try again in a moment`,
    );
  }
}
