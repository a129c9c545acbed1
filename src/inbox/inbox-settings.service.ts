/** Per-workspace inbox settings: the service levels and business hours (defaults until set). */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { invalid } from '../core/errors.js';
import { assertTimeZone } from '../jobs/cron.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import {
  DEFAULT_FIRST_RESPONSE_MINUTES,
  DEFAULT_HOURS,
  DEFAULT_NEXT_RESPONSE_MINUTES,
  type BusinessHours,
  type SlaPolicy,
} from './sla.js';

export interface InboxSettings {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  businessHours: BusinessHours;
  /** The workspace's time zone, in which the hours are read. */
  timeZone: string;
  /** Members (user ids) round-robin assignment turns over. */
  onDuty: string[];
}

/** The workspace's SLA policy, defaults included. */
export async function slaPolicyOf(db: Kysely<Database>, workspaceId: string): Promise<SlaPolicy> {
  const [settings, workspace] = await Promise.all([
    db.selectFrom('inbox_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),
    db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirst(),
  ]);
  const timeZone = workspace?.time_zone ?? 'UTC';
  try {
    assertTimeZone(timeZone);
  } catch {
    return {
      firstResponseMinutes: DEFAULT_FIRST_RESPONSE_MINUTES,
      nextResponseMinutes: DEFAULT_NEXT_RESPONSE_MINUTES,
      hours: DEFAULT_HOURS,
      timeZone: 'UTC',
    };
  }
  return {
    firstResponseMinutes: settings?.first_response_minutes ?? DEFAULT_FIRST_RESPONSE_MINUTES,
    nextResponseMinutes: settings?.next_response_minutes ?? DEFAULT_NEXT_RESPONSE_MINUTES,
    hours: settings ? (JSON.parse(settings.business_hours) as BusinessHours) : DEFAULT_HOURS,
    timeZone,
  };
}

const present = (policy: SlaPolicy, onDuty: string[]): InboxSettings => ({
  firstResponseMinutes: policy.firstResponseMinutes,
  nextResponseMinutes: policy.nextResponseMinutes,
  businessHours: policy.hours,
  timeZone: policy.timeZone,
  onDuty,
});

async function onDutyOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const row = await db
    .selectFrom('inbox_settings')
    .select('on_duty')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.on_duty) as string[]) : [];
}

export async function getInboxSettings(
  db: Kysely<Database>,
  access: WorkspaceAccess,
): Promise<InboxSettings> {
  authorize(access.role, 'inbox.read');
  return present(await slaPolicyOf(db, access.workspaceId), await onDutyOf(db, access.workspaceId));
}

export async function updateInboxSettings(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  changes: {
    firstResponseMinutes?: number;
    nextResponseMinutes?: number;
    businessHours?: BusinessHours;
    onDuty?: string[];
  },
): Promise<InboxSettings> {
  authorize(access.role, 'inbox.manage');
  const current = await slaPolicyOf(db, access.workspaceId);
  let onDuty = await onDutyOf(db, access.workspaceId);
  if (changes.onDuty !== undefined) {
    const wanted = [...new Set(changes.onDuty)];
    const members =
      wanted.length === 0
        ? []
        : await db
            .selectFrom('memberships')
            .select('user_id')
            .where('workspace_id', '=', access.workspaceId)
            .where('user_id', 'in', wanted)
            .execute();
    const known = new Set(members.map((member) => member.user_id));
    const stranger = wanted.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw invalid('onDuty', `"${stranger}" is not a member of this workspace`);
    }
    onDuty = wanted;
  }
  const row = {
    workspace_id: access.workspaceId,
    first_response_minutes: changes.firstResponseMinutes ?? current.firstResponseMinutes,
    next_response_minutes: changes.nextResponseMinutes ?? current.nextResponseMinutes,
    business_hours: JSON.stringify(changes.businessHours ?? current.hours),
    on_duty: JSON.stringify(onDuty),
    updated_at: isoNow(clock),
  };
  await db
    .insertInto('inbox_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        first_response_minutes: row.first_response_minutes,
        next_response_minutes: row.next_response_minutes,
        business_hours: row.business_hours,
        on_duty: row.on_duty,
        updated_at: row.updated_at,
      }),
    )
    .execute();
  return present(await slaPolicyOf(db, access.workspaceId), onDuty);
}
