/** One of their messages in a conversation: the one named, or the latest (what a reply or a moderation acts on). */
import type { Kysely, Selectable } from 'kysely';
import { conflict, invalid } from '../core/errors.js';
import type { ConversationMessagesTable, Database } from '../db/schema.js';

export async function theirMessage(
  db: Kysely<Database>,
  conversationId: string,
  messageId: string | undefined,
  /** The request field that named it, for the error. */
  field: string,
): Promise<Selectable<ConversationMessagesTable>> {
  let query = db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'inbound');
  query = messageId
    ? query.where('id', '=', messageId)
    : query.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const message = await query.executeTakeFirst();
  if (!message) {
    throw messageId
      ? invalid(field, 'is not a message of theirs in this conversation')
      : conflict('This conversation has no message of theirs');
  }
  return message;
}
