import { expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { describeEachDatabase } from '../db/testing.js';
import type { EnqueueOptions } from './queue.js';
import { CronScheduler, type Enqueue } from './scheduler.js';
import { defineTask, type AnyTask } from './task.js';
import { TaskRegistry } from './task-registry.js';

describeEachDatabase('cron scheduler', (use) => {
  const logger = createLogger({ level: 'silent' });
  const registryOf = (...tasks: AnyTask[]): TaskRegistry => {
    const registry = new TaskRegistry();
    registry.add(tasks);
    return registry;
  };
  const recorder = (): {
    enqueue: Enqueue;
    runs: { task: string; payload: unknown; options: EnqueueOptions }[];
  } => {
    const runs: { task: string; payload: unknown; options: EnqueueOptions }[] = [];
    return {
      runs,
      enqueue: (task, payload, options) => {
        runs.push({ task: task.name, payload, options });
        return Promise.resolve(`job-${runs.length}`);
      },
    };
  };
  const report = defineTask({
    name: 'scheduler.report',
    schema: z.object({ workspace: z.string() }),
    perform: () => Promise.resolve(),
  });

  it('fires a due slot once although two processes poll at the same moment', async () => {
    const clock = fixedClock(new Date('2030-01-07T07:59:00Z'));
    const a = new CronScheduler(use().kysely, clock, logger);
    const b = new CronScheduler(use().kysely, clock, logger);
    await a.schedule({
      name: 'weekly-report-ws1',
      cron: '0 9 * * 1',
      timeZone: 'Europe/Paris',
      task: report,
      payload: { workspace: 'ws1' },
    });
    const { enqueue, runs } = recorder();
    const tasks = registryOf(report);

    await Promise.all([a.fireDue(tasks, enqueue), b.fireDue(tasks, enqueue)]);
    expect(runs).toEqual([]); // 08:59 in Paris: not yet

    clock.set(new Date('2030-01-07T08:00:00Z'));
    await Promise.all([a.fireDue(tasks, enqueue), b.fireDue(tasks, enqueue), a.fireDue(tasks, enqueue)]);
    expect(runs).toEqual([
      {
        task: report.name,
        payload: { workspace: 'ws1' },
        options: { singletonKey: 'schedule:weekly-report-ws1' },
      },
    ]);
    const row = await use()
      .kysely.selectFrom('job_schedules')
      .selectAll()
      .where('name', '=', 'weekly-report-ws1')
      .executeTakeFirstOrThrow();
    expect(row.next_run_at).toBe('2030-01-14T08:00:00.000Z');
    await a.unschedule('weekly-report-ws1');
  });

  it('collapses slots missed while every process was down into one run', async () => {
    const clock = fixedClock(new Date('2030-02-01T00:00:30Z'));
    const scheduler = new CronScheduler(use().kysely, clock, logger);
    await scheduler.schedule({
      name: 'every-minute',
      cron: '* * * * *',
      task: report,
      payload: { workspace: 'ws2' },
    });
    const { enqueue, runs } = recorder();

    clock.advance(10 * 60_000);
    await scheduler.fireDue(registryOf(report), enqueue);
    await scheduler.fireDue(registryOf(report), enqueue);
    expect(runs.filter((run) => run.options.singletonKey === 'schedule:every-minute')).toHaveLength(1);
    await scheduler.unschedule('every-minute');
  });

  it('keeps the next slot when an unchanged schedule is declared again, and moves it when the cron changes', async () => {
    const clock = fixedClock(new Date('2030-03-01T10:00:00Z'));
    const scheduler = new CronScheduler(use().kysely, clock, logger);
    const definition = {
      name: 'daily-digest',
      cron: '0 6 * * *',
      task: report,
      payload: { workspace: 'ws3' },
    };
    const nextRun = async () =>
      (
        await use()
          .kysely.selectFrom('job_schedules')
          .select('next_run_at')
          .where('name', '=', 'daily-digest')
          .executeTakeFirstOrThrow()
      ).next_run_at;

    await scheduler.schedule(definition);
    expect(await nextRun()).toBe('2030-03-02T06:00:00.000Z');
    clock.set(new Date('2030-03-02T07:00:00Z')); // the 06:00 slot is due but not fired yet
    await scheduler.schedule(definition);
    expect(await nextRun()).toBe('2030-03-02T06:00:00.000Z');
    await scheduler.schedule({ ...definition, cron: '0 18 * * *' });
    expect(await nextRun()).toBe('2030-03-02T18:00:00.000Z');
    await scheduler.unschedule('daily-digest');
  });

  it('leaves a schedule whose task this process lacks to a process that has it', async () => {
    const clock = fixedClock(new Date('2030-04-01T00:00:00Z'));
    const scheduler = new CronScheduler(use().kysely, clock, logger);
    await scheduler.schedule({
      name: 'hourly',
      cron: '0 * * * *',
      task: report,
      payload: { workspace: 'ws4' },
    });
    const other = defineTask({
      name: 'scheduler.other',
      schema: z.object({}),
      perform: () => Promise.resolve(),
    });
    const { enqueue, runs } = recorder();

    clock.advance(3_600_000);
    await scheduler.fireDue(registryOf(other), enqueue);
    expect(runs).toEqual([]);
    await scheduler.fireDue(registryOf(report, other), enqueue);
    expect(runs).toEqual([expect.objectContaining({ task: report.name, payload: { workspace: 'ws4' } })]);
    await scheduler.unschedule('hourly');
  });
});
