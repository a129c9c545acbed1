import type { Kysely } from 'kysely';

// A workspace's house style for the guardrails: its voice profile, its dictionary and its fact register.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('voice_profile', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('dictionary_words')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dictionary_words_pk', ['workspace_id', 'word'])
    .execute();

  await db.schema
    .createTable('facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('source_url', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('source_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facts_workspace_idx').on('facts').column('workspace_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('facts').execute();
  await db.schema.dropTable('dictionary_words').execute();
  await db.schema.alterTable('workspaces').dropColumn('voice_profile').execute();
}
