/**
 * Alert rules and fired alerts for members: rules are managed by managers and above (audited),
 * read by every member (a webhook address only by those who manage: a chat webhook's address is
 * its secret); alerts are read and marked read by every member; a backtest tries a rule, saved or
 * not, over the stored history.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId, newSecret } from '../../core/ids.js';
import type { SecretBox } from '../../core/secret-box.js';
import { isUniqueViolation } from '../../db/dialects/errors.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize, can } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { backtest, DEFAULT_BACKTEST_DAYS, type BacktestResult } from './alerts.backtest.js';
import type { Explanation } from './alerts.explanation.js';
import { linesOf, titleOf } from './alerts.explanation.js';
import { alertsRepo } from './alerts.repo.js';
import { specOf, type RuleInput, type RuleSpec } from './alerts.rules.js';
import type { AlertKind, AlertRow, AlertRuleRow, DeliveryChannel, DeliveryStatus } from './alerts.tables.js';

export interface RuleView {
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

export interface SavedRule {
  rule: RuleView;
  /** Shown once, when a webhook is first set: the HMAC key receivers check signatures with. */
  webhookSecret?: string;
}

export interface AlertView {
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
  /** The explanation in English sentences (the web app renders its own from `explanation`). */
  summary: string[];
  explanation: Explanation;
  deliveries: {
    channel: DeliveryChannel;
    status: DeliveryStatus;
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
  }[];
}

export interface AlertPage {
  alerts: AlertView[];
  unread: number;
  nextCursor: string | null;
}

export interface AlertListQuery {
  unread?: boolean;
  kind?: AlertKind;
  ruleId?: string;
  limit?: number;
  cursor?: string;
}

interface RuleDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: SecretBox;
}

export const MAX_ALERT_PAGE = 200;

function presentRule(row: AlertRuleRow & { query_name?: string | null }, access: WorkspaceAccess): RuleView {
  const spec = specOf(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    queryId: row.query_id,
    queryName: row.query_name ?? null,
    params: spec.params,
    channels: {
      email: JSON.parse(row.email_to) as string[],
      webhookUrl: can(access.role, 'listening.manage') ? row.webhook_url : null,
      webhook: row.webhook_url !== null,
    },
    enabled: row.enabled === 1,
    lastFiredAt: row.last_fired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function checkQuery(
  db: Kysely<Database>,
  workspaceId: string,
  queryId: string | null,
): Promise<string | null> {
  if (queryId !== null && !(await alertsRepo(db).findQuery(workspaceId, queryId))) {
    throw invalid('queryId', 'No saved query with this id in this workspace');
  }
  return queryId;
}

export async function listRules(db: Kysely<Database>, access: WorkspaceAccess): Promise<RuleView[]> {
  authorize(access.role, 'listening.read');
  return (await alertsRepo(db).listRules(access.workspaceId)).map((row) => presentRule(row, access));
}

export async function getRule(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  ruleId: string,
): Promise<RuleView> {
  authorize(access.role, 'listening.read');
  const row = (await alertsRepo(db).listRules(access.workspaceId)).find((rule) => rule.id === ruleId);
  if (!row) {
    throw notFound('Alert rule');
  }
  return presentRule(row, access);
}

/** Creates a rule (`ruleId` undefined) or replaces one. */
export async function saveRule(
  deps: RuleDeps,
  access: WorkspaceAccess,
  input: RuleInput,
  ruleId?: string,
): Promise<SavedRule> {
  authorize(access.role, 'listening.manage');
  const repo = alertsRepo(deps.db);
  const queryId = await checkQuery(deps.db, access.workspaceId, input.queryId);
  const existing = ruleId === undefined ? undefined : await repo.findRule(access.workspaceId, ruleId);
  if (ruleId !== undefined && !existing) {
    throw notFound('Alert rule');
  }
  const now = isoNow(deps.clock);
  let webhookSecret: string | undefined;
  let sealed = existing?.webhook_secret ?? null;
  if (input.channels.webhookUrl !== null && sealed === null) {
    webhookSecret = newSecret(32);
    sealed = deps.secrets.encrypt(webhookSecret);
  }
  const kindOrScopeChanged =
    existing !== undefined &&
    (existing.kind !== input.kind ||
      existing.query_id !== queryId ||
      existing.params !== JSON.stringify(input.params));
  const row: AlertRuleRow = {
    id: existing?.id ?? newId(deps.clock.now().getTime()),
    workspace_id: access.workspaceId,
    name: input.name,
    kind: input.kind,
    query_id: queryId,
    params: JSON.stringify(input.params),
    email_to: JSON.stringify([...new Set(input.channels.email.map((address) => address.toLowerCase()))]),
    webhook_url: input.channels.webhookUrl,
    webhook_secret: input.channels.webhookUrl === null ? null : sealed,
    enabled: input.enabled ? 1 : 0,
    // A changed rule judges from now on, as a new one does (no burst of catch-up alerts).
    checked_until: kindOrScopeChanged ? null : (existing?.checked_until ?? null),
    last_fired_at: existing?.last_fired_at ?? null,
    created_by: existing?.created_by ?? access.userId,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    try {
      if (existing) {
        await alertsRepo(trx).updateRule(access.workspaceId, row.id, row);
      } else {
        await alertsRepo(trx).insertRule(row);
      }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`An alert rule named "${row.name}" already exists in this workspace`);
      }
      throw error;
    }
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: existing ? 'alerts.rule_updated' : 'alerts.rule_created',
      target: { type: 'alert_rule', id: row.id },
      details: {
        name: row.name,
        kind: row.kind,
        enabled: input.enabled,
        email: input.channels.email.length,
        webhook: row.webhook_url !== null,
      },
    });
  });
  return {
    rule: await getRule(deps.db, access, row.id),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
  };
}

export async function deleteRule(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  ruleId: string,
): Promise<void> {
  authorize(access.role, 'listening.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await alertsRepo(trx).deleteRule(access.workspaceId, ruleId))) {
      throw notFound('Alert rule');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'alerts.rule_deleted',
      target: { type: 'alert_rule', id: ruleId },
    });
  });
}

/** Tries a rule over the stored history: a saved one (by id) or one being written. */
export async function backtestRule(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  rule: { ruleId: string } | { spec: RuleSpec },
  days = DEFAULT_BACKTEST_DAYS,
): Promise<BacktestResult> {
  authorize(access.role, 'listening.read');
  let spec: RuleSpec;
  if ('ruleId' in rule) {
    const row = await alertsRepo(db).findRule(access.workspaceId, rule.ruleId);
    if (!row) {
      throw notFound('Alert rule');
    }
    spec = specOf(row);
  } else {
    spec = rule.spec;
    await checkQuery(db, access.workspaceId, spec.queryId);
  }
  return backtest(db, access.workspaceId, spec, { now: clock.now(), days });
}

function presentAlert(row: AlertRow, deliveries: AlertView['deliveries']): AlertView {
  const explanation = JSON.parse(row.explanation) as Explanation;
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    kind: row.kind,
    firedAt: row.fired_at,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    mentionId: row.mention_id,
    readAt: row.read_at,
    title: titleOf(row.rule_name, explanation),
    summary: linesOf(explanation),
    explanation,
    deliveries,
  };
}

/** A page of the workspace's alerts, newest first, with the number unread. */
export async function listAlerts(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  query: AlertListQuery,
): Promise<AlertPage> {
  authorize(access.role, 'listening.read');
  return findAlertPage(db, access.workspaceId, query);
}

/** Without an access check: for the CLI. */
export async function findAlertPage(
  db: Kysely<Database>,
  workspaceId: string,
  query: AlertListQuery,
): Promise<AlertPage> {
  const repo = alertsRepo(db);
  const limit = Math.min(MAX_ALERT_PAGE, Math.max(1, query.limit ?? 50));
  const rows = await repo.listAlerts({
    workspaceId,
    limit: limit + 1,
    ...(query.unread ? { unread: true } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.ruleId ? { ruleId: query.ruleId } : {}),
    ...(query.cursor ? { before: decodeCursor(query.cursor) } : {}),
  });
  const page = rows.slice(0, limit);
  const deliveries = await repo.deliveriesOf(page.map((row) => row.id));
  const last = page.at(-1);
  return {
    alerts: page.map((row) =>
      presentAlert(
        row,
        deliveries
          .filter((delivery) => delivery.alert_id === row.id)
          .map((delivery) => ({
            channel: delivery.channel,
            status: delivery.status,
            attempts: delivery.attempts,
            lastError: delivery.last_error,
            sentAt: delivery.sent_at,
          })),
      ),
    ),
    unread: await repo.countUnread(workspaceId),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.fired_at, last.id])).toString('base64url')
        : null,
  };
}

/** Marks alerts read (every unread one when `ids` is null); returns how many changed. */
export async function markAlertsRead(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  ids: readonly string[] | null,
): Promise<number> {
  authorize(access.role, 'listening.read');
  return alertsRepo(db).markRead(access.workspaceId, ids, isoNow(clock));
}

function decodeCursor(cursor: string): { firedAt: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { firedAt: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw invalid('cursor', 'Not a cursor from this list: start again without it');
}
