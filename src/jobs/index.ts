/**
 * Background jobs. A capability declares its work with defineTask() (in its `*.tasks.ts`) and queues
 * it with JobQueue.enqueue(); createJobQueue() picks the backend: embedded (a SQLite table polled
 * in-process) or pg-boss (PostgreSQL, shared by `hearth serve` and any `hearth worker`).
 */
export { createJobQueue, type CreateJobQueueOptions } from './create-queue.js';
export type {
  DeadLetter,
  EnqueueOptions,
  JobQueue,
  ScheduleDefinition,
  StartOptions,
  StopOptions,
} from './queue.js';
export {
  defineTask,
  InvalidJobPayloadError,
  type AnyTask,
  type RetryPolicy,
  type TaskContext,
  type TaskDefinition,
  type TaskSpec,
} from './task.js';
