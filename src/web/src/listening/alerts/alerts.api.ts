/**
 * Calls of the alert endpoints: rules (CRUD, backtest), fired alerts (list, mark read). The
 * explanation is the server's numbers; the page puts them in words in the reader's language.
 */
import { api, seg } from '../../api/client';

export const ALERT_KINDS = ['volume_spike', 'negative_surge', 'high_reach', 'opportunity'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface BaselineWeek {
  weeksAgo: number;
  start: string;
  end: string;
  total: number;
  negative: number;
  used: boolean;
}

export interface MentionSample {
  id: string;
  network: string;
  author: string | null;
  authorName: string | null;
  followers: number | null;
  text: string;
  url: string | null;
  createdAt: string;
  sentiment: string | null;
}

interface WindowFacts {
  windowStart: string;
  windowEnd: string;
  windowHours: number;
  weeksWanted: number;
  weeksUsed: number;
  weeks: BaselineWeek[];
  samples?: MentionSample[];
}

export interface SpikeExplanation extends WindowFacts {
  kind: 'volume_spike';
  outcome: string;
  observed: number;
  mean: number | null;
  sd: number | null;
  spread: number | null;
  sdWasZero: boolean;
  z: number | null;
  thresholds: { z: number; minVolume: number; minBaselineWeeks: number };
}

export interface SurgeExplanation extends WindowFacts {
  kind: 'negative_surge';
  outcome: string;
  observed: number;
  negative: number;
  share: number | null;
  baselineTotal: number;
  baselineNegative: number;
  baselineShare: number | null;
  baselineShareUsed: number | null;
  z: number | null;
  ratio: number | null;
  thresholds: { z: number; minMentions: number; minRatio: number; minBaselineWeeks: number };
}

export interface HighReachExplanation {
  kind: 'high_reach';
  followers: number;
  threshold: number;
  mention: MentionSample;
}

export interface OpportunityExplanation {
  kind: 'opportunity';
  intent: 'question' | 'complaint';
  query: { id: string; name: string; tag: string };
  mention: MentionSample;
}

export type Explanation = SpikeExplanation | SurgeExplanation | HighReachExplanation | OpportunityExplanation;

export type DeliveryStatus = 'pending' | 'sent' | 'retrying' | 'failed' | 'unavailable';

export interface FiredAlert {
  id: string;
  ruleId: string | null;
  ruleName: string;
  kind: AlertKind;
  firedAt: string;
  windowStart: string | null;
  windowEnd: string | null;
  mentionId: string | null;
  readAt: string | null;
  title: string;
  summary: string[];
  explanation: Explanation;
  deliveries: {
    channel: 'email' | 'webhook';
    status: DeliveryStatus;
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
  }[];
}

export interface AlertPage {
  alerts: FiredAlert[];
  unread: number;
  nextCursor: string | null;
}

export interface AlertRule {
  id: string;
  name: string;
  kind: AlertKind;
  queryId: string | null;
  queryName: string | null;
  params: Record<string, number>;
  channels: { email: string[]; webhookUrl: string | null; webhook: boolean };
  enabled: boolean;
  lastFiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RuleSpecInput {
  kind: AlertKind;
  queryId: string | null;
  params: Record<string, number>;
}

export interface RuleInput extends RuleSpecInput {
  name: string;
  channels: { email: string[]; webhookUrl: string | null };
  enabled: boolean;
}

export interface SavedRule {
  rule: AlertRule;
  /** Shown once, when a webhook is first set. */
  webhookSecret?: string;
}

export interface BacktestResult {
  from: string;
  to: string;
  windows: number;
  outcomes: Record<string, number>;
  suppressedByCooldown: number;
  fired: number;
  firings: { at: string; explanation: Explanation }[];
  truncated: boolean;
}

const listening = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/listening`;

export function listAlerts(
  workspaceId: string,
  options: { unread: boolean; cursor?: string },
): Promise<AlertPage> {
  const params = new URLSearchParams({ limit: '25' });
  if (options.unread) {
    params.set('unread', 'true');
  }
  if (options.cursor !== undefined) {
    params.set('cursor', options.cursor);
  }
  return api.get<AlertPage>(`${listening(workspaceId)}/alerts?${params.toString()}`);
}

export const markAlertsRead = (workspaceId: string, ids: string[] | 'all'): Promise<{ marked: number }> =>
  api.post<{ marked: number }>(
    `${listening(workspaceId)}/alerts/read`,
    ids === 'all' ? { all: true } : { ids },
  );

export const listRules = async (workspaceId: string): Promise<AlertRule[]> =>
  (await api.get<{ rules: AlertRule[] }>(`${listening(workspaceId)}/alert-rules`)).rules;

export const createRule = (workspaceId: string, rule: RuleInput): Promise<SavedRule> =>
  api.post<SavedRule>(`${listening(workspaceId)}/alert-rules`, rule);

export const updateRule = (workspaceId: string, ruleId: string, rule: RuleInput): Promise<SavedRule> =>
  api.put<SavedRule>(`${listening(workspaceId)}/alert-rules/${seg(ruleId)}`, rule);

export const deleteRule = (workspaceId: string, ruleId: string): Promise<void> =>
  api.delete(`${listening(workspaceId)}/alert-rules/${seg(ruleId)}`);

export const backtestDraft = (
  workspaceId: string,
  rule: RuleSpecInput,
  days: number,
): Promise<BacktestResult> =>
  api.post<BacktestResult>(`${listening(workspaceId)}/alert-rules/backtest`, { rule, days });
