import type { Kysely } from 'kysely';

/**
 * The community CRM: people (a profile, a relationship stage, cached scores), their identities on
 * each network, every activity we know of, notes, merge suggestions and the merges a user confirmed
 * (kept so they can be undone), the identities a "forget" must keep out, and per-workspace scoring
 * settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('display_name', 'text')
    .addColumn('bio', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('avatar_url', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('next_step', 'text')
    .addColumn('next_step_due', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('activity_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement_level', 'text', (c) => c.notNull().defaultTo('exploring'))
    .addColumn('reach', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('ambassador', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('influencer', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('scores', 'text')
    .addColumn('scored_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const score of ['engagement', 'reach', 'ambassador', 'influencer'] as const) {
    await db.schema.createIndex(`people_${score}_idx`).on('people').columns(['workspace_id', `${score} desc`]).execute();
  }
  await db.schema.createIndex('people_stage_idx').on('people').columns(['workspace_id', 'stage']).execute();
  await db.schema.createIndex('people_next_step_idx').on('people').columns(['workspace_id', 'next_step_due']).execute();

  await db.schema
    .createTable('person_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('handle', 'text')
    .addColumn('display_name', 'text')
    .addColumn('bio', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('avatar_url', 'text')
    .addColumn('followers', 'integer')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('person_identities_key', ['workspace_id', 'network', 'account_key'])
    .execute();
  await db.schema.createIndex('person_identities_person_idx').on('person_identities').column('person_id').execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('identity_id', 'text', (c) => c.notNull().references('person_identities.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('target_identity_id', 'text', (c) => c.references('person_identities.id').onDelete('set null'))
    .addColumn('target_key', 'text')
    .addColumn('mention_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('sentiment', 'text')
    .addColumn('intents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('offensive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement_received', 'integer')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('activities_dedupe_key', ['workspace_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('activities_person_idx').on('activities').columns(['person_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_time_idx').on('activities').columns(['workspace_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_target_idx').on('activities').column('target_identity_id').execute();

  await db.schema
    .createTable('person_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_notes_person_idx').on('person_notes').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('merge_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_a_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('person_b_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('strength', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('merge_suggestions_pair_key', ['workspace_id', 'person_a_id', 'person_b_id'])
    .execute();
  await db.schema.createIndex('merge_suggestions_status_idx').on('merge_suggestions').columns(['workspace_id', 'status']).execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kept_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('merged_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('identity_ids', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('merged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('person_merges_kept_idx').on('person_merges').columns(['kept_person_id', 'created_at']).execute();

  await db.schema
    .createTable('forgotten_identities')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('forgotten_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('forgotten_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forgotten_identities_pk', ['workspace_id', 'network', 'key_hash'])
    .execute();

  await db.schema
    .createTable('community_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('scoring', 'text', (c) => c.notNull())
    .addColumn('sync_cursor', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'community_settings',
    'forgotten_identities',
    'person_merges',
    'merge_suggestions',
    'person_notes',
    'activities',
    'person_identities',
    'people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
