import { sql, type Kysely } from 'kysely';
import { createFullTextIndex, dropFullTextIndex, sequenceColumn, type FullTextSpec } from '../dialects/fts.js';

/** The mentions' full-text index (a frozen copy: mentions.repo.ts searches the same spec). */
const MENTIONS_FULL_TEXT: FullTextSpec = { table: 'mentions', column: 'search_text', sequence: 'seq' };

/**
 * Listening: where mentions come from (sources, with their polling state), the mentions themselves
 * (stored once per workspace, network and external id, with the analyzer's verdict, a full-text
 * index over their folded words, and when they reached the originality index), saved queries and
 * which stored mentions each query matched, why.
 *
 * The one dialect difference, full-text search, goes through db/dialects/fts.ts: `sequenceColumn`
 * (SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity) and `createFullTextIndex` (FTS5 table and
 * triggers; tsvector column and GIN index). Everything else is the same DDL on both databases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('listening_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('secret', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('cursor', 'text')
    .addColumn('poll_interval_seconds', 'integer')
    .addColumn('next_poll_at', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_item_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('listening_sources_name_idx')
    .on('listening_sources')
    .columns(['workspace_id', 'kind', 'name'])
    .unique()
    .where(sql.ref('removed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('listening_sources_due_idx').on('listening_sources').columns(['next_poll_at']).execute();

  const sequence = sequenceColumn(db);
  await db.schema
    .createTable('mentions')
    .addColumn('seq', sequence.type, sequence.build)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.references('listening_sources.id').onDelete('set null'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_followers', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text')
    .addColumn('intents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('analysis', 'text')
    .addColumn('has_link', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_image', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_mention', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_hashtag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('likes', 'integer')
    .addColumn('reposts', 'integer')
    .addColumn('replies', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('originality_at', 'text')
    .addUniqueConstraint('mentions_identity_key', ['workspace_id', 'network', 'external_id'])
    .execute();
  await db.schema.createIndex('mentions_stream_idx').on('mentions').columns(['workspace_id', 'created_at', 'seq']).execute();
  await db.schema.createIndex('mentions_source_idx').on('mentions').columns(['source_id']).execute();
  // The mentions not yet in the originality index: few at any time, so a partial index.
  await db.schema
    .createIndex('mentions_originality_pending_idx')
    .on('mentions')
    .columns(['seq'])
    .where(sql.ref('originality_at'), 'is', null)
    .execute();
  await createFullTextIndex(db, MENTIONS_FULL_TEXT);

  await db.schema
    .createTable('saved_queries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_queries_name_key', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('mention_matches')
    .addColumn('query_id', 'text', (c) => c.notNull().references('saved_queries.id').onDelete('cascade'))
    .addColumn('mention_id', 'text', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mention_created_at', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_matches_pk', ['query_id', 'mention_id'])
    .execute();
  await db.schema.createIndex('mention_matches_stream_idx').on('mention_matches').columns(['query_id', 'mention_created_at']).execute();
  await db.schema.createIndex('mention_matches_mention_idx').on('mention_matches').columns(['mention_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mention_matches').execute();
  await db.schema.dropTable('saved_queries').execute();
  await dropFullTextIndex(db, MENTIONS_FULL_TEXT);
  await db.schema.dropTable('mentions').execute();
  await db.schema.dropTable('listening_sources').execute();
}
