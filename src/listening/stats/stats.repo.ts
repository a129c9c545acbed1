/**
 * The statistics of a mention filter in SQL: counts per UTC hour and sentiment, top authors, and the
 * newest texts (for the top terms). Every query starts from the workspace's stream index
 * (mentions_stream_idx: workspace_id, created_at) bounded by the date range.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialects/fts.js';
import { toNumber } from '../../db/dialects/numbers.js';
import type { Database } from '../../db/schema.js';
import { isSelective, mentionFilterCondition, type MentionFilter } from '../mentions.repo.js';
import type { HourCount } from './buckets.js';

export interface AuthorCount {
  handle: string;
  name: string | null;
  count: number;
  /** The most followers seen on their mentions; null when no source gave it. */
  followers: number | null;
}

/** UTC hour of an ISO instant stored as text: `YYYY-MM-DDTHH`, the same on both databases. */
const HOUR = sql<string>`substr(${sql.ref('mentions.created_at')}, 1, 13)`;

export function statsRepo(db: Kysely<Database>) {
  const dialect = dialectOf(db);
  const selective = (filter: MentionFilter): Promise<boolean> => isSelective(db, filter);
  return {
    countsByHour: async (filter: MentionFilter): Promise<HourCount[]> => {
      const few = await selective(filter);
      const rows = await db
        .selectFrom('mentions')
        .select([HOUR.as('hour'), 'mentions.sentiment', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where((eb) => mentionFilterCondition(eb, dialect, filter, few))
        .groupBy([HOUR, 'mentions.sentiment'])
        .execute();
      return rows.map((row) => ({ hour: row.hour, sentiment: row.sentiment, count: toNumber(row.n) }));
    },
    topAuthors: async (filter: MentionFilter, limit: number): Promise<AuthorCount[]> => {
      const few = await selective(filter);
      const count = sql<number | string>`count(*)`;
      const followers = sql<number | string | null>`max(${sql.ref('mentions.author_followers')})`;
      const rows = await db
        .selectFrom('mentions')
        .select([
          'mentions.author_handle as handle',
          sql<string | null>`max(${sql.ref('mentions.author_name')})`.as('name'),
          count.as('n'),
          followers.as('followers'),
        ])
        .where((eb) => mentionFilterCondition(eb, dialect, filter, few))
        .where('mentions.author_handle', 'is not', null)
        .groupBy('mentions.author_handle')
        // Ties: the most followed first (nulls last on both databases), then by handle.
        .orderBy(count, 'desc')
        .orderBy(sql`coalesce(${followers}, -1)`, 'desc')
        .orderBy('mentions.author_handle')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        handle: row.handle ?? '',
        name: row.name,
        count: toNumber(row.n),
        followers: row.followers === null ? null : toNumber(row.followers),
      }));
    },
    /** The texts of the newest `limit` mentions. */
    recentTexts: async (filter: MentionFilter, limit: number): Promise<string[]> => {
      const few = await selective(filter);
      const rows = await db
        .selectFrom('mentions')
        .select('mentions.text')
        .where((eb) => mentionFilterCondition(eb, dialect, filter, few))
        .orderBy('mentions.created_at', 'desc')
        .orderBy('mentions.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => row.text);
    },
  };
}
