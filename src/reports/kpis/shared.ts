/** What the KPI files share: the range as ISO text, and a per-report memo so one scan serves several figures. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { KpiOptions, KpiRange } from './kpi.js';
import { kpisRepo, type IntentQueryGroup, type IsoRange, type MentionGroup } from './kpis.repo.js';

export const isoRange = (range: KpiRange): IsoRange => ({ from: range.from.toISOString(), to: range.to.toISOString() });

/** `load()` once per key within the options' cache (one report); every time without a cache. */
export function memo<T>(options: KpiOptions | undefined, key: string, load: () => Promise<T>): Promise<T> {
  const cache = options?.cache;
  if (!cache) {
    return load();
  }
  const found = cache.get(key) as Promise<T> | undefined;
  if (found) {
    return found;
  }
  const loading = load();
  cache.set(key, loading);
  return loading;
}

const rangeKey = (workspaceId: string, range: KpiRange): string =>
  `${workspaceId}|${range.from.toISOString()}|${range.to.toISOString()}`;

/** The range's mentions grouped by network and sentiment (memoised per report). */
export const mentionGroups = (
  db: Kysely<Database>,
  workspaceId: string,
  range: KpiRange,
  options: KpiOptions | undefined,
): Promise<MentionGroup[]> =>
  memo(options, `mentionGroups|${rangeKey(workspaceId, range)}`, () => kpisRepo(db).mentionGroups(workspaceId, isoRange(range)));

/** The range's mentions with an intent, per label set and saved query (memoised per report: one scan serves every intent). */
export const intentQueryGroups = (
  db: Kysely<Database>,
  workspaceId: string,
  range: KpiRange,
  options: KpiOptions | undefined,
): Promise<IntentQueryGroup[]> =>
  memo(options, `intentQueryGroups|${rangeKey(workspaceId, range)}`, () => kpisRepo(db).intentsByQuery(workspaceId, isoRange(range)));

/** Whether a stored intents JSON array holds `intent` (the groups are few: parsing each is cheap). */
export function hasIntent(intents: string, intent: string): boolean {
  const labels: unknown = JSON.parse(intents);
  return Array.isArray(labels) && labels.includes(intent);
}

/** Sums a field of the groups, per network (sorted by the sum, largest first). */
export function byNetwork(groups: readonly MentionGroup[], field: 'mentions' | 'reach'): { label: string; value: number; count: number }[] {
  const sums = new Map<string, { value: number; count: number }>();
  for (const group of groups) {
    const entry = sums.get(group.network) ?? { value: 0, count: 0 };
    entry.value += group[field];
    entry.count += group.mentions;
    sums.set(group.network, entry);
  }
  return [...sums.entries()]
    .map(([label, entry]) => ({ label, ...entry }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
