import type { Kysely } from 'kysely';

/**
 * A merge also records the notes it moved and the tags it added to the kept person, so that undoing
 * it gives them back exactly (before, they stayed with the kept person, where a later "forget" of
 * the restored person would not find them). Merges made before keep the old behaviour: nothing
 * recorded, nothing moved back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('person_merges').addColumn('moved_note_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('person_merges').addColumn('added_tags', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('person_merges').dropColumn('added_tags').execute();
  await db.schema.alterTable('person_merges').dropColumn('moved_note_ids').execute();
}
