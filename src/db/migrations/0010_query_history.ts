import type { Kysely } from 'kysely';

/**
 * A saved query's history: matching the mentions stored before it was saved (or before it changed)
 * runs in the background, newest first, and says how far it got. Queries saved before this migration
 * start 'pending', so their history is matched too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('saved_queries')
    .addColumn('history_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  await db.schema.alterTable('saved_queries').addColumn('history_cursor', 'text').execute();
  await db.schema.alterTable('saved_queries').addColumn('history_scanned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('saved_queries').addColumn('history_matched', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('saved_queries').addColumn('history_lease_until', 'text').execute();
  await db.schema.alterTable('saved_queries').addColumn('history_done_at', 'text').execute();
  await db.schema.alterTable('saved_queries').addColumn('history_error', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['history_error', 'history_done_at', 'history_lease_until', 'history_matched', 'history_scanned', 'history_cursor', 'history_status']) {
    await db.schema.alterTable('saved_queries').dropColumn(column).execute();
  }
}
