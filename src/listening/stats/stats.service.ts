/**
 * The statistics of the mentions stream for the stream's own filters: counts over time split by
 * sentiment, top authors and top terms. Without a listening query everything but the terms is
 * counted in SQL; with one, the query's candidates (its full-text prefilter, newest first, at most
 * QUERY_SCAN_LIMIT) are confirmed by the evaluator and counted here, and `complete` says whether
 * the bound cut them. Terms are counted on the newest TERMS_SAMPLE matching mentions.
 */
import type { Kysely } from 'kysely';
import type { SentimentLabel } from '../../analysis/types.js';
import { isoNow, type Clock } from '../../core/clock.js';
import { invalid } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';
import { authorize } from '../../workspaces/policy.js';
import { getWorkspace, type WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { matchableOf } from '../matching.js';
import { mentionsRepo, type MentionFilter, type MentionRow, type StreamPosition } from '../mentions.repo.js';
import { resolveSelection, type MentionSelection } from '../mentions.service.js';
import type { CompiledQuery } from '../query/index.js';
import { bucketKeys, foldHours, isTimeZone, type Bucket, type HourCount, type Interval } from './buckets.js';
import { statsRepo, type AuthorCount } from './stats.repo.js';
import { topTerms, type TermCount } from './terms.js';

export const TOP_AUTHORS = 10;
export const TOP_TERMS = 30;
/** Mentions whose words are counted for the top terms (the newest). */
export const TERMS_SAMPLE = 2_000;
/** Candidates of a listening query examined at most. */
export const QUERY_SCAN_LIMIT = 20_000;
const DEFAULT_RANGE_MS: Record<Interval, number> = { hour: 48 * 3_600_000, day: 30 * 86_400_000 };

export interface StatsRequest extends MentionSelection {
  interval?: Interval;
  /** IANA zone of the day buckets; default the workspace's. */
  timeZone?: string;
}

export interface MentionStats {
  interval: Interval;
  /** The zone of the day buckets (hour buckets are UTC instants). */
  timeZone: string;
  /** The range counted: the request's, or the last 48 hours (hour) / 30 days (day) by default. */
  since: string;
  until: string;
  total: number;
  buckets: Bucket[];
  authors: AuthorCount[];
  terms: TermCount[];
  /** Mentions the terms were counted on. */
  termsSample: number;
  /** False when a listening query had more candidates than were examined. */
  complete: boolean;
}

/** The stream's statistics, as a member. */
export async function mentionStats(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, request: StatsRequest): Promise<MentionStats> {
  authorize(access.role, 'listening.read');
  const interval = request.interval ?? 'day';
  const timeZone = request.timeZone ?? (await getWorkspace(db, access)).timeZone;
  if (!isTimeZone(timeZone)) {
    throw invalid('timeZone', `Unknown time zone: ${timeZone}`);
  }
  const until = request.until ?? isoNow(clock);
  const since = request.since ?? new Date(Date.parse(until) - DEFAULT_RANGE_MS[interval]).toISOString();
  const keys = bucketKeys(interval, new Date(since), new Date(until), timeZone);
  if (keys === null) {
    throw invalid(interval === 'hour' ? 'interval' : 'since', 'Too many buckets for one chart: count by day, or choose a shorter range');
  }
  const { criteria, compiled } = await resolveSelection(db, access.workspaceId, { ...request, since, until });
  const counted = compiled ? await countMatches(db, criteria, compiled) : await countInSql(db, criteria);
  const buckets = foldHours(interval, keys, counted.hours, timeZone);
  return {
    interval,
    timeZone,
    since,
    until,
    total: buckets.reduce((sum, bucket) => sum + bucket.total, 0),
    buckets,
    authors: counted.authors,
    terms: topTerms(counted.texts, TOP_TERMS),
    termsSample: counted.texts.length,
    complete: counted.complete,
  };
}

interface Counted {
  hours: HourCount[];
  authors: AuthorCount[];
  texts: string[];
  complete: boolean;
}

async function countInSql(db: Kysely<Database>, criteria: MentionFilter): Promise<Counted> {
  const repo = statsRepo(db);
  const [hours, authors, texts] = await Promise.all([
    repo.countsByHour(criteria),
    repo.topAuthors(criteria, TOP_AUTHORS),
    repo.recentTexts(criteria, TERMS_SAMPLE),
  ]);
  return { hours, authors, texts, complete: true };
}

/** A listening query: its candidates, newest first, confirmed one by one and counted. */
async function countMatches(db: Kysely<Database>, criteria: MentionFilter, query: CompiledQuery): Promise<Counted> {
  const repo = mentionsRepo(db);
  const matches: MentionRow[] = [];
  let scanned = 0;
  let after: StreamPosition | undefined;
  const chunk = 2_000;
  for (;;) {
    const rows = await repo.search({ ...criteria, ...(after ? { after } : {}), limit: Math.min(chunk, QUERY_SCAN_LIMIT - scanned) });
    scanned += rows.length;
    matches.push(...rows.filter((row) => query.test(matchableOf(row))));
    const last = rows.at(-1);
    if (!last || rows.length < chunk) {
      return { ...aggregate(matches), complete: true };
    }
    if (scanned >= QUERY_SCAN_LIMIT) {
      return { ...aggregate(matches), complete: false };
    }
    after = { createdAt: last.created_at, seq: last.seq };
  }
}

/** What SQL counts, counted over rows already read (newest first). */
export function aggregate(rows: readonly MentionRow[]): Omit<Counted, 'complete'> {
  const hours = new Map<string, HourCount>();
  const authors = new Map<string, AuthorCount>();
  for (const row of rows) {
    const hour = row.created_at.slice(0, 13);
    const sentiment: SentimentLabel | null = row.sentiment;
    const key = `${hour} ${sentiment ?? ''}`;
    const counted = hours.get(key) ?? { hour, sentiment, count: 0 };
    counted.count += 1;
    hours.set(key, counted);
    if (row.author_handle !== null) {
      const author = authors.get(row.author_handle) ?? { handle: row.author_handle, name: null, count: 0, followers: null };
      author.count += 1;
      if (row.author_name !== null && (author.name === null || row.author_name > author.name)) {
        author.name = row.author_name;
      }
      if (row.author_followers !== null && (author.followers === null || row.author_followers > author.followers)) {
        author.followers = row.author_followers;
      }
      authors.set(row.author_handle, author);
    }
  }
  return {
    hours: [...hours.values()],
    authors: [...authors.values()]
      .sort((a, b) => b.count - a.count || (b.followers ?? -1) - (a.followers ?? -1) || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0))
      .slice(0, TOP_AUTHORS),
    texts: rows.slice(0, TERMS_SAMPLE).map((row) => row.text),
  };
}
