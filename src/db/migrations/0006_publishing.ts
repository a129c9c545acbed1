import type { Kysely } from 'kysely';

/**
 * Publishing: connected network accounts (credentials sealed with the secret box), posts with one
 * target per account, their images, and each account's weekly queue slots. A target is the unit of
 * publishing: its conditional status changes are what make publishing exactly-once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('approval_policy', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();

  await db.schema
    .createTable('connected_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('url', 'text')
    .addColumn('followers', 'integer')
    .addColumn('credentials', 'text', (c) => c.notNull())
    .addColumn('voice_override', 'text')
    .addColumn('health', 'text', (c) => c.notNull())
    .addColumn('health_message', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('connected_accounts_identity_idx')
    .on('connected_accounts')
    .columns(['workspace_id', 'network', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('partnership', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('check_verdict', 'text')
    .addColumn('check_score', 'integer')
    .addColumn('check_findings', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_workspace_status_idx').on('posts').columns(['workspace_id', 'status']).execute();
  await db.schema.createIndex('posts_workspace_publish_at_idx').on('posts').columns(['workspace_id', 'publish_at']).execute();

  await db.schema
    .createTable('post_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('connected_accounts.id'))
    .addColumn('text_override', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_attempt_at', 'text')
    .addColumn('outcome_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('published_text', 'text')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('ref', 'text')
    .addColumn('published_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('metrics', 'text')
    .addColumn('metrics_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_targets_post_idx').on('post_targets').column('post_id').execute();
  await db.schema.createIndex('post_targets_due_idx').on('post_targets').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('post_targets_post_account_idx').on('post_targets').columns(['post_id', 'account_id']).unique().execute();

  await db.schema
    .createTable('post_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_media_post_idx').on('post_media').column('post_id').execute();

  await db.schema
    .createTable('queue_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('connected_accounts.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('queue_slots_account_idx').on('queue_slots').columns(['account_id', 'weekday', 'minutes']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('queue_slots').execute();
  await db.schema.dropTable('post_media').execute();
  await db.schema.dropTable('post_targets').execute();
  await db.schema.dropTable('posts').execute();
  await db.schema.dropTable('connected_accounts').execute();
  await db.schema.alterTable('workspaces').dropColumn('approval_policy').execute();
}
