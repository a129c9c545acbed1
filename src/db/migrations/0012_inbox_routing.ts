import type { Kysely } from 'kysely';

/**
 * Routing in the inbox: departments (support, sales, product, PR, legal… each with its own contact,
 * and the team a conversation can be assigned to),
 * rules applied in order to every new conversation (when → then), the members on duty that
 * round-robin assignment turns over, and an outbox of department notifications sent after commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox_departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inbox_departments_name_key', ['workspace_id', 'name'])
    .execute();
  await db.schema
    .createTable('inbox_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('round_robin_next', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inbox_rules_name_key', ['workspace_id', 'name'])
    .execute();
  await db.schema.alterTable('inbox_settings').addColumn('on_duty', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // A conversation can be in a department's hands (its team), besides or instead of one person's.
  await db.schema
    .alterTable('conversations')
    .addColumn('team_id', 'text', (c) => c.references('inbox_departments.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('conversations_team_idx').on('conversations').columns(['workspace_id', 'team_id', 'status']).execute();
  await db.schema
    .createTable('inbox_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.references('inbox_departments.id').onDelete('set null'))
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('inbox_notifications_pending_idx').on('inbox_notifications').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbox_notifications').execute();
  await db.schema.dropIndex('conversations_team_idx').execute();
  await db.schema.alterTable('conversations').dropColumn('team_id').execute();
  await db.schema.alterTable('inbox_settings').dropColumn('on_duty').execute();
  await db.schema.dropTable('inbox_rules').execute();
  await db.schema.dropTable('inbox_departments').execute();
}
