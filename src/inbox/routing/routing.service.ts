/**
 * Departments and routing rules: CRUD for the people who run the inbox, and `routeConversation`,
 * which applies the workspace's rules in order to a conversation just created (inside the ingest
 * transaction: a new conversation is routed, or it does not exist). Department notifications are
 * written to an outbox and sent after commit (notifications.service.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { SecretBox } from '../../core/secret-box.js';
import { isUniqueViolation } from '../../db/dialects/errors.js';
import type { Database, InboxDepartmentsTable, InboxRulesTable } from '../../db/schema.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import type { PriorityReason } from '../priority.js';
import { conditionsHold, type ConversationFacts, type RuleActions, type RuleConditions } from './rules.js';

export interface Department {
  id: string;
  name: string;
  email: string | null;
  webhookUrl: string | null;
  createdAt: string;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  updatedAt: string;
}

const presentDepartment = (row: Selectable<InboxDepartmentsTable>): Department => ({
  id: row.id,
  name: row.name,
  email: row.email,
  webhookUrl: row.webhook_url,
  createdAt: row.created_at,
});

const presentRule = (row: Selectable<InboxRulesTable>): RoutingRule => ({
  id: row.id,
  name: row.name,
  position: row.position,
  enabled: row.enabled === 1,
  conditions: JSON.parse(row.conditions) as RuleConditions,
  actions: JSON.parse(row.actions) as RuleActions,
  updatedAt: row.updated_at,
});

export async function listDepartments(db: Kysely<Database>, access: WorkspaceAccess): Promise<Department[]> {
  authorize(access.role, 'inbox.read');
  const rows = await db
    .selectFrom('inbox_departments')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(presentDepartment);
}

/** A department; with a webhook, its signing secret is returned this once. */
export async function addDepartment(
  deps: { db: Kysely<Database>; clock: Clock; secrets: SecretBox },
  access: WorkspaceAccess,
  input: { name: string; email?: string | undefined; webhookUrl?: string | undefined },
): Promise<{ department: Department; webhookSecret?: string }> {
  authorize(access.role, 'inbox.manage');
  if (!input.email && !input.webhookUrl) {
    throw invalid('email', 'A department needs an e-mail address or a webhook to be told');
  }
  const now = isoNow(deps.clock);
  const secret = input.webhookUrl ? randomBytes(32).toString('base64url') : undefined;
  const row = {
    id: newId(),
    workspace_id: access.workspaceId,
    name: input.name.trim(),
    email: input.email ?? null,
    webhook_url: input.webhookUrl ?? null,
    webhook_secret: secret ? deps.secrets.encrypt(secret) : null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.insertInto('inbox_departments').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A department named "${row.name}" already exists`);
    }
    throw error;
  }
  return { department: presentDepartment(row), ...(secret ? { webhookSecret: secret } : {}) };
}

export async function removeDepartment(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  id: string,
): Promise<void> {
  authorize(access.role, 'inbox.manage');
  const result = await db
    .deleteFrom('inbox_departments')
    .where('workspace_id', '=', access.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw notFound('Department');
  }
}

export async function listRules(db: Kysely<Database>, access: WorkspaceAccess): Promise<RoutingRule[]> {
  authorize(access.role, 'inbox.read');
  const rows = await db
    .selectFrom('inbox_rules')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  return rows.map(presentRule);
}

export interface RuleInput {
  name: string;
  enabled?: boolean | undefined;
  position?: number | undefined;
  conditions: RuleConditions;
  actions: RuleActions;
}

/** What an action points at must exist in this workspace: a member to assign, a department to tell. */
async function checkActions(db: Kysely<Database>, workspaceId: string, actions: RuleActions): Promise<void> {
  if (actions.assign && 'userId' in actions.assign) {
    const member = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', actions.assign.userId)
      .executeTakeFirst();
    if (!member) {
      throw invalid('actions.assign.userId', 'is not a member of this workspace');
    }
  }
  if (actions.assignTeam) {
    const team = await db
      .selectFrom('inbox_departments')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', actions.assignTeam)
      .executeTakeFirst();
    if (!team) {
      throw invalid('actions.assignTeam', 'is not a department of this workspace');
    }
  }
  if (actions.notifyDepartmentId) {
    const department = await db
      .selectFrom('inbox_departments')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', actions.notifyDepartmentId)
      .executeTakeFirst();
    if (!department) {
      throw invalid('actions.notifyDepartmentId', 'is not a department of this workspace');
    }
  }
}

export async function saveRule(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: RuleInput,
  ruleId?: string,
): Promise<RoutingRule> {
  authorize(access.role, 'inbox.manage');
  await checkActions(db, access.workspaceId, input.actions);
  const now = isoNow(clock);
  try {
    if (ruleId) {
      const result = await db
        .updateTable('inbox_rules')
        .set({
          name: input.name.trim(),
          enabled: input.enabled === false ? 0 : 1,
          ...(input.position !== undefined ? { position: input.position } : {}),
          conditions: JSON.stringify(input.conditions),
          actions: JSON.stringify(input.actions),
          updated_at: now,
        })
        .where('workspace_id', '=', access.workspaceId)
        .where('id', '=', ruleId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw notFound('Routing rule');
      }
    } else {
      const last = await db
        .selectFrom('inbox_rules')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('workspace_id', '=', access.workspaceId)
        .executeTakeFirst();
      await db
        .insertInto('inbox_rules')
        .values({
          id: (ruleId = newId()),
          workspace_id: access.workspaceId,
          name: input.name.trim(),
          position: input.position ?? Number(last?.max ?? 0) + 1,
          enabled: input.enabled === false ? 0 : 1,
          conditions: JSON.stringify(input.conditions),
          actions: JSON.stringify(input.actions),
          round_robin_next: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A routing rule named "${input.name.trim()}" already exists`);
    }
    throw error;
  }
  const row = await db
    .selectFrom('inbox_rules')
    .selectAll()
    .where('id', '=', ruleId)
    .executeTakeFirstOrThrow();
  return presentRule(row);
}

export async function deleteRule(db: Kysely<Database>, access: WorkspaceAccess, id: string): Promise<void> {
  authorize(access.role, 'inbox.manage');
  const result = await db
    .deleteFrom('inbox_rules')
    .where('workspace_id', '=', access.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw notFound('Routing rule');
  }
}

/** What routing did to a conversation, for its caller (and tests). */
export interface RoutingOutcome {
  rules: string[];
  assigneeId: string | null;
  teamId: string | null;
}

/**
 * Applies every enabled rule whose conditions hold, in order. Tags add up, priority raises add up
 * (each a reason naming its rule), the first rule that assigns a person, and the first that assigns a team, win; notifications go
 * to the outbox.
 */
export async function routeConversation(
  trx: Kysely<Database>,
  conversationId: string,
  workspaceId: string,
  facts: ConversationFacts,
  now: string,
): Promise<RoutingOutcome> {
  const rules = await trx
    .selectFrom('inbox_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', 1)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const outcome: RoutingOutcome = { rules: [], assigneeId: null, teamId: null };
  const tags = new Set<string>();
  const reasons: PriorityReason[] = [];
  let spam = false;
  let close = false;
  for (const rule of rules) {
    const conditions = JSON.parse(rule.conditions) as RuleConditions;
    if (!conditionsHold(conditions, facts)) {
      continue;
    }
    const actions = JSON.parse(rule.actions) as RuleActions;
    outcome.rules.push(rule.name);
    actions.addTags?.forEach((tag) => tags.add(tag));
    if (actions.raisePriority) {
      reasons.push({ code: 'rule', points: actions.raisePriority, detail: { rule: rule.name } });
    }
    if (actions.assign && outcome.assigneeId === null) {
      outcome.assigneeId =
        'userId' in actions.assign ? actions.assign.userId : await nextOnDuty(trx, workspaceId, rule.id);
    }
    if (actions.assignTeam && outcome.teamId === null) {
      outcome.teamId = actions.assignTeam;
    }
    if (actions.notifyDepartmentId) {
      await notify(trx, workspaceId, conversationId, actions.notifyDepartmentId, rule.name, now);
    }
    spam ||= actions.markSpam === true;
    close ||= actions.close === true;
  }
  if (outcome.rules.length === 0) {
    return outcome;
  }
  const conversation = await trx
    .selectFrom('conversations')
    .select(['tags', 'priority', 'priority_reasons', 'status', 'closed_at'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const allReasons = [...(JSON.parse(conversation.priority_reasons) as PriorityReason[]), ...reasons];
  await trx
    .updateTable('conversations')
    .set({
      tags: JSON.stringify([...new Set([...(JSON.parse(conversation.tags) as string[]), ...tags])].sort()),
      priority: Math.min(
        100,
        allReasons.reduce((sum, reason) => sum + reason.points, 0),
      ),
      priority_reasons: JSON.stringify(allReasons),
      ...(outcome.assigneeId ? { assignee_id: outcome.assigneeId } : {}),
      ...(outcome.teamId ? { team_id: outcome.teamId } : {}),
      ...(spam ? { spam: 1 } : {}),
      ...(close ? { status: 'closed' as const, closed_at: conversation.status === 'closed' ? conversation.closed_at : now } : {}),
    })
    .where('id', '=', conversationId)
    .execute();
  return outcome;
}

/** The next member on duty for this rule (in turn), among those still members; null when nobody is on duty. */
async function nextOnDuty(
  trx: Kysely<Database>,
  workspaceId: string,
  ruleId: string,
): Promise<string | null> {
  const settings = await trx
    .selectFrom('inbox_settings')
    .select('on_duty')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const wanted = settings ? (JSON.parse(settings.on_duty) as string[]) : [];
  if (wanted.length === 0) {
    return null;
  }
  const members = new Set(
    (
      await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', 'in', wanted)
        .execute()
    ).map((row) => row.user_id),
  );
  const onDuty = wanted.filter((id) => members.has(id));
  if (onDuty.length === 0) {
    return null;
  }
  // One atomic increment: two conversations routed at once get two turns.
  const turn = await trx
    .updateTable('inbox_rules')
    .set((eb) => ({ round_robin_next: eb('round_robin_next', '+', 1) }))
    .where('id', '=', ruleId)
    .returning('round_robin_next')
    .executeTakeFirstOrThrow();
  return onDuty[(turn.round_robin_next - 1) % onDuty.length] ?? null;
}

async function notify(
  trx: Kysely<Database>,
  workspaceId: string,
  conversationId: string,
  departmentId: string,
  ruleName: string,
  now: string,
): Promise<void> {
  const department = await trx
    .selectFrom('inbox_departments')
    .select(['email', 'webhook_url'])
    .where('id', '=', departmentId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!department) {
    return;
  }
  const channels = [
    ...(department.email ? ['email' as const] : []),
    ...(department.webhook_url ? ['webhook' as const] : []),
  ];
  for (const channel of channels) {
    await trx
      .insertInto('inbox_notifications')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        conversation_id: conversationId,
        department_id: departmentId,
        rule_name: ruleName,
        channel,
        status: 'pending',
        attempts: 0,
        lease_until: null,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .execute();
  }
}
