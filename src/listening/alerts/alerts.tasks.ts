import type { JobQueue } from '../../jobs/queue.js';
import type { AnyTask } from '../../jobs/task.js';
import type { PollDeps } from '../poll.service.js';

export interface TaskGroup {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/** Alerting's background work. */
export function createAlerting(_deps: PollDeps, _queue: JobQueue): TaskGroup {
  return { tasks: [], schedule: async () => {} };
}
