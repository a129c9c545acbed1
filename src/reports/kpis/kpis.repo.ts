/**
 * The only SQL of reports: aggregates over the raw rows of listening, inbox, publishing and the
 * community CRM, read-only. Instants are ISO text (they sort as text), ranges are [from, to).
 */
import { sql, type Kysely } from 'kysely';
import { toNumber } from '../../db/dialects/numbers.js';
import type { Database } from '../../db/schema.js';
import '../../listening/alerts/alerts.tables.js';
import '../../community/community.tables.js';
import '../../listening/insights/insights.tables.js';
import '../follower-history.tables.js';

export interface IsoRange {
  from: string;
  to: string;
}

export interface MentionGroup {
  network: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  /** The intents JSON array as stored (few distinct values: the analyzer's label sets). */
  intents: string;
  mentions: number;
  /** Σ author_followers, a missing count as 0. */
  reach: number;
  /** Mentions whose author's followers are known. */
  withFollowers: number;
  /** Σ likes + reposts + replies, a missing count as 0. */
  engagement: number;
  /** The same, over the mentions whose author's followers are known. */
  engagementWithFollowers: number;
}

export interface IntentQueryGroup {
  /** The intents JSON array as stored. */
  intents: string;
  queryId: string | null;
  count: number;
}

export interface HourGroup {
  hour: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  count: number;
}

export interface MentionQuote {
  id: string;
  network: string;
  url: string | null;
  author_handle: string | null;
  author_followers: number | null;
  text: string;
  sentiment: string | null;
  intents: string;
  engagement: number;
  created_at: string;
}

export interface ConversationTimes {
  first_inbound_at: string;
  first_response_at: string | null;
}

export interface TargetRow {
  id: string;
  network: string;
  handle: string;
  followers: number | null;
  text: string;
  url: string | null;
  status: string;
  publish_at: string | null;
  published_at: string | null;
  metrics: string | null;
}

const ENGAGEMENT = sql<number>`coalesce(mentions.likes, 0) + coalesce(mentions.reposts, 0) + coalesce(mentions.replies, 0)`;
/** Nulls sort first in PostgreSQL's descending order, last in SQLite's: a missing count reads 0 on both. */
const FOLLOWERS_MAX = sql<number | string>`max(coalesce(mentions.author_followers, 0))`;
const HOUR = sql<string>`substr(mentions.created_at, 1, 13)`;

/** `intents` is a JSON array of labels: a label is found with its quotes. */
const intentPattern = (intent: string): string => `%"${intent}"%`;

export function kpisRepo(db: Kysely<Database>) {
  return {
    /** Mentions of the range grouped by network, sentiment and intents: one scan for volume, reach, sentiment, engagement, intent totals. */
    mentionGroups: async (workspaceId: string, range: IsoRange): Promise<MentionGroup[]> => {
      const rows = await db
        .selectFrom('mentions')
        .select((eb) => [
          'mentions.network',
          'mentions.sentiment',
          'mentions.intents',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.count<number | string>('mentions.author_followers').as('known'),
          sql<number | string | null>`sum(coalesce(mentions.author_followers, 0))`.as('reach'),
          sql<number | string | null>`sum(${ENGAGEMENT})`.as('engagement'),
          sql<number | string | null>`sum(case when mentions.author_followers is null then 0 else ${ENGAGEMENT} end)`.as(
            'engagement_known',
          ),
        ])
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.from)
        .where('mentions.created_at', '<', range.to)
        // Sentiment first: SQLite then reads the range through mentions_stream_idx (rows in time order)
        // rather than through the identity key in network order (random reads over a whole year).
        .groupBy(['mentions.sentiment', 'mentions.intents', 'mentions.network'])
        .execute();
      return rows.map((row) => ({
        network: row.network,
        sentiment: row.sentiment,
        intents: row.intents,
        mentions: toNumber(row.n),
        withFollowers: toNumber(row.known),
        reach: toNumber(row.reach),
        engagement: toNumber(row.engagement),
        engagementWithFollowers: toNumber(row.engagement_known),
      }));
    },

    /** Mentions per UTC hour (`YYYY-MM-DDTHH`) and sentiment, for the charts' series. */
    mentionHours: async (workspaceId: string, range: IsoRange): Promise<HourGroup[]> => {
      const rows = await db
        .selectFrom('mentions')
        .select((eb) => [HOUR.as('hour'), 'mentions.sentiment', eb.fn.countAll<number | string>().as('n')])
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.from)
        .where('mentions.created_at', '<', range.to)
        .groupBy([HOUR, 'mentions.sentiment'])
        .execute();
      return rows.map((row) => ({ hour: row.hour, sentiment: row.sentiment, count: toNumber(row.n) }));
    },

    /**
     * Mentions with some intent, per intents label set and saved query that matched them (null:
     * matched by none): one scan for every intent's by-topic figure. A mention matched by two
     * queries counts under both.
     */
    intentsByQuery: async (workspaceId: string, range: IsoRange): Promise<IntentQueryGroup[]> => {
      const rows = await db
        .selectFrom('mentions')
        .leftJoin('mention_matches', 'mention_matches.mention_id', 'mentions.id')
        .select((eb) => ['mentions.intents', 'mention_matches.query_id', eb.fn.countAll<number | string>().as('n')])
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.from)
        .where('mentions.created_at', '<', range.to)
        .where('mentions.intents', '!=', '[]')
        .groupBy(['mentions.intents', 'mention_matches.query_id'])
        .execute();
      return rows.map((row) => ({ intents: row.intents, queryId: row.query_id, count: toNumber(row.n) }));
    },

    /** The most engaging mentions of the range, optionally with an intent or a sentiment: quotes for reports. */
    quotes: async (
      workspaceId: string,
      range: IsoRange,
      filter: { intent?: string; sentiment?: 'negative' | 'positive'; limit: number },
    ): Promise<MentionQuote[]> => {
      let query = db
        .selectFrom('mentions')
        .select([
          'mentions.id',
          'mentions.network',
          'mentions.url',
          'mentions.author_handle',
          'mentions.author_followers',
          'mentions.text',
          'mentions.sentiment',
          'mentions.intents',
          'mentions.created_at',
          ENGAGEMENT.as('engagement'),
        ])
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.from)
        .where('mentions.created_at', '<', range.to);
      if (filter.intent !== undefined) {
        query = query.where('mentions.intents', 'like', intentPattern(filter.intent));
      }
      if (filter.sentiment !== undefined) {
        query = query.where('mentions.sentiment', '=', filter.sentiment);
      }
      const rows = await query
        .orderBy(ENGAGEMENT, 'desc')
        .orderBy('mentions.created_at', 'desc')
        .orderBy('mentions.id')
        .limit(filter.limit)
        .execute();
      return rows.map((row) => ({ ...row, engagement: toNumber(row.engagement) }));
    },

    /** Authors of negative mentions, by their largest follower count. */
    negativeAuthors: async (
      workspaceId: string,
      range: IsoRange,
      limit: number,
    ): Promise<{ network: string; handle: string; followers: number; mentions: number }[]> => {
      const rows = await db
        .selectFrom('mentions')
        .select((eb) => [
          'mentions.network',
          'mentions.author_handle',
          FOLLOWERS_MAX.as('followers'),
          eb.fn.countAll<number | string>().as('n'),
        ])
        .where('mentions.workspace_id', '=', workspaceId)
        .where('mentions.created_at', '>=', range.from)
        .where('mentions.created_at', '<', range.to)
        .where('mentions.sentiment', '=', 'negative')
        .where('mentions.author_handle', 'is not', null)
        .groupBy(['mentions.network', 'mentions.author_handle'])
        .orderBy(FOLLOWERS_MAX, 'desc')
        .orderBy('mentions.author_handle')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        network: row.network,
        handle: row.author_handle ?? '',
        followers: toNumber(row.followers),
        mentions: toNumber(row.n),
      }));
    },

    savedQueries: (workspaceId: string) =>
      db
        .selectFrom('saved_queries')
        .select(['id', 'name', 'query', 'tag', 'updated_at', 'history_status'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute(),

    listeningSources: (workspaceId: string) =>
      db
        .selectFrom('listening_sources')
        .select(['id', 'kind', 'name', 'items_stored', 'last_item_at', 'last_error', 'removed_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('kind')
        .orderBy('name')
        .execute(),

    /** Conversations that began in the range (spam left out): when they began and when we first answered. */
    conversationsOpened: (workspaceId: string, range: IsoRange): Promise<ConversationTimes[]> =>
      db
        .selectFrom('conversations')
        .select(['first_inbound_at', 'first_response_at'])
        .where('workspace_id', '=', workspaceId)
        .where('spam', '=', 0)
        .where('first_inbound_at', '>=', range.from)
        .where('first_inbound_at', '<', range.to)
        .execute(),

    /** Conversations closed (and still closed) whose close falls in the range. */
    conversationsClosed: async (workspaceId: string, range: IsoRange): Promise<{ first_inbound_at: string; closed_at: string }[]> =>
      (
        await db
          .selectFrom('conversations')
          .select(['first_inbound_at', 'closed_at'])
          .where('workspace_id', '=', workspaceId)
          .where('closed_at', '>=', range.from)
          .where('closed_at', '<', range.to)
          .where('spam', '=', 0)
          .where('status', '=', 'closed')
          .execute()
      ).flatMap((row) => (row.closed_at === null ? [] : [{ first_inbound_at: row.first_inbound_at, closed_at: row.closed_at }])),

    /** Conversations still waiting for our answer at `at` (from the current state), by priority. */
    waitingConversations: async (workspaceId: string, at: string, limit: number) => {
      const base = db
        .selectFrom('conversations')
        .where('workspace_id', '=', workspaceId)
        .where('spam', '=', 0)
        .where('status', '!=', 'closed')
        .where('awaiting_since', 'is not', null)
        .where('awaiting_since', '<', at);
      const [total, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
        base
          .select(['id', 'network', 'subject', 'author_handle', 'priority', 'awaiting_since', 'status'])
          .orderBy('priority', 'desc')
          .orderBy('awaiting_since')
          .orderBy('id')
          .limit(limit)
          .execute(),
      ]);
      return { total: toNumber(total.n), rows };
    },

    /** Our post targets with their account, the post's text and metrics; `by` picks the time column of the range. */
    targets: async (workspaceId: string, range: IsoRange, by: 'published_at' | 'publish_at'): Promise<TargetRow[]> => {
      const rows = await db
        .selectFrom('post_targets')
        .innerJoin('posts', 'posts.id', 'post_targets.post_id')
        .innerJoin('connected_accounts', 'connected_accounts.id', 'post_targets.account_id')
        .select([
          'post_targets.id',
          'connected_accounts.network',
          'connected_accounts.handle',
          'connected_accounts.followers',
          'posts.text',
          'post_targets.published_text',
          'post_targets.url',
          'post_targets.status',
          'post_targets.publish_at',
          'post_targets.published_at',
          'post_targets.metrics',
        ])
        .where('post_targets.workspace_id', '=', workspaceId)
        .where(`post_targets.${by}`, '>=', range.from)
        .where(`post_targets.${by}`, '<', range.to)
        .orderBy('post_targets.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        network: row.network,
        handle: row.handle,
        followers: row.followers,
        text: row.published_text ?? row.text,
        url: row.url,
        status: row.status,
        publish_at: row.publish_at,
        published_at: row.published_at,
        metrics: row.metrics,
      }));
    },

    accounts: (workspaceId: string) =>
      db
        .selectFrom('connected_accounts')
        .select(['id', 'network', 'handle', 'followers', 'health'])
        .where('workspace_id', '=', workspaceId)
        .where('removed_at', 'is', null)
        .orderBy('network')
        .orderBy('handle')
        .execute(),

    /**
     * Each account's follower count recorded on the latest day at or before `day` (YYYY-MM-DD, UTC):
     * accounts with no record that early are absent.
     */
    followersAsOf: async (accountIds: readonly string[], day: string): Promise<{ account_id: string; day: string; followers: number }[]> => {
      if (accountIds.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('account_follower_counts as f')
        .select(['f.account_id', 'f.day', 'f.followers'])
        .where('f.account_id', 'in', accountIds)
        .where((eb) =>
          eb(
            'f.day',
            '=',
            eb
              .selectFrom('account_follower_counts as g')
              .select((inner) => inner.fn.max('g.day').as('day'))
              .whereRef('g.account_id', '=', 'f.account_id')
              .where('g.day', '<=', day),
          ),
        )
        .execute();
      return rows.map((row) => ({ account_id: row.account_id, day: row.day, followers: toNumber(row.followers) }));
    },

    /** People active since `since` (not merged away), by their cached engagement score. */
    topPeople: async (workspaceId: string, range: IsoRange, limit: number) => {
      const base = db
        .selectFrom('people')
        .where('workspace_id', '=', workspaceId)
        .where('merged_into_id', 'is', null)
        .where('last_seen_at', '>=', range.from)
        .where('first_seen_at', '<', range.to);
      const [total, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
        base
          .select(['id', 'display_name', 'engagement', 'engagement_level', 'reach', 'stage', 'activity_count', 'scored_at'])
          .orderBy('engagement', 'desc')
          .orderBy('id')
          .limit(limit)
          .execute(),
      ]);
      return { total: toNumber(total.n), rows };
    },

    /** Everyone in the CRM (to say whether the capability has data at all). */
    peopleCount: async (workspaceId: string): Promise<number> =>
      toNumber(
        (
          await db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('workspace_id', '=', workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    alerts: (workspaceId: string, range: IsoRange) =>
      db
        .selectFrom('alerts')
        .select(['id', 'rule_name', 'kind', 'explanation', 'fired_at'])
        .where('workspace_id', '=', workspaceId)
        .where('fired_at', '>=', range.from)
        .where('fired_at', '<', range.to)
        .orderBy('fired_at', 'desc')
        .execute(),

    competitors: (workspaceId: string) =>
      db.selectFrom('competitors').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute(),

    workspace: (workspaceId: string) =>
      db
        .selectFrom('workspaces')
        .select(['id', 'name', 'time_zone', 'named_things'])
        .where('id', '=', workspaceId)
        .executeTakeFirst(),
  };
}

export type KpisRepo = ReturnType<typeof kpisRepo>;
