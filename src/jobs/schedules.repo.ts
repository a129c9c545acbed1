import type { Kysely, Selectable } from 'kysely';
import type { Database, JobSchedulesTable } from '../db/schema.js';

export type ScheduleRow = Selectable<JobSchedulesTable>;

/** SQL of `job_schedules`, shared by both queue backends. */
export function schedulesRepo(db: Kysely<Database>) {
  return {
    find: (name: string) =>
      db.selectFrom('job_schedules').selectAll().where('name', '=', name).executeTakeFirst(),

    upsert: (row: ScheduleRow) =>
      db
        .insertInto('job_schedules')
        .values(row)
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            task: row.task,
            cron: row.cron,
            time_zone: row.time_zone,
            payload: row.payload,
            next_run_at: row.next_run_at,
            updated_at: row.updated_at,
          }),
        )
        .execute(),

    delete: (name: string) => db.deleteFrom('job_schedules').where('name', '=', name).execute(),

    due: (tasks: readonly string[], now: string) =>
      db
        .selectFrom('job_schedules')
        .selectAll()
        .where('task', 'in', tasks)
        .where('next_run_at', '<=', now)
        .orderBy('next_run_at')
        .execute(),

    /**
     * Moves a schedule past the slot it was read at. Only one process's UPDATE still finds
     * `next_run_at = seen`, so only that process enqueues the run.
     */
    async advance(name: string, seen: string, next: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('job_schedules')
        .set({ next_run_at: next, last_run_at: now })
        .where('name', '=', name)
        .where('next_run_at', '=', seen)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}
