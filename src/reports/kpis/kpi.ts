/**
 * What a KPI is: a name, a formula written out in words, its inputs, a version, and a computation
 * over raw rows. Nothing is stored: a report over last year is recomputed now, with the current
 * version of every formula, and says which version it used (`id@version`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SovWeight } from '../../listening/insights/share-of-voice.service.js';

/** [from, to): inclusive start, exclusive end. */
export interface KpiRange {
  from: Date;
  to: Date;
}

export type KpiUnit = 'count' | 'ratio' | 'business_minutes' | 'followers' | 'engagement' | 'items';

export type KpiCapability = 'listening' | 'inbox' | 'publishing' | 'community';

export interface KpiOptions {
  /** Share of voice: what a mention weighs. */
  weight?: SovWeight;
  /** Publishing punctuality: how late a post may be and still count as on time. */
  punctualityMinutes?: number;
  /** Top lists: how many rows. */
  limit?: number;
  /** What the figure is computed as of (SLA: what is overdue); defaults to the end of the range. */
  now?: Date;
  /** Shared by the KPIs of one report, so that one scan of the mentions serves several figures. */
  cache?: Map<string, Promise<unknown>>;
}

/** One part of a figure: a network, a saved query, a competitor, a percentile. */
export interface KpiPart {
  label: string;
  value: number | null;
  count: number;
}

/** A row of a top list (posts, people, critics): plain cells, ready for a table. */
export type KpiRow = Record<string, string | number | null>;

export interface KpiResult {
  /** null when the figure cannot be computed: `note` says why (no data, or not recorded at all). */
  value: number | null;
  /** How many items the figure stands on (mentions, conversations, posts…). */
  count: number;
  breakdown?: KpiPart[];
  rows?: KpiRow[];
  /** A sentence the reader must see beside the figure (a gap, an approximation). */
  note?: string;
}

export interface Kpi {
  id: string;
  name: string;
  capability: KpiCapability;
  /** Bumped whenever the formula changes. */
  version: number;
  formula: string;
  /** The tables and columns read. */
  inputs: string[];
  unit: KpiUnit;
  /** Larger is better (true), worse (false), or neither (null): colours the deltas. */
  higherIsBetter: boolean | null;
  compute(db: Kysely<Database>, workspaceId: string, range: KpiRange, options?: KpiOptions): Promise<KpiResult>;
}

/** `mention_volume@1`: how every figure names the formula it used. */
export const kpiRef = (kpi: Pick<Kpi, 'id' | 'version'>): string => `${kpi.id}@${kpi.version}`;
