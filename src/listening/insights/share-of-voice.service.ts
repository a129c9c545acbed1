/**
 * Share of voice: each competitor's weight ÷ (the brand's + every competitor's), over [since, until).
 * The brand is the mentions matched by the workspace's brand-tagged saved queries; a competitor is
 * the mentions matched by its saved query, or by its query text (evaluated here, over the period).
 * The weight is chosen: mentions, engagement (likes + reposts + replies) or reach (the authors'
 * followers, summed per mention: an upper bound, not unique people). A mention that matches the
 * brand and a competitor counts for both.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { authorize } from '../../workspaces/policy.js';
import { getWorkspace, type WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { matchableOf } from '../matching.js';
import { mentionsRepo, type StreamPosition } from '../mentions.repo.js';
import { queriesRepo } from '../queries.repo.js';
import { buildPrefilter, compileQuery } from '../query/index.js';
import { presentCompetitor } from './competitors.service.js';
import { insightsRepo, type Totals } from './insights.repo.js';
import { period } from './windows.js';

export const SOV_WEIGHTS = ['mentions', 'engagement', 'reach'] as const;
export type SovWeight = (typeof SOV_WEIGHTS)[number];
export const SOV_DEFAULT_DAYS = 28;
/** Candidates a query text may examine per competitor; beyond, the counts are a floor (said). */
export const MAX_QUERY_SCAN = 200_000;

export const WEIGHT_DEFINITIONS: Record<SovWeight, string> = {
  mentions: 'mentions = number of distinct mentions matched',
  engagement: 'engagement = Σ (likes + reposts + replies) of the mentions matched (a missing count is 0)',
  reach:
    "reach = Σ the author's followers of each mention matched (a missing count is 0; an author counts once per mention)",
};

export interface SovEntity extends Totals {
  kind: 'brand' | 'competitor';
  /** The competitor's id; null for the brand. */
  id: string | null;
  name: string;
  /** Where its mentions come from, in words. */
  basis: string;
  /** The chosen weight's value. */
  value: number;
  /** value ÷ total, 0–1 (0 when the total is 0). */
  share: number;
  /** Its query text examined MAX_QUERY_SCAN candidates and stopped: counts are a floor. */
  truncated: boolean;
}

export interface ShareOfVoice {
  weight: SovWeight;
  since: string;
  until: string;
  formula: string;
  definition: string;
  total: number;
  entities: SovEntity[];
  notes: string[];
}

export async function shareOfVoice(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: { weight?: SovWeight; since?: string; until?: string },
): Promise<ShareOfVoice> {
  authorize(access.role, 'listening.read');
  const weight = input.weight ?? 'mentions';
  const { since, until } = period(clock.now(), input, SOV_DEFAULT_DAYS);
  const workspace = await getWorkspace(db, access);
  const repo = insightsRepo(db);
  const queries = await queriesRepo(db).list(access.workspaceId);
  const brandQueries = queries.filter((query) => query.tag === 'brand');
  const notes: string[] = [];
  if (brandQueries.length === 0) {
    notes.push(
      'No saved query is tagged brand: the brand counts 0. Tag the queries about the brand "brand".',
    );
  }
  const parts: Omit<SovEntity, 'value' | 'share'>[] = [
    {
      kind: 'brand',
      id: null,
      name: workspace.namedThings.brand[0] ?? workspace.name,
      basis:
        brandQueries.length === 0
          ? 'no brand query'
          : `saved queries tagged brand: ${brandQueries.map((query) => query.name).join(', ')}`,
      truncated: false,
      ...(await repo.totalsOfQueries(
        access.workspaceId,
        brandQueries.map((query) => query.id),
        since,
        until,
      )),
    },
  ];
  const byId = new Map(queries.map((query) => [query.id, query]));
  for (const competitor of (await repo.listCompetitors(access.workspaceId)).map(presentCompetitor)) {
    if (competitor.queryId !== null) {
      parts.push({
        kind: 'competitor',
        id: competitor.id,
        name: competitor.name,
        basis: `saved query ${byId.get(competitor.queryId)?.name ?? competitor.queryId}`,
        truncated: false,
        ...(await repo.totalsOfQueries(access.workspaceId, [competitor.queryId], since, until)),
      });
    } else if (competitor.query !== null) {
      const counted = await totalsOfQueryText(db, access.workspaceId, competitor.query, since, until);
      parts.push({
        kind: 'competitor',
        id: competitor.id,
        name: competitor.name,
        basis: `query ${competitor.query}`,
        ...counted,
      });
      if (counted.truncated) {
        notes.push(
          `${competitor.name}: its query examined ${MAX_QUERY_SCAN} mentions and stopped; its counts are a floor. Save it as a query to count every match.`,
        );
      }
    } else {
      parts.push({
        kind: 'competitor',
        id: competitor.id,
        name: competitor.name,
        basis: 'no query',
        truncated: false,
        mentions: 0,
        engagement: 0,
        reach: 0,
      });
      notes.push(`${competitor.name} has no query: it counts 0. Give it a saved query or query text.`);
    }
  }
  const total = parts.reduce((sum, part) => sum + part[weight], 0);
  return {
    weight,
    since,
    until,
    formula: `share = ${weight}(entity) ÷ (${weight}(brand) + Σ ${weight}(competitors))`,
    definition: WEIGHT_DEFINITIONS[weight],
    total,
    entities: parts.map((part) => ({
      ...part,
      value: part[weight],
      share: total === 0 ? 0 : Math.round((part[weight] / total) * 10_000) / 10_000,
    })),
    notes,
  };
}

/** The mentions of [since, until) matching a query text: the full-text prefilter narrows, the evaluator confirms. */
async function totalsOfQueryText(
  db: Kysely<Database>,
  workspaceId: string,
  text: string,
  since: string,
  until: string,
): Promise<Totals & { truncated: boolean }> {
  const compiled = compileQuery(text);
  const prefilter = buildPrefilter(compiled.query);
  const repo = mentionsRepo(db);
  const totals = { mentions: 0, engagement: 0, reach: 0, truncated: false };
  let after: StreamPosition | undefined;
  let scanned = 0;
  const chunk = 2_000;
  for (;;) {
    const rows = await repo.search({
      workspaceId,
      fullText:
        prefilter.fts5 !== null && prefilter.tsquery !== null
          ? [{ fts5: prefilter.fts5, tsquery: prefilter.tsquery }]
          : [],
      filters: prefilter.filters,
      since,
      until,
      ...(after ? { after } : {}),
      limit: chunk,
    });
    for (const row of rows) {
      if (compiled.test(matchableOf(row))) {
        totals.mentions += 1;
        totals.engagement += (row.likes ?? 0) + (row.reposts ?? 0) + (row.replies ?? 0);
        totals.reach += row.author_followers ?? 0;
      }
    }
    scanned += rows.length;
    const last = rows.at(-1);
    if (rows.length < chunk || !last) {
      return totals;
    }
    if (scanned >= MAX_QUERY_SCAN) {
      return { ...totals, truncated: true };
    }
    after = { createdAt: last.created_at, seq: last.seq };
  }
}
