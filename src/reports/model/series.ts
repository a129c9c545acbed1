/**
 * Daily series for charts: mentions per local day of the workspace (hours counted in SQL, folded
 * into days by listening/stats/buckets.ts), this period beside the previous one, day by day.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { bucketKeys, foldHours, type Bucket } from '../../listening/stats/buckets.js';
import { kpisRepo } from '../kpis/kpis.repo.js';
import type { Period } from './report-model.js';

export interface DailySeries {
  days: string[];
  current: Bucket[];
  /** Aligned by position: the previous period's first day beside this period's first day. */
  previous: Bucket[];
  previousDays: string[];
}

async function daily(db: Kysely<Database>, workspaceId: string, period: Period, timeZone: string): Promise<Bucket[]> {
  const keys = bucketKeys('day', new Date(period.from), new Date(period.to), timeZone) ?? [];
  const hours = await kpisRepo(db).mentionHours(workspaceId, period);
  return foldHours('day', keys, hours, timeZone);
}

export async function dailyMentions(
  db: Kysely<Database>,
  workspaceId: string,
  period: Period,
  previous: Period,
  timeZone: string,
): Promise<DailySeries> {
  const [current, before] = await Promise.all([daily(db, workspaceId, period, timeZone), daily(db, workspaceId, previous, timeZone)]);
  return { days: current.map((bucket) => bucket.start), current, previous: before, previousDays: before.map((bucket) => bucket.start) };
}
