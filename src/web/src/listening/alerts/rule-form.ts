/**
 * The rule editor's values and the API's rule: parameters per kind with the server's defaults and
 * bounds (alerts.rules.ts), recipients typed as one list, the scope as a saved query or all mentions.
 */
import type { AlertKind, AlertRule, RuleInput, RuleSpecInput } from './alerts.api';

export type ParamName =
  | 'windowHours'
  | 'baselineWeeks'
  | 'minBaselineWeeks'
  | 'zThreshold'
  | 'minVolume'
  | 'minMentions'
  | 'minRatio'
  | 'minFollowers'
  | 'cooldownMinutes';

export interface ParamField {
  name: ParamName;
  min: number;
  max: number;
  /** Decimals allowed (0: whole numbers). */
  decimals: number;
  default: number;
}

const windowHours = (hours: number): ParamField => ({
  name: 'windowHours',
  min: 1,
  max: 24,
  decimals: 0,
  default: hours,
});
const weeks: ParamField[] = [
  { name: 'baselineWeeks', min: 2, max: 12, decimals: 0, default: 6 },
  { name: 'minBaselineWeeks', min: 2, max: 12, decimals: 0, default: 3 },
];
const zThreshold: ParamField = { name: 'zThreshold', min: 0.5, max: 20, decimals: 1, default: 3 };
const cooldown = (minutes: number): ParamField => ({
  name: 'cooldownMinutes',
  min: 0,
  max: 10_080,
  decimals: 0,
  default: minutes,
});

export const PARAM_FIELDS: Record<AlertKind, ParamField[]> = {
  volume_spike: [
    windowHours(1),
    ...weeks,
    zThreshold,
    { name: 'minVolume', min: 1, max: 1_000_000, decimals: 0, default: 10 },
    cooldown(180),
  ],
  negative_surge: [
    windowHours(3),
    ...weeks,
    zThreshold,
    { name: 'minMentions', min: 1, max: 1_000_000, decimals: 0, default: 20 },
    { name: 'minRatio', min: 1, max: 100, decimals: 1, default: 1.5 },
    cooldown(180),
  ],
  high_reach: [
    { name: 'minFollowers', min: 1, max: 1_000_000_000, decimals: 0, default: 10_000 },
    cooldown(0),
  ],
  opportunity: [cooldown(0)],
};

export interface RuleFormValues {
  name: string;
  kind: AlertKind;
  /** '' for every mention. */
  queryId: string;
  params: Record<string, number>;
  /** Addresses separated by commas, semicolons, spaces or lines. */
  emails: string;
  webhookUrl: string;
  enabled: boolean;
}

export const defaultParams = (kind: AlertKind): Record<string, number> =>
  Object.fromEntries(PARAM_FIELDS[kind].map((field) => [field.name, field.default]));

export function formValuesOf(rule: AlertRule | null): RuleFormValues {
  if (rule === null) {
    return {
      name: '',
      kind: 'volume_spike',
      queryId: '',
      params: defaultParams('volume_spike'),
      emails: '',
      webhookUrl: '',
      enabled: true,
    };
  }
  return {
    name: rule.name,
    kind: rule.kind,
    queryId: rule.queryId ?? '',
    params: { ...defaultParams(rule.kind), ...rule.params },
    emails: rule.channels.email.join(', '),
    webhookUrl: rule.channels.webhookUrl ?? '',
    enabled: rule.enabled,
  };
}

/** The values with another kind: its own parameters, at their defaults. */
export const withKind = (values: RuleFormValues, kind: AlertKind): RuleFormValues => ({
  ...values,
  kind,
  params: defaultParams(kind),
});

export const emailsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  ),
];

/** Only the current kind's parameters, so a kind switched to and back sends nothing stale. */
export function specInput(values: RuleFormValues): RuleSpecInput {
  const params = Object.fromEntries(
    PARAM_FIELDS[values.kind].map((field) => [field.name, values.params[field.name] ?? field.default]),
  );
  return { kind: values.kind, queryId: values.queryId === '' ? null : values.queryId, params };
}

export function ruleInput(values: RuleFormValues): RuleInput {
  const webhookUrl = values.webhookUrl.trim();
  return {
    ...specInput(values),
    name: values.name.trim(),
    channels: { email: emailsOf(values.emails), webhookUrl: webhookUrl === '' ? null : webhookUrl },
    enabled: values.enabled,
  };
}
