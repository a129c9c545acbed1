/**
 * The methodology appendix: what the report saw and did not see (sources and networks), the saved
 * queries and their versions, every formula with its version, the counts behind the figures, and
 * the known gaps, so that a reader can check any number.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { kpiRef, type Kpi, type KpiResult } from '../kpis/kpi.js';
import { kpisRepo } from '../kpis/kpis.repo.js';
import { mentionGroups } from '../kpis/shared.js';
import type { Methodology, Period } from './report-model.js';

/** Networks people use that Hearth has no connector for: their conversation is not in any report. */
export const NETWORKS_WITHOUT_CONNECTOR = ['X (Twitter)', 'Instagram', 'Facebook', 'TikTok', 'LinkedIn', 'YouTube', 'Threads', 'Reddit'];

/** Listening source kinds that read a network themselves (the others receive what is pushed or imported). */
const LISTENING_NETWORKS: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', rss: 'RSS and Atom feeds' };

export interface MethodologyInput {
  workspaceId: string;
  period: Period;
  timeZone: string;
  kpis: Kpi[];
  current: Map<string, KpiResult>;
  previous: Map<string, KpiResult>;
  cache: Map<string, Promise<unknown>>;
}

export async function buildMethodology(db: Kysely<Database>, input: MethodologyInput): Promise<Methodology> {
  const repo = kpisRepo(db);
  const range = { from: new Date(input.period.from), to: new Date(input.period.to) };
  const [sources, queries, groups] = await Promise.all([
    repo.listeningSources(input.workspaceId),
    repo.savedQueries(input.workspaceId),
    mentionGroups(db, input.workspaceId, range, { cache: input.cache }),
  ]);
  const networks = new Map<string, number>();
  for (const group of groups) {
    networks.set(group.network, (networks.get(group.network) ?? 0) + group.mentions);
  }
  const active = sources.filter((source) => source.removed_at === null);
  const notCovered = [
    ...Object.entries(LISTENING_NETWORKS)
      .filter(([kind]) => !active.some((source) => source.kind === kind))
      .map(([, name]) => `${name}: Hearth can listen there, but no listening source is set up.`),
    `${NETWORKS_WITHOUT_CONNECTOR.join(', ')}: no connector; only what is imported or pushed by webhook from them is counted.`,
  ];
  const gaps: string[] = [];
  for (const definition of input.kpis) {
    const result = input.current.get(definition.id);
    if (!result) {
      continue;
    }
    if (result.note) {
      gaps.push(`${definition.name} [${kpiRef(definition)}]: ${result.note}`);
    } else if (result.count === 0 && (result.value === null || result.value === 0)) {
      gaps.push(`${definition.name} [${kpiRef(definition)}]: no data in the period.`);
    }
  }
  if (queries.some((query) => query.history_status !== 'done')) {
    gaps.push('Some saved queries have not finished matching the mentions stored before them: their topic counts may be low.');
  }
  return {
    sourcesCovered: sources.map((source) => ({
      kind: source.kind,
      name: source.name,
      itemsStored: source.items_stored,
      status: source.removed_at !== null ? `removed ${source.removed_at.slice(0, 10)}` : source.last_error !== null ? 'failing' : 'active',
    })),
    networksSeen: [...networks.entries()].map(([network, mentions]) => ({ network, mentions })).sort((a, b) => b.mentions - a.mentions),
    notCovered,
    queries: queries.map((query) => ({ name: query.name, tag: query.tag, query: query.query, version: query.updated_at })),
    formulas: input.kpis.map((definition) => ({ ref: kpiRef(definition), name: definition.name, formula: definition.formula, inputs: definition.inputs })),
    counts: input.kpis.map((definition) => ({
      ref: kpiRef(definition),
      name: definition.name,
      count: input.current.get(definition.id)?.count ?? 0,
      previousCount: input.previous.get(definition.id)?.count ?? 0,
    })),
    gaps,
    statement: [
      'Every figure is computed from the stored raw rows (mentions, conversations, posts, people, alerts) when the report is generated; no figure is stored.',
      'Each figure names its formula and version as id@version. When a formula changes, its version changes and every period, past ones included, is recomputed with the current version.',
      'The previous period is the period of the same length just before; deltas are relative changes ((this − previous) ÷ previous).',
      `Days are calendar days in the workspace's time zone (${input.timeZone}); periods include their start and exclude their end.`,
      'Sentiment and intents (complaint, question, feature request, praise) come from Hearth’s text analysis, which is right most of the time but not always.',
    ],
  };
}
