/**
 * Live evaluation, every minute: each enabled rule looks at what is new since it last looked —
 * window rules at the hourly windows closed since (a few minutes after they close, so late feed
 * polls count), mention rules at the mentions stored since. Firing is exactly-once: the alert's key
 * (`window:<end>` or `mention:<id>`) is unique per rule, and the alert, the rule's last firing and
 * its deliveries are written in one transaction; deliveries are dispatched after commit.
 */
import { newId } from '../../core/ids.js';
import type { AlertingDeps, DispatchDelivery } from './alerts.deps.js';
import { sampleOf, type Explanation } from './alerts.explanation.js';
import { floorToHour, HOUR_MS, inCooldown } from './alerts.maths.js';
import { alertsRepo, type MentionWindow } from './alerts.repo.js';
import { isWindowRule, specOf, type MentionRuleSpec, type WindowRuleSpec } from './alerts.rules.js';
import type { AlertDeliveryRow, AlertRuleRow, DeliveryChannel } from './alerts.tables.js';
import { judgeWindows } from './alerts.windows.js';
import { opportunityEvents } from './alerts.mentions.js';

/** A window is judged this long after it closes, so mentions polled late still count. */
export const SETTLE_MS = 10 * 60_000;
/** After downtime, at most this many closed windows are judged (older ones would be stale news). */
export const MAX_CATCH_UP_HOURS = 24;
/** Mention rules look back this much before their last look (transactions committed late). */
export const MENTION_OVERLAP_MS = 10 * 60_000;
/** Mention rules ignore mentions posted longer ago than this (an import of old history is not news). */
export const MAX_MENTION_AGE_MS = 24 * HOUR_MS;
const MENTIONS_PER_LOOK = 500;
const SAMPLES = 3;

export interface Firing {
  key: string;
  /** The event's time (window end, mention posted): what the cooldown compares. */
  eventAt: string;
  windowStart: string | null;
  windowEnd: string | null;
  mentionId: string | null;
  explanation: Explanation;
}

export interface EvaluationReport {
  rules: number;
  fired: number;
  failed: number;
}

/** Evaluates every enabled rule; a failing rule is logged and the others go on. */
export async function evaluateAlertRules(
  deps: AlertingDeps,
  dispatch: DispatchDelivery,
): Promise<EvaluationReport> {
  const rules = await alertsRepo(deps.db).enabledRules();
  const report: EvaluationReport = { rules: rules.length, fired: 0, failed: 0 };
  for (const rule of rules) {
    try {
      report.fired += await evaluateRule(deps, rule, dispatch);
    } catch (error) {
      report.failed += 1;
      deps.logger.warn({ ruleId: rule.id, err: error }, 'alert rule evaluation failed');
    }
  }
  return report;
}

/** Evaluates one rule over what is new; returns how many alerts it fired. */
export async function evaluateRule(
  deps: AlertingDeps,
  rule: AlertRuleRow,
  dispatch: DispatchDelivery,
): Promise<number> {
  const spec = specOf(rule);
  return isWindowRule(spec)
    ? evaluateWindows(deps, rule, spec, dispatch)
    : evaluateMentions(deps, rule, spec, dispatch);
}

async function evaluateWindows(
  deps: AlertingDeps,
  rule: AlertRuleRow,
  spec: WindowRuleSpec,
  dispatch: DispatchDelivery,
): Promise<number> {
  const repo = alertsRepo(deps.db);
  const latest = floorToHour(deps.clock.now().getTime() - SETTLE_MS);
  const next = rule.checked_until === null ? latest : Date.parse(rule.checked_until) + HOUR_MS;
  const ends: number[] = [];
  for (let end = Math.max(next, latest - (MAX_CATCH_UP_HOURS - 1) * HOUR_MS); end <= latest; end += HOUR_MS) {
    ends.push(end);
  }
  if (ends.length === 0) {
    return 0;
  }
  let lastFired = rule.last_fired_at === null ? null : Date.parse(rule.last_fired_at);
  let fired = 0;
  for (const verdict of await judgeWindows(deps.db, rule.workspace_id, spec, ends)) {
    const end = Date.parse(verdict.windowEnd);
    if (verdict.outcome !== 'fired' || inCooldown(lastFired, end, spec.params.cooldownMinutes)) {
      continue;
    }
    const samples = await repo.windowSamples(
      rule.workspace_id,
      spec.queryId,
      { start: verdict.windowStart, end: verdict.windowEnd },
      verdict.kind === 'negative_surge',
      SAMPLES,
    );
    const firing: Firing = {
      key: `window:${verdict.windowEnd}`,
      eventAt: verdict.windowEnd,
      windowStart: verdict.windowStart,
      windowEnd: verdict.windowEnd,
      mentionId: null,
      explanation: { ...verdict, samples: samples.map(sampleOf) },
    };
    if (await fire(deps, rule, firing, dispatch)) {
      fired += 1;
      lastFired = end;
    }
  }
  await repo.setCheckedUntil(rule.id, new Date(latest).toISOString());
  return fired;
}

async function evaluateMentions(
  deps: AlertingDeps,
  rule: AlertRuleRow,
  spec: MentionRuleSpec,
  dispatch: DispatchDelivery,
): Promise<number> {
  const now = deps.clock.now().getTime();
  const since =
    rule.checked_until === null
      ? rule.created_at
      : new Date(Date.parse(rule.checked_until) - MENTION_OVERLAP_MS).toISOString();
  const window: MentionWindow = {
    ingestedSince: since > rule.created_at ? since : rule.created_at,
    createdSince: new Date(now - MAX_MENTION_AGE_MS).toISOString(),
    limit: MENTIONS_PER_LOOK,
  };
  let lastFired = rule.last_fired_at === null ? null : Date.parse(rule.last_fired_at);
  let fired = 0;
  for (const firing of await mentionFirings(deps, rule.workspace_id, spec, window)) {
    const at = Date.parse(firing.eventAt);
    if (inCooldown(lastFired, at, spec.params.cooldownMinutes)) {
      continue;
    }
    if (await fire(deps, rule, firing, dispatch)) {
      fired += 1;
      lastFired = at;
    }
  }
  await alertsRepo(deps.db).setCheckedUntil(rule.id, new Date(now).toISOString());
  return fired;
}

/** What a mention rule would fire for among the mentions of `window`, oldest first. */
export async function mentionFirings(
  deps: Pick<AlertingDeps, 'db'>,
  workspaceId: string,
  spec: MentionRuleSpec,
  window: MentionWindow,
): Promise<Firing[]> {
  const repo = alertsRepo(deps.db);
  if (spec.kind === 'high_reach') {
    const rows = await repo.highReachMentions(workspaceId, spec.queryId, spec.params.minFollowers, window);
    return rows.map((row) => ({
      key: `mention:${row.id}`,
      eventAt: row.created_at,
      windowStart: null,
      windowEnd: null,
      mentionId: row.id,
      explanation: {
        kind: 'high_reach',
        followers: row.author_followers ?? 0,
        threshold: spec.params.minFollowers,
        mention: sampleOf(row),
      },
    }));
  }
  return (await opportunityEvents(repo, workspaceId, spec.queryId, window)).map((event) => ({
    key: `mention:${event.mention.id}`,
    eventAt: event.mention.createdAt,
    windowStart: null,
    windowEnd: null,
    mentionId: event.mention.id,
    explanation: { kind: 'opportunity', ...event },
  }));
}

/** Stores the alert once (false when this rule already fired for this key) with its deliveries, then dispatches them. */
export async function fire(
  deps: AlertingDeps,
  rule: AlertRuleRow,
  firing: Firing,
  dispatch: DispatchDelivery,
): Promise<boolean> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const alertId = newId(now.getTime());
  const deliveries: AlertDeliveryRow[] = channelsOf(rule).map((channel) => ({
    id: newId(now.getTime()),
    alert_id: alertId,
    workspace_id: rule.workspace_id,
    channel,
    status: 'pending',
    attempts: 0,
    last_error: null,
    lease_until: null,
    sent_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  }));
  const inserted = await deps.db.transaction().execute(async (trx) => {
    const repo = alertsRepo(trx);
    const fresh = await repo.insertAlert({
      id: alertId,
      workspace_id: rule.workspace_id,
      rule_id: rule.id,
      rule_name: rule.name,
      kind: rule.kind,
      fire_key: firing.key,
      window_start: firing.windowStart,
      window_end: firing.windowEnd,
      mention_id: firing.mentionId,
      explanation: JSON.stringify(firing.explanation),
      fired_at: nowIso,
      read_at: null,
    });
    if (fresh) {
      await repo.setLastFired(rule.id, firing.eventAt);
      await repo.insertDeliveries(deliveries);
    }
    return fresh;
  });
  if (!inserted) {
    return false;
  }
  deps.logger.info({ ruleId: rule.id, alertId, kind: rule.kind, key: firing.key }, 'alert fired');
  for (const delivery of deliveries) {
    // A lost dispatch is not lost work: the evaluation task re-dispatches stranded deliveries.
    await dispatch(delivery.id).catch((error: unknown) =>
      deps.logger.warn({ deliveryId: delivery.id, err: error }, 'could not queue an alert delivery'),
    );
  }
  return true;
}

export function channelsOf(rule: Pick<AlertRuleRow, 'email_to' | 'webhook_url'>): DeliveryChannel[] {
  const channels: DeliveryChannel[] = [];
  if ((JSON.parse(rule.email_to) as string[]).length > 0) {
    channels.push('email');
  }
  if (rule.webhook_url !== null) {
    channels.push('webhook');
  }
  return channels;
}
