/** The only SQL of trends and competitors: windows of mentions, authors' posts, aggregates, competitors. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { dialectOf, withoutIndex } from '../../db/dialects/fts.js';
import { toNumber } from '../../db/dialects/numbers.js';
import type { Database } from '../../db/schema.js';
import type { CompetitorsTable } from './insights.tables.js';

export type CompetitorRow = Selectable<CompetitorsTable>;

/** A mention as trends read it: enough to count its terms and rank it as a sample. */
export interface WindowRow {
  id: string;
  seq: number;
  text: string;
  created_at: string;
  engagement: number;
}

/** Where a window scan stopped: the last row's position in (created_at, key) order. */
export interface WindowPosition {
  createdAt: string;
  key: string | number;
}

export interface WindowScan {
  workspaceId: string;
  /** Only the mentions this saved query matched. */
  queryId: string | null;
  since: string;
  until: string;
  /** Keep one mention in `sampleEvery` (by sequence number); 1 keeps all. */
  sampleEvery: number;
  after: WindowPosition | null;
  limit: number;
}

export interface Totals {
  mentions: number;
  engagement: number;
  reach: number;
}

/** A post with what the competitor report shows. */
export interface PostRow {
  id: string;
  network: string;
  url: string | null;
  author_handle: string | null;
  author_name: string | null;
  author_followers: number | null;
  text: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  created_at: string;
}

const POST_COLUMNS = [
  'mentions.id',
  'mentions.network',
  'mentions.url',
  'mentions.author_handle',
  'mentions.author_name',
  'mentions.author_followers',
  'mentions.text',
  'mentions.likes',
  'mentions.reposts',
  'mentions.replies',
  'mentions.created_at',
] as const;

const engagementOf = sql<number>`coalesce(mentions.likes, 0) + coalesce(mentions.reposts, 0) + coalesce(mentions.replies, 0)`;

export function insightsRepo(db: Kysely<Database>) {
  // Where rows are found by id, the workspace is checked without its index: SQLite's planner,
  // without statistics, would otherwise walk the whole workspace (1M rows) by workspace_id.
  const workspaceColumn = withoutIndex(dialectOf(db), 'mentions.workspace_id');
  return {
    /** How many mentions a window holds (to decide whether to sample it). */
    countWindow: async (
      workspaceId: string,
      queryId: string | null,
      since: string,
      until: string,
    ): Promise<number> => {
      const row =
        queryId === null
          ? await db
              .selectFrom('mentions')
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .where('workspace_id', '=', workspaceId)
              .where('created_at', '>=', since)
              .where('created_at', '<', until)
              .executeTakeFirstOrThrow()
          : await db
              .selectFrom('mention_matches')
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .where('query_id', '=', queryId)
              .where('workspace_id', '=', workspaceId)
              .where('mention_created_at', '>=', since)
              .where('mention_created_at', '<', until)
              .executeTakeFirstOrThrow();
      return toNumber(row.n);
    },

    /** One page of a window, in (created_at, key) order from the stream's or the query's index. */
    scanWindow: async (scan: WindowScan): Promise<{ rows: WindowRow[]; last: WindowPosition | null }> => {
      const sampled = sql<boolean>`mentions.seq % ${sql.lit(Math.max(1, Math.floor(scan.sampleEvery)))} = 0`;
      if (scan.queryId === null) {
        let query = db
          .selectFrom('mentions')
          .select([
            'mentions.id',
            'mentions.seq',
            'mentions.text',
            'mentions.created_at',
            engagementOf.as('engagement'),
          ])
          .where('mentions.workspace_id', '=', scan.workspaceId)
          .where('mentions.created_at', '>=', scan.since)
          .where('mentions.created_at', '<', scan.until);
        if (scan.sampleEvery > 1) {
          query = query.where(sampled);
        }
        const after = scan.after;
        if (after) {
          // The plain bound lets the index start at the position; the OR then settles ties.
          query = query
            .where('mentions.created_at', '>=', after.createdAt)
            .where((eb) =>
              eb.or([
                eb('mentions.created_at', '>', after.createdAt),
                eb.and([
                  eb('mentions.created_at', '=', after.createdAt),
                  eb('mentions.seq', '>', Number(after.key)),
                ]),
              ]),
            );
        }
        const rows = (
          await query.orderBy('mentions.created_at').orderBy('mentions.seq').limit(scan.limit).execute()
        ).map((row) => ({
          ...row,
          seq: toNumber(row.seq),
          engagement: toNumber(row.engagement),
        }));
        const last = rows.at(-1);
        return { rows, last: last ? { createdAt: last.created_at, key: last.seq } : null };
      }
      let query = db
        .selectFrom('mention_matches')
        .innerJoin('mentions', 'mentions.id', 'mention_matches.mention_id')
        .select([
          'mentions.id',
          'mentions.seq',
          'mentions.text',
          'mention_matches.mention_created_at as created_at',
          engagementOf.as('engagement'),
        ])
        .where('mention_matches.query_id', '=', scan.queryId)
        .where('mention_matches.workspace_id', '=', scan.workspaceId)
        .where('mention_matches.mention_created_at', '>=', scan.since)
        .where('mention_matches.mention_created_at', '<', scan.until);
      if (scan.sampleEvery > 1) {
        query = query.where(sampled);
      }
      const after = scan.after;
      if (after) {
        query = query
          .where('mention_matches.mention_created_at', '>=', after.createdAt)
          .where((eb) =>
            eb.or([
              eb('mention_matches.mention_created_at', '>', after.createdAt),
              eb.and([
                eb('mention_matches.mention_created_at', '=', after.createdAt),
                eb('mention_matches.mention_id', '>', String(after.key)),
              ]),
            ]),
          );
      }
      const rows = (
        await query
          .orderBy('mention_matches.mention_created_at')
          .orderBy('mention_matches.mention_id')
          .limit(scan.limit)
          .execute()
      ).map((row) => ({ ...row, seq: toNumber(row.seq), engagement: toNumber(row.engagement) }));
      const last = rows.at(-1);
      return { rows, last: last ? { createdAt: last.created_at, key: last.id } : null };
    },

    /** Mentions by id (samples), scoped to the workspace. */
    postsByIds: async (workspaceId: string, ids: readonly string[]): Promise<PostRow[]> =>
      ids.length === 0
        ? []
        : db
            .selectFrom('mentions')
            .select(POST_COLUMNS)
            .where('mentions.id', 'in', [...ids])
            .where(workspaceColumn, '=', workspaceId)
            .execute(),

    /** Posts by these handles (lower-case) in [since, until), newest first; the caller checks the network. */
    postsByAuthors: async (
      workspaceId: string,
      handles: readonly string[],
      since: string,
      until: string,
      limit: number,
    ): Promise<PostRow[]> =>
      handles.length === 0
        ? []
        : db
            .selectFrom('mentions')
            .select(POST_COLUMNS)
            .where('workspace_id', '=', workspaceId)
            // The expression of migration 0009's index, so the index serves it.
            .where(sql<string>`lower(author_handle)`, 'in', [...handles])
            .where('created_at', '>=', since)
            .where('created_at', '<', until)
            .orderBy('created_at', 'desc')
            .limit(limit)
            .execute(),

    /** Distinct mentions matched by any of these saved queries in [since, until), summed. */
    totalsOfQueries: async (
      workspaceId: string,
      queryIds: readonly string[],
      since: string,
      until: string,
    ): Promise<Totals> => {
      if (queryIds.length === 0) {
        return { mentions: 0, engagement: 0, reach: 0 };
      }
      const row = await db
        .selectFrom('mentions')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('mentions'),
          eb.fn.sum<number | string | null>(engagementOf).as('engagement'),
          eb.fn
            .sum<number | string | null>(eb.fn.coalesce('mentions.author_followers', sql.lit(0)))
            .as('reach'),
        ])
        .where(workspaceColumn, '=', workspaceId)
        .where('mentions.id', 'in', (eb) =>
          eb
            .selectFrom('mention_matches')
            .select('mention_matches.mention_id')
            .where('mention_matches.query_id', 'in', [...queryIds])
            .where('mention_matches.mention_created_at', '>=', since)
            .where('mention_matches.mention_created_at', '<', until),
        )
        .executeTakeFirstOrThrow();
      return {
        mentions: toNumber(row.mentions),
        engagement: toNumber(row.engagement),
        reach: toNumber(row.reach),
      };
    },

    listCompetitors: (workspaceId: string) =>
      db
        .selectFrom('competitors')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute(),
    findCompetitor: (workspaceId: string, id: string) =>
      db
        .selectFrom('competitors')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),
    insertCompetitor: (row: CompetitorRow) => db.insertInto('competitors').values(row).execute(),
    updateCompetitor: (
      workspaceId: string,
      id: string,
      changes: Partial<Pick<CompetitorRow, 'name' | 'accounts' | 'query_id' | 'query_text' | 'updated_at'>>,
    ) =>
      db
        .updateTable('competitors')
        .set(changes)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute(),
    deleteCompetitor: async (workspaceId: string, id: string): Promise<boolean> =>
      (
        await db
          .deleteFrom('competitors')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numDeletedRows > 0n,
  };
}
