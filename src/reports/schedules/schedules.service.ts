/**
 * Report schedules: a template, a cadence, who receives it (e-mail addresses, a signed webhook).
 * Each period a due schedule becomes one delivery per recipient and webhook — unique per schedule,
 * period, channel and target, so a crash or a second run sends nothing twice — and each delivery is
 * sent by its own job (schedules.delivery.ts). "Send now" does the same for the last complete period.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isoNow, type Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId, newSecret } from '../../core/ids.js';
import type { SecretBox } from '../../core/secret-box.js';
import { isUniqueViolation } from '../../db/dialects/errors.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize, can } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import {
  REPORT_CADENCES,
  REPORT_TEMPLATES,
  type ReportCadence,
  type ReportDeliveryChannel,
  type ReportDeliveryRow,
  type ReportDeliveryStatus,
  type ReportScheduleRow,
  type ReportTemplate,
} from '../reports.tables.js';
import { lastCompletePeriod, nextRunAfter, type ReportPeriod } from './periods.js';
import { schedulesRepo } from './schedules.repo.js';

export const MAX_RECIPIENTS = 20;
export const MAX_DELIVERIES_LISTED = 200;

export const scheduleIn = z
  .object({
    name: z.string().trim().min(1).max(200),
    template: z.enum(REPORT_TEMPLATES),
    cadence: z.enum(REPORT_CADENCES),
    emailTo: z.array(z.email().max(320)).max(MAX_RECIPIENTS).default([]),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .nullable()
      .default(null),
    enabled: z.boolean().default(true),
  })
  .refine((input) => input.emailTo.length > 0 || input.webhookUrl !== null, {
    message: 'Give at least one e-mail address or a webhook URL',
    path: ['emailTo'],
  });

export type ScheduleInput = z.output<typeof scheduleIn>;

export interface ScheduleView {
  id: string;
  name: string;
  template: ReportTemplate;
  cadence: ReportCadence;
  emailTo: string[];
  /** Only for members who manage reports: a webhook's URL may carry its secret. */
  webhookUrl: string | null;
  webhook: boolean;
  enabled: boolean;
  nextRunAt: string;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SavedSchedule {
  schedule: ScheduleView;
  /** The webhook's signing secret, shown once when the webhook is added. */
  webhookSecret?: string;
}

export interface DeliveryView {
  id: string;
  template: ReportTemplate;
  periodFrom: string;
  periodTo: string;
  channel: ReportDeliveryChannel;
  /** The e-mail address, or the webhook's host (its path may be its secret). */
  target: string;
  status: ReportDeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface RunResult {
  period: { from: string; to: string; label: string };
  /** Deliveries made or sent again by this run. */
  queued: number;
  deliveries: DeliveryView[];
}

interface ScheduleServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: SecretBox;
}

export function presentSchedule(row: ReportScheduleRow, access: WorkspaceAccess): ScheduleView {
  return {
    id: row.id,
    name: row.name,
    template: row.template,
    cadence: row.cadence,
    // Recipients' addresses are personal data: only those who manage schedules see them.
    emailTo: can(access.role, 'reports.manage') ? (JSON.parse(row.email_to) as string[]) : [],
    webhookUrl: can(access.role, 'reports.manage') ? row.webhook_url : null,
    webhook: row.webhook_url !== null,
    enabled: row.enabled === 1,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'webhook';
  }
}

/** An e-mail address with its local part hidden: "c…@brand.test". */
function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}…${address.slice(at)}` : '…';
}

export function presentDelivery(row: ReportDeliveryRow, access: WorkspaceAccess): DeliveryView {
  return {
    id: row.id,
    template: row.template,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    channel: row.channel,
    target:
      row.channel === 'webhook'
        ? hostOf(row.target)
        : can(access.role, 'reports.manage')
          ? row.target
          : maskAddress(row.target),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

async function timeZoneOf(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const zone = await schedulesRepo(db).timeZoneOf(workspaceId);
  if (zone === undefined) {
    throw notFound('Workspace');
  }
  return zone;
}

export async function listSchedules(db: Kysely<Database>, access: WorkspaceAccess): Promise<ScheduleView[]> {
  authorize(access.role, 'reports.read');
  return (await schedulesRepo(db).list(access.workspaceId)).map((row) => presentSchedule(row, access));
}

export async function getSchedule(db: Kysely<Database>, access: WorkspaceAccess, id: string): Promise<ScheduleView> {
  authorize(access.role, 'reports.read');
  const row = await schedulesRepo(db).find(access.workspaceId, id);
  if (!row) {
    throw notFound('Report schedule');
  }
  return presentSchedule(row, access);
}

/** Creates (no `id`) or replaces a schedule. A webhook gets a signing secret when it is added. */
export async function saveSchedule(
  deps: ScheduleServiceDeps,
  access: WorkspaceAccess,
  input: ScheduleInput,
  id?: string,
): Promise<SavedSchedule> {
  authorize(access.role, 'reports.manage');
  const repo = schedulesRepo(deps.db);
  const existing = id === undefined ? undefined : await repo.find(access.workspaceId, id);
  if (id !== undefined && !existing) {
    throw notFound('Report schedule');
  }
  const now = deps.clock.now();
  const timeZone = await timeZoneOf(deps.db, access.workspaceId);
  let webhookSecret: string | undefined;
  let sealed = existing?.webhook_url === input.webhookUrl ? (existing?.webhook_secret ?? null) : null;
  if (input.webhookUrl !== null && sealed === null) {
    webhookSecret = newSecret(32);
    sealed = deps.secrets.encrypt(webhookSecret);
  }
  const timingChanged = !existing || existing.cadence !== input.cadence || (existing.enabled === 0 && input.enabled);
  const row: ReportScheduleRow = {
    id: existing?.id ?? newId(now.getTime()),
    workspace_id: access.workspaceId,
    name: input.name,
    template: input.template,
    cadence: input.cadence,
    email_to: JSON.stringify([...new Set(input.emailTo.map((address) => address.toLowerCase()))]),
    webhook_url: input.webhookUrl,
    webhook_secret: input.webhookUrl === null ? null : sealed,
    enabled: input.enabled ? 1 : 0,
    // A new, re-enabled or re-timed schedule runs after the period in progress, never for the past.
    next_run_at: timingChanged ? nextRunAfter(input.cadence, now, timeZone).toISOString() : existing.next_run_at,
    last_run_at: existing?.last_run_at ?? null,
    created_by: existing?.created_by ?? access.userId,
    created_at: existing?.created_at ?? now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    try {
      if (existing) {
        await schedulesRepo(trx).update(access.workspaceId, row.id, row);
      } else {
        await schedulesRepo(trx).insert(row);
      }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A report schedule named "${row.name}" already exists in this workspace`);
      }
      throw error;
    }
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: existing ? 'reports.schedule_updated' : 'reports.schedule_created',
      target: { type: 'report_schedule', id: row.id },
      details: {
        name: row.name,
        template: row.template,
        cadence: row.cadence,
        enabled: input.enabled,
        email: input.emailTo.length,
        webhook: row.webhook_url !== null,
      },
    });
  });
  return {
    schedule: presentSchedule(row, access),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
  };
}

export async function deleteSchedule(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
): Promise<void> {
  authorize(access.role, 'reports.manage');
  await db.transaction().execute(async (trx) => {
    const row = await schedulesRepo(trx).find(access.workspaceId, id);
    if (!row || !(await schedulesRepo(trx).remove(access.workspaceId, id))) {
      throw notFound('Report schedule');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'reports.schedule_deleted',
      target: { type: 'report_schedule', id },
      details: { name: row.name },
    });
  });
}

export async function listDeliveries(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  scheduleId: string,
  limit = 50,
): Promise<DeliveryView[]> {
  authorize(access.role, 'reports.read');
  const repo = schedulesRepo(db);
  if (!(await repo.find(access.workspaceId, scheduleId))) {
    throw notFound('Report schedule');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERIES_LISTED) {
    throw invalid('query.limit', `limit must be a whole number from 1 to ${MAX_DELIVERIES_LISTED}`);
  }
  return (await repo.deliveriesOf(access.workspaceId, scheduleId, limit)).map((row) => presentDelivery(row, access));
}

/** The deliveries a schedule makes for one period: one per e-mail recipient, one for its webhook. */
export function deliveriesFor(
  schedule: ReportScheduleRow,
  period: ReportPeriod,
  now: Date,
): ReportDeliveryRow[] {
  const targets: { channel: ReportDeliveryChannel; target: string }[] = [
    ...(JSON.parse(schedule.email_to) as string[]).map((address) => ({ channel: 'email' as const, target: address })),
    ...(schedule.webhook_url === null ? [] : [{ channel: 'webhook' as const, target: schedule.webhook_url }]),
  ];
  return targets.map(({ channel, target }) => ({
    id: newId(now.getTime()),
    workspace_id: schedule.workspace_id,
    schedule_id: schedule.id,
    template: schedule.template,
    period_from: period.from.toISOString(),
    period_to: period.to.toISOString(),
    channel,
    target,
    status: 'pending',
    attempts: 0,
    lease_until: null,
    last_error: null,
    created_at: now.toISOString(),
    sent_at: null,
  }));
}

/**
 * Turns every due schedule into its deliveries for the last complete period and moves it on to its
 * next run, in one transaction per schedule. Returns the ids of the deliveries made.
 */
export async function materialiseDueSchedules(
  deps: { db: Kysely<Database>; clock: Clock },
  limit = 100,
): Promise<string[]> {
  const now = deps.clock.now();
  const made: string[] = [];
  for (const schedule of await schedulesRepo(deps.db).due(now.toISOString(), limit)) {
    const period = lastCompletePeriod(schedule.cadence, now, schedule.time_zone);
    const next = nextRunAfter(schedule.cadence, now, schedule.time_zone).toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const repo = schedulesRepo(trx);
      // Another process moved it on first: its deliveries are its to make.
      if (!(await repo.advance(schedule.id, schedule.next_run_at, next, now.toISOString()))) {
        return;
      }
      made.push(...(await repo.insertDeliveries(deliveriesFor(schedule, period, now))));
    });
  }
  return made;
}

/**
 * "Send now": the deliveries of the last complete period, made if missing; those that failed or
 * were unavailable are sent again; those sent or on their way are left alone (never sent twice).
 */
export async function runScheduleNow(
  deps: { db: Kysely<Database>; clock: Clock },
  access: WorkspaceAccess,
  scheduleId: string,
): Promise<RunResult> {
  authorize(access.role, 'reports.manage');
  const repo = schedulesRepo(deps.db);
  const schedule = await repo.find(access.workspaceId, scheduleId);
  if (!schedule) {
    throw notFound('Report schedule');
  }
  const now = deps.clock.now();
  const period = lastCompletePeriod(schedule.cadence, now, await timeZoneOf(deps.db, access.workspaceId));
  let queued = 0;
  await deps.db.transaction().execute(async (trx) => {
    const txRepo = schedulesRepo(trx);
    const existing = await txRepo.deliveriesOfPeriod(schedule.id, period.from.toISOString());
    queued += await txRepo.requeue(
      existing.filter((row) => row.status === 'failed' || row.status === 'unavailable').map((row) => row.id),
    );
    queued += (await txRepo.insertDeliveries(deliveriesFor(schedule, period, now))).length;
    await txRepo.markRun(schedule.id, isoNow(deps.clock));
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'reports.schedule_sent_now',
      target: { type: 'report_schedule', id: schedule.id },
      details: { name: schedule.name, period: period.label, queued },
    });
  });
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    queued,
    deliveries: (await repo.deliveriesOfPeriod(schedule.id, period.from.toISOString())).map((row) => presentDelivery(row, access)),
  };
}
