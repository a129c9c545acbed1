import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/schema.js';
import { nextRunAt } from './cron.js';
import type { EnqueueOptions, ScheduleDefinition } from './queue.js';
import { errorMessage } from './runner.js';
import { schedulesRepo } from './schedules.repo.js';
import { parsePayload, type AnyTask } from './task.js';
import type { TaskRegistry } from './task-registry.js';

export type Enqueue = (task: AnyTask, payload: unknown, options: EnqueueOptions) => Promise<string | null>;

/**
 * Cron schedules for both backends, kept in `job_schedules` (pg-boss 10 allows one schedule per
 * queue and reads no injectable clock; this allows several per task and is tested with a moved clock).
 * Every process polls; the slot goes to the one whose optimistic UPDATE wins.
 */
export class CronScheduler {
  private readonly repo: ReturnType<typeof schedulesRepo>;

  constructor(
    db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.repo = schedulesRepo(db);
  }

  async schedule<P>(definition: ScheduleDefinition<P>): Promise<void> {
    if (definition.name.trim() === '') {
      throw new Error('A schedule needs a name');
    }
    const timeZone = definition.timeZone ?? 'UTC';
    const payload = JSON.stringify(parsePayload(definition.task, definition.payload));
    const now = this.clock.now();
    const next = nextRunAt(definition.cron, timeZone, now).toISOString(); // also validates cron and zone
    const existing = await this.repo.find(definition.name);
    // Declaring an unchanged schedule again (every start does) must not move or skip its next slot.
    const unchanged = existing?.cron === definition.cron && existing.time_zone === timeZone;
    await this.repo.upsert({
      name: definition.name,
      task: definition.task.name,
      cron: definition.cron,
      time_zone: timeZone,
      payload,
      next_run_at: unchanged ? existing.next_run_at : next,
      last_run_at: existing?.last_run_at ?? null,
      created_at: existing?.created_at ?? now.toISOString(),
      updated_at: now.toISOString(),
    });
  }

  async unschedule(name: string): Promise<void> {
    await this.repo.delete(name);
  }

  /**
   * Enqueues one run of every due schedule whose task this process has. Slots missed while every
   * process was down collapse into one run. A run is skipped while the previous one is still queued
   * or running (singleton key), so a slow task does not pile up.
   */
  async fireDue(tasks: TaskRegistry, enqueue: Enqueue): Promise<void> {
    const names = tasks.names();
    if (names.length === 0) {
      return;
    }
    const now = this.clock.now();
    for (const schedule of await this.repo.due(names, now.toISOString())) {
      const task = tasks.get(schedule.task);
      if (!task) {
        continue;
      }
      const logger = this.logger.child({ schedule: schedule.name, task: schedule.task });
      try {
        const next = nextRunAt(schedule.cron, schedule.time_zone, now).toISOString();
        if (!(await this.repo.advance(schedule.name, schedule.next_run_at, next, now.toISOString()))) {
          continue; // another process fired this slot
        }
        const payload: unknown = JSON.parse(schedule.payload);
        const id = await enqueue(task, payload, { singletonKey: `schedule:${schedule.name}` });
        if (id === null) {
          logger.info('scheduled run skipped: the previous run is still queued or running');
        }
      } catch (error) {
        logger.error({ error: errorMessage(error) }, 'a scheduled run could not be enqueued');
      }
    }
  }
}
