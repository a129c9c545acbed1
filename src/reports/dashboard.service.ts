/**
 * Dashboards per capability: the capability's figures for a period beside the previous period of
 * the same length (with deltas, formulas and counts), and daily series for the charts.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { bucketKeys, foldHours, localDate } from '../listening/stats/buckets.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { kpiRef, type KpiCapability, type KpiOptions, type KpiResult } from './kpis/kpi.js';
import { kpisRepo } from './kpis/kpis.repo.js';
import { kpi } from './kpis/registry.js';
import { relativeDelta } from './kpis/stats.js';
import { previousPeriodOf } from './model/build-report.js';
import type { Period, ReportFigure } from './model/report-model.js';
import { checkReportRequest } from './render/render-report.js';
import { notFound } from '../core/errors.js';
import { parseBound } from './reports.service.js';

export const DASHBOARD_CAPABILITIES = ['listening', 'inbox', 'publishing', 'community'] as const satisfies readonly KpiCapability[];
export const DEFAULT_DASHBOARD_DAYS = 28;

const DASHBOARD_KPIS: Record<KpiCapability, string[]> = {
  listening: ['mention_volume', 'potential_reach', 'engagement_rate_reach', 'net_sentiment', 'net_sentiment_all', 'share_of_voice', 'complaints_by_topic', 'questions_by_topic', 'alerts_fired'],
  inbox: ['response_rate', 'first_response_time', 'resolution_time', 'sla_attainment', 'waiting_conversations'],
  publishing: ['engagement_per_post', 'engagement_rate_followers', 'engagement_rate_impressions', 'follower_growth', 'publishing_punctuality', 'top_posts'],
  community: ['top_people'],
};

export interface DashboardSeries {
  id: string;
  name: string;
  /** The figure it counts (`id@version`). */
  ref: string;
  /** Local days of the workspace, this period. */
  days: string[];
  current: number[];
  /** The previous period, aligned day by day with this one (null past its end). */
  previous: (number | null)[];
}

export interface DashboardFigure extends ReportFigure {
  rows: Record<string, string | number | null>[];
}

export interface Dashboard {
  capability: KpiCapability;
  timeZone: string;
  period: Period;
  previousPeriod: Period;
  figures: DashboardFigure[];
  series: DashboardSeries[];
}

/** Counts of instants per local day over `keys`. */
function perDay(keys: string[], instants: string[], timeZone: string): number[] {
  const counts = new Map(keys.map((key) => [key, 0]));
  for (const instant of instants) {
    const day = localDate(new Date(instant), timeZone);
    const count = counts.get(day);
    if (count !== undefined) {
      counts.set(day, count + 1);
    }
  }
  return keys.map((key) => counts.get(key) ?? 0);
}

async function seriesOf(db: Kysely<Database>, workspaceId: string, capability: KpiCapability, period: Period, previous: Period, timeZone: string): Promise<DashboardSeries[]> {
  const repo = kpisRepo(db);
  const keys = bucketKeys('day', new Date(period.from), new Date(period.to), timeZone) ?? [];
  const previousKeys = bucketKeys('day', new Date(previous.from), new Date(previous.to), timeZone) ?? [];
  const align = (values: number[]): (number | null)[] => keys.map((_, i) => values[i] ?? null);
  switch (capability) {
    case 'listening': {
      const [now, before] = await Promise.all([repo.mentionHours(workspaceId, period), repo.mentionHours(workspaceId, previous)]);
      const current = foldHours('day', keys, now, timeZone);
      const past = foldHours('day', previousKeys, before, timeZone);
      const ref = kpiRef(kpi('mention_volume'));
      return [
        { id: 'mentions', name: 'Mentions per day', ref, days: keys, current: current.map((b) => b.total), previous: align(past.map((b) => b.total)) },
        { id: 'negative', name: 'Negative mentions per day', ref, days: keys, current: current.map((b) => b.negative), previous: align(past.map((b) => b.negative)) },
        { id: 'positive', name: 'Positive mentions per day', ref, days: keys, current: current.map((b) => b.positive), previous: align(past.map((b) => b.positive)) },
      ];
    }
    case 'inbox': {
      const [now, before] = await Promise.all([repo.conversationsOpened(workspaceId, period), repo.conversationsOpened(workspaceId, previous)]);
      return [
        {
          id: 'conversations',
          name: 'Conversations begun per day',
          ref: kpiRef(kpi('response_rate')),
          days: keys,
          current: perDay(keys, now.map((row) => row.first_inbound_at), timeZone),
          previous: align(perDay(previousKeys, before.map((row) => row.first_inbound_at), timeZone)),
        },
      ];
    }
    case 'publishing': {
      const published = async (range: Period): Promise<string[]> =>
        (await repo.targets(workspaceId, range, 'published_at')).flatMap((target) => (target.status === 'published' && target.published_at !== null ? [target.published_at] : []));
      const [now, before] = await Promise.all([published(period), published(previous)]);
      return [
        {
          id: 'published',
          name: 'Posts published per day',
          ref: kpiRef(kpi('engagement_per_post')),
          days: keys,
          current: perDay(keys, now, timeZone),
          previous: align(perDay(previousKeys, before, timeZone)),
        },
      ];
    }
    case 'community':
      return [];
  }
}

export async function getDashboard(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: { capability: KpiCapability; from?: string; to?: string },
): Promise<Dashboard> {
  authorize(access.role, 'reports.read');
  const now = clock.now();
  const workspace = await kpisRepo(db).workspace(access.workspaceId);
  if (!workspace) {
    throw notFound('Workspace');
  }
  const to = input.to === undefined ? now : parseBound('to', input.to, workspace.time_zone);
  const from =
    input.from === undefined ? new Date(to.getTime() - DEFAULT_DASHBOARD_DAYS * 86_400_000) : parseBound('from', input.from, workspace.time_zone);
  checkReportRequest({ template: 'leadership', from, to });
  const period: Period = { from: from.toISOString(), to: to.toISOString() };
  const previousPeriod = previousPeriodOf(from, to);
  const cache = new Map<string, Promise<unknown>>();
  const options: KpiOptions = { now, cache };
  const figures: DashboardFigure[] = [];
  for (const id of DASHBOARD_KPIS[input.capability]) {
    const definition = kpi(id);
    const current: KpiResult = await definition.compute(db, access.workspaceId, { from, to }, options);
    const previous: KpiResult = await definition.compute(db, access.workspaceId, { from: new Date(previousPeriod.from), to: from }, options);
    figures.push({
      kpiId: id,
      ref: kpiRef(definition),
      name: definition.name,
      formula: definition.formula,
      unit: definition.unit,
      value: current.value,
      previous: previous.value,
      delta: relativeDelta(current.value, previous.value),
      higherIsBetter: definition.higherIsBetter,
      count: current.count,
      previousCount: previous.count,
      breakdown: current.breakdown ?? [],
      note: current.note ?? null,
      rows: current.rows ?? [],
    });
  }
  return {
    capability: input.capability,
    timeZone: workspace.time_zone,
    period,
    previousPeriod,
    figures,
    series: await seriesOf(db, access.workspaceId, input.capability, period, previousPeriod, workspace.time_zone),
  };
}
