import type { Expression, ExpressionBuilder, Insertable, Kysely, Selectable, SqlBool } from 'kysely';
import { allOfFullText, dialectOf, fullTextCondition, fullTextIsSelective, withoutIndex, type FullTextQuery, type FullTextSpec } from '../db/dialects/fts.js';
import { toNumber } from '../db/dialects/numbers.js';
import type { DialectName } from '../db/database.js';
import type { Database, MentionsTable } from '../db/schema.js';
import type { IntentLabel, SentimentLabel } from '../analysis/types.js';
import type { StructuredFilter } from './query/index.js';

/** The mentions' full-text index, as migration 0007 made it. */
export const MENTIONS_FULL_TEXT: FullTextSpec = { table: 'mentions', column: 'search_text', sequence: 'seq' };

export type MentionInsert = Omit<Insertable<MentionsTable>, 'seq'>;
export type MentionRow = Omit<Selectable<MentionsTable>, 'search_text' | 'seq' | 'originality_at' | 'reply_to' | 'thread_root' | 'ref' | 'addressed_to'> & { seq: number };

/** Rows per INSERT: 26 columns × 500 stays under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 500;

/** Counts a source may update on an item already stored. */
export interface MentionCounts {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  author_followers: number | null;
}

export interface StoredIdentity extends MentionCounts {
  network: string;
  external_id: string;
}

/** Position in the stream (newest first): the last row of a page. */
export interface StreamPosition {
  createdAt: string;
  seq: number;
}

/** Which mentions: everything but the page (the stream and its statistics share it). */
export interface MentionFilter {
  workspaceId: string;
  /** Every one must match. */
  fullText: FullTextQuery[];
  /** A query's prefilter: conditions every match meets (dropping one only widens the result). */
  filters: StructuredFilter[];
  networks?: string[];
  languages?: string[];
  sentiments?: SentimentLabel[];
  /** Any of these intents (mentions.intents, a JSON array). */
  intents?: IntentLabel[];
  sourceId?: string;
  /** Only the mentions this saved query matched (mention_matches). */
  queryId?: string;
  /** created_at ≥ since, < until. */
  since?: string;
  until?: string;
}

export interface MentionPageCriteria extends MentionFilter {
  /** Rows strictly after this position, newest first. */
  after?: StreamPosition;
  limit: number;
}

const COLUMNS = [
  'mentions.seq',
  'mentions.id',
  'mentions.workspace_id',
  'mentions.source_id',
  'mentions.network',
  'mentions.external_id',
  'mentions.url',
  'mentions.author_handle',
  'mentions.author_name',
  'mentions.author_followers',
  'mentions.text',
  'mentions.language',
  'mentions.sentiment',
  'mentions.intents',
  'mentions.analysis',
  'mentions.has_link',
  'mentions.has_image',
  'mentions.has_mention',
  'mentions.has_hashtag',
  'mentions.likes',
  'mentions.reposts',
  'mentions.replies',
  'mentions.created_at',
  'mentions.ingested_at',
  'mentions.updated_at',
] as const;

type Eb = ExpressionBuilder<Database, 'mentions'>;

/** Whether the mention has one of these intents. */
function hasAnyIntent(eb: Eb, labels: readonly string[]): Expression<SqlBool> {
  // Stored as a JSON array of labels: '"label"' occurs exactly when the label is in it.
  return eb.or(labels.map((label) => eb('mentions.intents', 'like', `%"${label}"%`)));
}

/** At most this many rows make a condition selective enough to drive a query (see isSelective). */
const FEW = 1_000;

/**
 * Whether the filter's full-text condition or saved query matches few rows, which must then drive
 * the query: SQLite's planner, without statistics, would walk the workspace's stream index to the
 * end looking for them (fullTextIsSelective). PostgreSQL's planner chooses by itself.
 */
export async function isSelective(db: Kysely<Database>, criteria: MentionFilter): Promise<boolean> {
  if (dialectOf(db) === 'postgres') {
    return false;
  }
  if (criteria.fullText.length > 0 && (await fullTextIsSelective(db, MENTIONS_FULL_TEXT, allOfFullText(criteria.fullText), FEW))) {
    return true;
  }
  if (criteria.queryId === undefined) {
    return false;
  }
  const { n } = await db
    .selectFrom((eb) => eb.selectFrom('mention_matches').select('mention_id').where('query_id', '=', criteria.queryId ?? '').limit(FEW + 1).as('few'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return n <= FEW;
}

/**
 * The WHERE condition of a filter over `mentions`. `selective`: a condition that matches few rows,
 * which must then drive the query (see isSelective).
 */
export function mentionFilterCondition(eb: Eb, dialect: DialectName, criteria: MentionFilter, selective = false): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    eb(selective ? withoutIndex(dialect, 'mentions.workspace_id') : 'mentions.workspace_id', '=', criteria.workspaceId),
  ];
  if (criteria.fullText.length > 0) {
    conditions.push(fullTextCondition(dialect, MENTIONS_FULL_TEXT, allOfFullText(criteria.fullText)));
  }
  for (const filter of criteria.filters) {
    const condition = filterCondition(eb, filter);
    if (condition !== null) {
      conditions.push(condition);
    }
  }
  if (criteria.networks && criteria.networks.length > 0) {
    conditions.push(eb('mentions.network', 'in', criteria.networks));
  }
  if (criteria.languages && criteria.languages.length > 0) {
    conditions.push(eb('mentions.language', 'in', criteria.languages));
  }
  if (criteria.sentiments && criteria.sentiments.length > 0) {
    conditions.push(eb('mentions.sentiment', 'in', criteria.sentiments));
  }
  if (criteria.intents && criteria.intents.length > 0) {
    conditions.push(hasAnyIntent(eb, criteria.intents));
  }
  if (criteria.sourceId !== undefined) {
    conditions.push(eb('mentions.source_id', '=', criteria.sourceId));
  }
  if (criteria.queryId !== undefined) {
    conditions.push(
      eb(
        'mentions.id',
        'in',
        eb
          .selectFrom('mention_matches')
          .select('mention_matches.mention_id')
          .where('mention_matches.query_id', '=', criteria.queryId)
          .where('mention_matches.workspace_id', '=', criteria.workspaceId),
      ),
    );
  }
  if (criteria.since !== undefined) {
    conditions.push(eb('mentions.created_at', '>=', criteria.since));
  }
  if (criteria.until !== undefined) {
    conditions.push(eb('mentions.created_at', '<', criteria.until));
  }
  return eb.and(conditions);
}

/** A prefilter condition as SQL, or null for one this table has no column for. */
function filterCondition(eb: Eb, filter: StructuredFilter): Expression<SqlBool> | null {
  const negatable = (column: 'mentions.language' | 'mentions.network' | 'mentions.sentiment', values: string[], negated: boolean) =>
    negated ? eb.or([eb(column, 'is', null), eb(column, 'not in', values)]) : eb(column, 'in', values);
  switch (filter.field) {
    case 'language':
      return negatable('mentions.language', filter.values, filter.negated);
    case 'network':
      return negatable('mentions.network', filter.values, filter.negated);
    case 'sentiment':
      return negatable('mentions.sentiment', filter.values, filter.negated);
    case 'authorHandle': {
      const handle = eb.fn<string>('lower', ['mentions.author_handle']);
      const values = filter.values.map((value) => value.replace(/^@/, ''));
      return filter.negated ? eb.or([eb('mentions.author_handle', 'is', null), eb(handle, 'not in', values)]) : eb(handle, 'in', values);
    }
    case 'intents': {
      const has = hasAnyIntent(eb, filter.values);
      return filter.negated ? eb.not(has) : has;
    }
    case 'authorFollowers': {
      const bounds: Expression<SqlBool>[] = [];
      if (filter.min !== null) {
        bounds.push(eb('mentions.author_followers', '>=', filter.min));
      }
      if (filter.max !== null) {
        bounds.push(eb('mentions.author_followers', '<=', filter.max));
      }
      if (bounds.length === 0) {
        return null;
      }
      return filter.negated ? eb.or([eb('mentions.author_followers', 'is', null), eb.not(eb.and(bounds))]) : eb.and(bounds);
    }
    case 'hasLink':
      return eb('mentions.has_link', '=', filter.value ? 1 : 0);
    case 'hasImage':
      return eb('mentions.has_image', '=', filter.value ? 1 : 0);
    case 'hasMention':
      return eb('mentions.has_mention', '=', filter.value ? 1 : 0);
    case 'hasHashtag':
      return eb('mentions.has_hashtag', '=', filter.value ? 1 : 0);
  }
}

export function mentionsRepo(db: Kysely<Database>) {
  const dialect = dialectOf(db);
  return {
    /** Which of these (network, external id) pairs the workspace already holds, with their counts. */
    findStored: async (workspaceId: string, keys: readonly { network: string; externalId: string }[]): Promise<StoredIdentity[]> => {
      if (keys.length === 0) {
        return [];
      }
      // Two IN lists, not a row-value IN: PostgreSQL searches the unique index with both (a list of
      // pairs makes it scan the workspace). The few extra pairs of the cross product are dropped here.
      const wanted = new Set(keys.map((key) => `${key.network}\u0000${key.externalId}`));
      const rows = await db
        .selectFrom('mentions')
        .select(['network', 'external_id', 'likes', 'reposts', 'replies', 'author_followers'])
        .where('workspace_id', '=', workspaceId)
        .where('network', 'in', [...new Set(keys.map((key) => key.network))])
        .where('external_id', 'in', [...new Set(keys.map((key) => key.externalId))])
        .execute();
      return rows.filter((row) => wanted.has(`${row.network}\u0000${row.external_id}`));
    },
    /** Inserts the rows not stored yet; returns the identities of those it inserted. */
    insertNew: async (rows: readonly MentionInsert[]): Promise<{ id: string; network: string; external_id: string }[]> => {
      const inserted: { id: string; network: string; external_id: string }[] = [];
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        inserted.push(
          ...(await db
            .insertInto('mentions')
            .values(rows.slice(start, start + INSERT_CHUNK))
            .onConflict((oc) => oc.columns(['workspace_id', 'network', 'external_id']).doNothing())
            .returning(['id', 'network', 'external_id'])
            .execute()),
        );
      }
      return inserted;
    },
    /** Mentions not yet in the originality index, oldest first. */
    pendingOriginality: (limit: number) =>
      db
        .selectFrom('mentions')
        .select(['id', 'workspace_id', 'network', 'author_handle', 'url', 'text'])
        .where('originality_at', 'is', null)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    markOriginality: async (ids: readonly string[], now: string) => {
      for (let start = 0; start < ids.length; start += INSERT_CHUNK * 10) {
        await db
          .updateTable('mentions')
          .set({ originality_at: now })
          .where('id', 'in', ids.slice(start, start + INSERT_CHUNK * 10))
          .execute();
      }
    },
    updateCounts: (workspaceId: string, network: string, externalId: string, counts: MentionCounts, now: string) =>
      db
        .updateTable('mentions')
        .set({ ...counts, updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('network', '=', network)
        .where('external_id', '=', externalId)
        .execute(),
    /** One page of the stream, newest first (created_at, then insertion order). */
    search: async (criteria: MentionPageCriteria): Promise<MentionRow[]> => {
      // Few matches: let them drive (the workspace's index in date order would be walked to the end).
      const selective = await isSelective(db, criteria);
      let query = db
        .selectFrom('mentions')
        .select(COLUMNS)
        .where((eb) => mentionFilterCondition(eb, dialect, criteria, selective));
      const after = criteria.after;
      if (after !== undefined) {
        query = query.where((eb) =>
          eb.or([
            eb('mentions.created_at', '<', after.createdAt),
            eb.and([eb('mentions.created_at', '=', after.createdAt), eb('mentions.seq', '<', after.seq)]),
          ]),
        );
      }
      const rows = await query.orderBy('mentions.created_at', 'desc').orderBy('mentions.seq', 'desc').limit(criteria.limit).execute();
      return rows.map((row) => ({ ...row, seq: toNumber(row.seq) }));
    },
    /** Why a saved query matched these mentions, as stored at matching time (JSON), by mention id. */
    storedWhy: async (queryId: string, mentionIds: readonly string[]): Promise<Map<string, string>> => {
      if (mentionIds.length === 0) {
        return new Map();
      }
      const rows = await db
        .selectFrom('mention_matches')
        .select(['mention_id', 'why'])
        .where('query_id', '=', queryId)
        .where('mention_id', 'in', [...mentionIds])
        .execute();
      return new Map(rows.map((row) => [row.mention_id, row.why]));
    },
    count: async (workspaceId: string): Promise<number> =>
      toNumber(
        (await db.selectFrom('mentions').select((eb) => eb.fn.countAll<number | string>().as('count')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow())
          .count,
      ),
  };
}
