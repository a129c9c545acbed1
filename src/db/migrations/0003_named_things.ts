import type { Kysely } from 'kysely';

// The workspace's brand names, products and competitors, found in every analysed text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('named_things', 'text', (c) => c.notNull().defaultTo('{"brand":[],"products":[],"competitors":[]}'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('named_things').execute();
}
