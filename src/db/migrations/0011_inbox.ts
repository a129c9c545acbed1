import { sql, type Kysely } from 'kysely';

/**
 * The inbox: conversations built from the mentions that address one of the workspace's connected
 * accounts (a mention of it, a reply to it, a quote), threaded by the network's thread root; their
 * messages (what came in, what we replied, internal notes); saved replies; per-workspace SLA.
 *
 * Mentions learn what threading needs: the post they answer (`reply_to`), their thread's root
 * (`thread_root`), the network reference a reply needs (`ref`, opaque to all but the connector) and
 * which of our accounts they address (`addressed_to`, a JSON array of handles or network ids).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mentions').addColumn('reply_to', 'text').execute();
  await db.schema.alterTable('mentions').addColumn('thread_root', 'text').execute();
  await db.schema.alterTable('mentions').addColumn('ref', 'text').execute();
  await db.schema.alterTable('mentions').addColumn('addressed_to', 'text').execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('connected_accounts.id').onDelete('set null'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('thread_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('snoozed_until', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('author_handle', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_followers', 'integer')
    .addColumn('last_sentiment', 'text')
    .addColumn('last_intents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('first_inbound_at', 'text', (c) => c.notNull())
    .addColumn('last_inbound_at', 'text', (c) => c.notNull())
    .addColumn('last_outbound_at', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('awaiting_since', 'text')
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conversations_thread_key', ['workspace_id', 'network', 'thread_key'])
    .execute();
  // The lists the inbox shows, each served by an index in its own order (spam is always a filter).
  await db.schema.createIndex('conversations_priority_idx').on('conversations').columns(['workspace_id', 'spam', 'status', 'priority', 'last_inbound_at']).execute();
  await db.schema.createIndex('conversations_all_priority_idx').on('conversations').columns(['workspace_id', 'spam', 'priority', 'last_inbound_at']).execute();
  await db.schema.createIndex('conversations_newest_idx').on('conversations').columns(['workspace_id', 'spam', 'last_inbound_at']).execute();
  await db.schema.createIndex('conversations_status_newest_idx').on('conversations').columns(['workspace_id', 'spam', 'status', 'last_inbound_at']).execute();
  await db.schema
    .createIndex('conversations_assignee_idx')
    .on('conversations')
    .columns(['workspace_id', 'spam', 'assignee_id', 'status', 'priority', 'last_inbound_at'])
    .execute();
  await db.schema.createIndex('conversations_author_idx').on('conversations').columns(['workspace_id', 'author_handle']).execute();
  await db.schema
    .createIndex('conversations_snoozed_idx')
    .on('conversations')
    .columns(['snoozed_until'])
    .where(sql.ref('status'), '=', 'snoozed')
    .execute();

  await db.schema
    .createTable('conversation_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mention_id', 'text', (c) => c.references('mentions.id').onDelete('set null'))
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_handle', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply_to_message_id', 'text')
    .addColumn('ref', 'text')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The sender's key: the same reply sent twice (a double click, a retried request) is one message.
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('conversation_messages_idempotency_key', ['conversation_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('conversation_messages_mention_key').on('conversation_messages').columns(['mention_id']).unique().execute();
  await db.schema.createIndex('conversation_messages_thread_idx').on('conversation_messages').columns(['conversation_id', 'created_at']).execute();
  // A reply joins the conversation of the post it answers: found by that post's network id.
  await db.schema.createIndex('conversation_messages_external_idx').on('conversation_messages').columns(['workspace_id', 'external_id']).execute();
  await db.schema.createIndex('conversation_messages_ref_idx').on('conversation_messages').columns(['workspace_id', 'ref']).execute();

  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_replies_name_key', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('inbox_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('next_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('business_hours', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbox_settings').execute();
  await db.schema.dropTable('saved_replies').execute();
  await db.schema.dropTable('conversation_messages').execute();
  await db.schema.dropTable('conversations').execute();
  for (const column of ['addressed_to', 'ref', 'thread_root', 'reply_to']) {
    await db.schema.alterTable('mentions').dropColumn(column).execute();
  }
}
