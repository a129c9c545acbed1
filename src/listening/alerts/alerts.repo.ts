/** The only SQL of alerting: rules, fired alerts, deliveries, and the counts and mentions rules read. */
import {
  sql,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Expression,
  type ExpressionBuilder,
} from 'kysely';
import { toNumber } from '../../db/dialects/numbers.js';
import type { Database, MentionsTable, SavedQueryTag } from '../../db/schema.js';
import type { AlertDeliveryRow, AlertKind, AlertRow, AlertRuleRow, DeliveryStatus } from './alerts.tables.js';
import './alerts.tables.js';

export interface TimeRange {
  /** ISO, inclusive. */
  start: string;
  /** ISO, exclusive. */
  end: string;
}

export interface HourRow {
  /** `YYYY-MM-DDTHH` of the UTC hour. */
  hour: string;
  total: number;
  negative: number;
}

export type MentionSampleRow = Pick<
  Selectable<MentionsTable>,
  | 'id'
  | 'network'
  | 'author_handle'
  | 'author_name'
  | 'author_followers'
  | 'text'
  | 'url'
  | 'created_at'
  | 'sentiment'
  | 'intents'
>;

export interface OpportunityRow extends MentionSampleRow {
  query_id: string;
  query_name: string;
  query_tag: SavedQueryTag;
}

/** Which mentions a mention rule looks at: newly stored (live) or posted in a period (backtest). */
export interface MentionWindow {
  ingestedSince?: string;
  createdSince?: string;
  createdUntil?: string;
  limit: number;
}

export interface AlertFilter {
  workspaceId: string;
  unread?: boolean;
  kind?: AlertKind;
  ruleId?: string;
  /** Alerts fired strictly before this (fired_at, id). */
  before?: { firedAt: string; id: string };
  limit: number;
}

const SAMPLE_COLUMNS = [
  'mentions.id',
  'mentions.network',
  'mentions.author_handle',
  'mentions.author_name',
  'mentions.author_followers',
  'mentions.text',
  'mentions.url',
  'mentions.created_at',
  'mentions.sentiment',
  'mentions.intents',
] as const;

type MentionEb = ExpressionBuilder<Database, 'mentions'>;

function mentionWindow(eb: MentionEb, window: MentionWindow): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (window.ingestedSince !== undefined) {
    conditions.push(eb('mentions.ingested_at', '>=', window.ingestedSince));
  }
  if (window.createdSince !== undefined) {
    conditions.push(eb('mentions.created_at', '>=', window.createdSince));
  }
  if (window.createdUntil !== undefined) {
    conditions.push(eb('mentions.created_at', '<', window.createdUntil));
  }
  return eb.and(conditions);
}

/** Has the intent label, in the JSON array of labels (`"label"` occurs exactly when it is in it). */
const hasIntent = (eb: MentionEb, label: string) => eb('mentions.intents', 'like', `%"${label}"%`);

export function alertsRepo(db: Kysely<Database>) {
  return {
    insertRule: (row: AlertRuleRow) => db.insertInto('alert_rules').values(row).execute(),
    updateRule: async (workspaceId: string, id: string, values: Partial<AlertRuleRow>) =>
      (
        await db
          .updateTable('alert_rules')
          .set(values)
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    deleteRule: async (workspaceId: string, id: string) =>
      (
        await db
          .deleteFrom('alert_rules')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numDeletedRows > 0n,
    findRule: (workspaceId: string, id: string) =>
      db
        .selectFrom('alert_rules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),
    findRuleById: (id: string) =>
      db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst(),
    listRules: (workspaceId: string) =>
      db
        .selectFrom('alert_rules')
        .leftJoin('saved_queries', 'saved_queries.id', 'alert_rules.query_id')
        .selectAll('alert_rules')
        .select('saved_queries.name as query_name')
        .where('alert_rules.workspace_id', '=', workspaceId)
        .orderBy('alert_rules.name')
        .execute(),
    enabledRules: () =>
      db.selectFrom('alert_rules').selectAll().where('enabled', '=', 1).orderBy('id').execute(),
    setCheckedUntil: (id: string, checkedUntil: string) =>
      db.updateTable('alert_rules').set({ checked_until: checkedUntil }).where('id', '=', id).execute(),
    setLastFired: (id: string, at: string) =>
      db.updateTable('alert_rules').set({ last_fired_at: at }).where('id', '=', id).execute(),
    findQuery: (workspaceId: string, id: string) =>
      db
        .selectFrom('saved_queries')
        .select(['id', 'name', 'tag'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** When the scope's first stored mention was posted; null when it holds none. */
    historyStart: async (workspaceId: string, queryId: string | null): Promise<string | null> => {
      const row = queryId
        ? await db
            .selectFrom('mention_matches')
            .select((eb) => eb.fn.min('mention_created_at').as('first'))
            .where('query_id', '=', queryId)
            .executeTakeFirst()
        : await db
            .selectFrom('mentions')
            .select((eb) => eb.fn.min('created_at').as('first'))
            .where('workspace_id', '=', workspaceId)
            .executeTakeFirst();
      return row?.first ?? null;
    },

    /** Mentions and negative mentions per UTC hour within the ranges, counted by the database. */
    hourlyCounts: async (
      workspaceId: string,
      queryId: string | null,
      ranges: readonly TimeRange[],
    ): Promise<HourRow[]> => {
      if (ranges.length === 0) {
        return [];
      }
      // ISO-8601 UTC text: its first 13 characters are the hour, on both databases.
      const negative = sql<number | string>`sum(case when mentions.sentiment = 'negative' then 1 else 0 end)`;
      const rows = queryId
        ? await db
            .selectFrom('mention_matches')
            .innerJoin('mentions', 'mentions.id', 'mention_matches.mention_id')
            .select([
              sql<string>`substr(mention_matches.mention_created_at, 1, 13)`.as('hour'),
              (eb) => eb.fn.countAll<number | string>().as('total'),
              negative.as('negative'),
            ])
            .where('mention_matches.query_id', '=', queryId)
            .where((eb) =>
              eb.or(
                ranges.map((r) =>
                  eb.and([
                    eb('mention_matches.mention_created_at', '>=', r.start),
                    eb('mention_matches.mention_created_at', '<', r.end),
                  ]),
                ),
              ),
            )
            .groupBy(sql`substr(mention_matches.mention_created_at, 1, 13)`)
            .execute()
        : await db
            .selectFrom('mentions')
            .select([
              sql<string>`substr(mentions.created_at, 1, 13)`.as('hour'),
              (eb) => eb.fn.countAll<number | string>().as('total'),
              negative.as('negative'),
            ])
            .where('mentions.workspace_id', '=', workspaceId)
            .where((eb) =>
              eb.or(
                ranges.map((r) =>
                  eb.and([eb('mentions.created_at', '>=', r.start), eb('mentions.created_at', '<', r.end)]),
                ),
              ),
            )
            .groupBy(sql`substr(mentions.created_at, 1, 13)`)
            .execute();
      return rows.map((row) => ({
        hour: row.hour,
        total: toNumber(row.total),
        negative: toNumber(row.negative),
      }));
    },

    /** A few mentions of a window to show: the widest-reaching first. */
    windowSamples: async (
      workspaceId: string,
      queryId: string | null,
      range: TimeRange,
      negativeOnly: boolean,
      limit: number,
    ): Promise<MentionSampleRow[]> => {
      let query = db
        .selectFrom('mentions')
        .select(SAMPLE_COLUMNS)
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.start)
        .where('mentions.created_at', '<', range.end);
      if (queryId) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('mention_matches')
              .select('mention_matches.mention_id')
              .where('mention_matches.query_id', '=', queryId)
              .whereRef('mention_matches.mention_id', '=', 'mentions.id'),
          ),
        );
      }
      if (negativeOnly) {
        query = query.where('mentions.sentiment', '=', 'negative');
      }
      // coalesce: the databases sort NULLs differently.
      return query
        .orderBy(sql`coalesce(mentions.author_followers, -1)`, 'desc')
        .orderBy('mentions.created_at')
        .limit(limit)
        .execute();
    },

    /** Mentions by authors with at least `minFollowers` followers, oldest first. */
    highReachMentions: async (
      workspaceId: string,
      queryId: string | null,
      minFollowers: number,
      window: MentionWindow,
    ): Promise<MentionSampleRow[]> => {
      let query = db
        .selectFrom('mentions')
        .select(SAMPLE_COLUMNS)
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.author_followers', '>=', minFollowers)
        .where((eb) => mentionWindow(eb, window));
      if (queryId) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('mention_matches')
              .select('mention_matches.mention_id')
              .where('mention_matches.query_id', '=', queryId)
              .whereRef('mention_matches.mention_id', '=', 'mentions.id'),
          ),
        );
      }
      return query.orderBy('mentions.created_at').orderBy('mentions.id').limit(window.limit).execute();
    },

    /** Questions matched by topic- or brand-tagged queries, complaints by competitor-tagged ones, oldest first. */
    opportunityMentions: async (
      workspaceId: string,
      queryId: string | null,
      window: MentionWindow,
    ): Promise<OpportunityRow[]> => {
      let query = db
        .selectFrom('mentions')
        .innerJoin('mention_matches', 'mention_matches.mention_id', 'mentions.id')
        .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
        .select([
          ...SAMPLE_COLUMNS,
          'saved_queries.id as query_id',
          'saved_queries.name as query_name',
          'saved_queries.tag as query_tag',
        ])
        .where('mentions.workspace_id', '=', workspaceId)
        .where((eb) =>
          eb.or([
            eb.and([eb('saved_queries.tag', 'in', ['topic', 'brand']), hasIntent(eb, 'question')]),
            eb.and([eb('saved_queries.tag', '=', 'competitor'), hasIntent(eb, 'complaint')]),
          ]),
        )
        .where((eb) => mentionWindow(eb, window));
      if (queryId) {
        query = query.where('mention_matches.query_id', '=', queryId);
      }
      return query
        .orderBy('mentions.created_at')
        .orderBy('mentions.id')
        .orderBy('saved_queries.name')
        .limit(window.limit)
        .execute();
    },

    /** Inserts the alert unless this rule already fired for this key; true when it was inserted. */
    insertAlert: async (row: AlertRow): Promise<boolean> =>
      (
        await db
          .insertInto('alerts')
          .values(row)
          .onConflict((oc) => oc.columns(['rule_id', 'fire_key']).doNothing())
          .returning('id')
          .execute()
      ).length > 0,
    listAlerts: (filter: AlertFilter) => {
      let query = db.selectFrom('alerts').selectAll().where('workspace_id', '=', filter.workspaceId);
      if (filter.unread) {
        query = query.where('read_at', 'is', null);
      }
      if (filter.kind) {
        query = query.where('kind', '=', filter.kind);
      }
      if (filter.ruleId) {
        query = query.where('rule_id', '=', filter.ruleId);
      }
      const before = filter.before;
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb('fired_at', '<', before.firedAt),
            eb.and([eb('fired_at', '=', before.firedAt), eb('id', '<', before.id)]),
          ]),
        );
      }
      return query.orderBy('fired_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
    countUnread: async (workspaceId: string): Promise<number> =>
      toNumber(
        (
          await db
            .selectFrom('alerts')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('workspace_id', '=', workspaceId)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** Marks these alerts (or all when `ids` is null) read; returns how many changed. */
    markRead: async (workspaceId: string, ids: readonly string[] | null, now: string): Promise<number> => {
      if (ids !== null && ids.length === 0) {
        return 0;
      }
      let query = db
        .updateTable('alerts')
        .set({ read_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('read_at', 'is', null);
      if (ids !== null) {
        query = query.where('id', 'in', [...ids]);
      }
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },
    findAlert: (id: string) => db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst(),

    insertDeliveries: async (rows: readonly AlertDeliveryRow[]) => {
      if (rows.length > 0) {
        await db
          .insertInto('alert_deliveries')
          .values([...rows])
          .execute();
      }
    },
    deliveriesOf: async (alertIds: readonly string[]): Promise<AlertDeliveryRow[]> =>
      alertIds.length === 0
        ? []
        : db
            .selectFrom('alert_deliveries')
            .selectAll()
            .where('alert_id', 'in', [...alertIds])
            .orderBy('channel')
            .execute(),
    findDelivery: (id: string) =>
      db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Takes a delivery to send it, unless it is done or another process holds it. */
    claimDelivery: async (id: string, now: string, leaseUntil: string): Promise<boolean> =>
      (
        await db
          .updateTable('alert_deliveries')
          .set({ lease_until: leaseUntil })
          .where('id', '=', id)
          .where('status', 'in', ['pending', 'retrying'])
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    finishDelivery: (
      id: string,
      values: {
        status: DeliveryStatus;
        attempts: number;
        last_error: string | null;
        sent_at: string | null;
        updated_at: string;
      },
    ) =>
      db
        .updateTable('alert_deliveries')
        .set({ ...values, lease_until: null })
        .where('id', '=', id)
        .execute(),
    /** Deliveries never tried since long enough that their job was surely lost (a crash after commit). */
    strandedDeliveries: (createdBefore: string, limit: number) =>
      db
        .selectFrom('alert_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('attempts', '=', 0)
        .where('lease_until', 'is', null)
        .where('created_at', '<', createdBefore)
        .orderBy('created_at')
        .limit(limit)
        .execute(),
  };
}
