import type { Kysely } from 'kysely';

/**
 * The originality index's documents per workspace: never the text, only its word-shingle hashes
 * (base64 of little-endian u32s) and the scheme that made them. A removed source keeps a tombstone
 * (`removed_at`) so that every process's in-memory index learns of the removal incrementally.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('originality_sources')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('url', 'text')
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('shingles', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('originality_sources_pk', ['workspace_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('originality_sources_updated_idx')
    .on('originality_sources')
    .columns(['workspace_id', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('originality_sources').execute();
}
