import { sql, type Kysely } from 'kysely';

/**
 * Competitor watch: a competitor is a name, its accounts (network + handle, JSON) and what the
 * conversation about it looks like (a saved query, or query text of the listening language).
 *
 * Plus an index on the mentions by author, case-folded as the insights repository compares them, so
 * a competitor's own posts are read without walking the workspace's stream. Plain DDL: an
 * expression index is written the same way on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('competitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('query_id', 'text', (c) => c.references('saved_queries.id').onDelete('set null'))
    .addColumn('query_text', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('competitors_name_key', ['workspace_id', 'name'])
    .execute();
  await sql`create index mentions_author_idx on mentions (workspace_id, lower(author_handle), created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index mentions_author_idx`.execute(db);
  await db.schema.dropTable('competitors').execute();
}
