import { sql, type Kysely } from 'kysely';

/**
 * What reports need the past for: when a conversation was closed (resolution time), and each
 * connected account's follower count day by day (follower growth).
 *
 * Backfill: conversations already closed get closed_at = updated_at, their last change — the best
 * that is known of them (a tag or a note added after the close moved it), the same approximation
 * resolution times used before this column. Follower counts start empty: no history was kept before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('closed_at', 'text').execute();
  await sql`update conversations set closed_at = updated_at where status = 'closed'`.execute(db);
  await db.schema.createIndex('conversations_closed_idx').on('conversations').columns(['workspace_id', 'closed_at']).execute();
  await db.schema
    .createTable('account_follower_counts')
    .addColumn('account_id', 'text', (c) => c.notNull().references('connected_accounts.id').onDelete('cascade'))
    // YYYY-MM-DD, UTC: one row per account and day, the last count learned that day.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_follower_counts_pkey', ['account_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_follower_counts').execute();
  await db.schema.dropIndex('conversations_closed_idx').execute();
  await db.schema.alterTable('conversations').dropColumn('closed_at').execute();
}
