/** The only SQL of report schedules: schedules, their deliveries, and what the due sweep reads. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  ReportDeliveryRow,
  ReportDeliveryStatus,
  ReportScheduleRow,
} from '../reports.tables.js';
import '../reports.tables.js';

/** A due schedule with what running it needs of its workspace. */
export type DueSchedule = ReportScheduleRow & { time_zone: string };

export function schedulesRepo(db: Kysely<Database>) {
  return {
    list: (workspaceId: string) =>
      db
        .selectFrom('report_schedules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute(),
    find: (workspaceId: string, id: string) =>
      db
        .selectFrom('report_schedules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),
    findById: (id: string) =>
      db.selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst(),
    insert: (row: ReportScheduleRow) => db.insertInto('report_schedules').values(row).execute(),
    update: (workspaceId: string, id: string, row: ReportScheduleRow) =>
      db
        .updateTable('report_schedules')
        .set(row)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute(),
    remove: async (workspaceId: string, id: string): Promise<boolean> =>
      (
        await db
          .deleteFrom('report_schedules')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numDeletedRows > 0n,
    timeZoneOf: async (workspaceId: string): Promise<string | undefined> =>
      (
        await db
          .selectFrom('workspaces')
          .select('time_zone')
          .where('id', '=', workspaceId)
          .executeTakeFirst()
      )?.time_zone,
    /** Enabled schedules whose run time has come, oldest first. */
    due: (now: string, limit: number): Promise<DueSchedule[]> =>
      db
        .selectFrom('report_schedules')
        .innerJoin('workspaces', 'workspaces.id', 'report_schedules.workspace_id')
        .selectAll('report_schedules')
        .select('workspaces.time_zone')
        .where('report_schedules.enabled', '=', 1)
        .where('report_schedules.next_run_at', '<=', now)
        .orderBy('report_schedules.next_run_at')
        .limit(limit)
        .execute(),
    /** Moves a schedule on, unless another process already did (false then). */
    advance: async (id: string, expectedNextRun: string, nextRunAt: string, lastRunAt: string): Promise<boolean> =>
      (
        await db
          .updateTable('report_schedules')
          .set({ next_run_at: nextRunAt, last_run_at: lastRunAt })
          .where('id', '=', id)
          .where('next_run_at', '=', expectedNextRun)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    markRun: (id: string, lastRunAt: string) =>
      db.updateTable('report_schedules').set({ last_run_at: lastRunAt }).where('id', '=', id).execute(),

    /** Inserts the deliveries not made yet (one per schedule, period, channel and target); returns the new ids. */
    insertDeliveries: async (rows: readonly ReportDeliveryRow[]): Promise<string[]> => {
      if (rows.length === 0) {
        return [];
      }
      const inserted = await db
        .insertInto('report_deliveries')
        .values([...rows])
        .onConflict((oc) => oc.columns(['schedule_id', 'period_from', 'channel', 'target']).doNothing())
        .returning('id')
        .execute();
      return inserted.map((row) => row.id);
    },
    deliveriesOfPeriod: (scheduleId: string, periodFrom: string) =>
      db
        .selectFrom('report_deliveries')
        .selectAll()
        .where('schedule_id', '=', scheduleId)
        .where('period_from', '=', periodFrom)
        .orderBy('channel')
        .orderBy('target')
        .execute(),
    deliveriesOf: (workspaceId: string, scheduleId: string, limit: number) =>
      db
        .selectFrom('report_deliveries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('schedule_id', '=', scheduleId)
        .orderBy('created_at', 'desc')
        .orderBy('period_from', 'desc')
        .orderBy('channel')
        .orderBy('target')
        .limit(limit)
        .execute(),
    /** Sends a failed or unavailable delivery again, as new. */
    requeue: async (ids: readonly string[]): Promise<number> =>
      ids.length === 0
        ? 0
        : Number(
            (
              await db
                .updateTable('report_deliveries')
                .set({ status: 'pending', attempts: 0, last_error: null, lease_until: null, sent_at: null })
                .where('id', 'in', [...ids])
                .where('status', 'in', ['failed', 'unavailable'])
                .executeTakeFirst()
            ).numUpdatedRows,
          ),
    findDelivery: (id: string) =>
      db.selectFrom('report_deliveries').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Takes a delivery to send it, unless it is done or another process holds it. */
    claimDelivery: async (id: string, now: string, leaseUntil: string): Promise<boolean> =>
      (
        await db
          .updateTable('report_deliveries')
          .set({ lease_until: leaseUntil })
          .where('id', '=', id)
          .where('status', 'in', ['pending', 'retrying'])
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    finishDelivery: (
      id: string,
      values: { status: ReportDeliveryStatus; attempts: number; last_error: string | null; sent_at: string | null },
    ) =>
      db
        .updateTable('report_deliveries')
        .set({ ...values, lease_until: null })
        .where('id', '=', id)
        .execute(),
    /** Deliveries never tried and not held: new ones (due or "send now"), or ones whose job was lost. */
    untried: (limit: number) =>
      db
        .selectFrom('report_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('attempts', '=', 0)
        .where('lease_until', 'is', null)
        .orderBy('created_at')
        .limit(limit)
        .execute(),
  };
}
