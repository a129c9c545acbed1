/**
 * What an alert rule is: its kind, its scope (every mention or one saved query), its parameters with
 * their defaults, and where it tells. One zod schema serves the API, the backtest and stored rows.
 */
import { z } from 'zod';
import type { AlertKind } from './alerts.tables.js';

export const ALERT_KINDS = [
  'volume_spike',
  'negative_surge',
  'high_reach',
  'opportunity',
] as const satisfies readonly AlertKind[];

const cooldown = (minutes: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(minutes);
const windowHours = (hours: number) => z.number().int().min(1).max(24).default(hours);
const baselineWeeks = z.number().int().min(2).max(12).default(6);
const minBaselineWeeks = z.number().int().min(2).max(12).default(3);
const zThreshold = z.number().min(0.5).max(20).default(3);

const enoughWeeks = <T extends { baselineWeeks: number; minBaselineWeeks: number }>(params: T) =>
  params.minBaselineWeeks <= params.baselineWeeks;
const weeksMessage = {
  message: 'minBaselineWeeks must not exceed baselineWeeks',
  path: ['minBaselineWeeks'],
};

/** More mentions than usual for this hour of the week. */
export const volumeSpikeParams = z
  .object({
    windowHours: windowHours(1),
    baselineWeeks,
    minBaselineWeeks,
    zThreshold,
    /** Fewer mentions than this in the window never fire, however unusual. */
    minVolume: z.number().int().min(1).max(1_000_000).default(10),
    cooldownMinutes: cooldown(180),
  })
  .refine(enoughWeeks, weeksMessage);

/** A larger share of negative mentions than usual for this hour of the week: a crisis. */
export const negativeSurgeParams = z
  .object({
    windowHours: windowHours(3),
    baselineWeeks,
    minBaselineWeeks,
    zThreshold,
    /** Mentions the window needs before its share means anything. */
    minMentions: z.number().int().min(1).max(1_000_000).default(20),
    /** The window's share must also be this many times the baseline share. */
    minRatio: z.number().min(1).max(100).default(1.5),
    cooldownMinutes: cooldown(180),
  })
  .refine(enoughWeeks, weeksMessage);

/** A mention by an author with at least this many followers. */
export const highReachParams = z.object({
  minFollowers: z.number().int().min(1).max(1_000_000_000).default(10_000),
  cooldownMinutes: cooldown(0),
});

/** A question on a topic- or brand-tagged query; a complaint on a competitor-tagged query. */
export const opportunityParams = z.object({ cooldownMinutes: cooldown(0) });

export type VolumeSpikeParams = z.output<typeof volumeSpikeParams>;
export type NegativeSurgeParams = z.output<typeof negativeSurgeParams>;
export type HighReachParams = z.output<typeof highReachParams>;
export type OpportunityParams = z.output<typeof opportunityParams>;

export const channelsIn = z
  .object({
    email: z.array(z.email().max(320)).max(20).default([]),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .nullable()
      .default(null),
  })
  .prefault({});

const base = {
  name: z.string().trim().min(1).max(200),
  /** A saved query of the workspace; null or absent: every mention. */
  queryId: z.string().min(1).max(64).nullable().default(null),
  channels: channelsIn,
  enabled: z.boolean().default(true),
};

export const ruleIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('volume_spike'), params: volumeSpikeParams.prefault({}), ...base }),
  z.object({ kind: z.literal('negative_surge'), params: negativeSurgeParams.prefault({}), ...base }),
  z.object({ kind: z.literal('high_reach'), params: highReachParams.prefault({}), ...base }),
  z.object({ kind: z.literal('opportunity'), params: opportunityParams.prefault({}), ...base }),
]);

/** Just what the backtest needs of a rule being written (no name, no channels yet). */
export const specIn = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('volume_spike'),
    params: volumeSpikeParams.prefault({}),
    queryId: base.queryId,
  }),
  z.object({
    kind: z.literal('negative_surge'),
    params: negativeSurgeParams.prefault({}),
    queryId: base.queryId,
  }),
  z.object({ kind: z.literal('high_reach'), params: highReachParams.prefault({}), queryId: base.queryId }),
  z.object({ kind: z.literal('opportunity'), params: opportunityParams.prefault({}), queryId: base.queryId }),
]);

export type RuleInput = z.output<typeof ruleIn>;
export type RuleInputRaw = z.input<typeof ruleIn>;

/** A rule as evaluation and backtest use it (a stored one or one being tried out). */
export type RuleSpec =
  | { kind: 'volume_spike'; params: VolumeSpikeParams; queryId: string | null }
  | { kind: 'negative_surge'; params: NegativeSurgeParams; queryId: string | null }
  | { kind: 'high_reach'; params: HighReachParams; queryId: string | null }
  | { kind: 'opportunity'; params: OpportunityParams; queryId: string | null };

export type WindowRuleSpec = Extract<RuleSpec, { kind: 'volume_spike' | 'negative_surge' }>;
export type MentionRuleSpec = Extract<RuleSpec, { kind: 'high_reach' | 'opportunity' }>;

export const isWindowRule = (rule: RuleSpec): rule is WindowRuleSpec =>
  rule.kind === 'volume_spike' || rule.kind === 'negative_surge';

/** A stored rule's parameters, read back through the schema (so defaults added later apply). */
export function specOf(row: { kind: AlertKind; params: string; query_id: string | null }): RuleSpec {
  const raw = JSON.parse(row.params) as unknown;
  switch (row.kind) {
    case 'volume_spike':
      return { kind: row.kind, params: volumeSpikeParams.parse(raw), queryId: row.query_id };
    case 'negative_surge':
      return { kind: row.kind, params: negativeSurgeParams.parse(raw), queryId: row.query_id };
    case 'high_reach':
      return { kind: row.kind, params: highReachParams.parse(raw), queryId: row.query_id };
    case 'opportunity':
      return { kind: row.kind, params: opportunityParams.parse(raw), queryId: row.query_id };
  }
}
