import type { JobQueue } from '../jobs/queue.js';
import type { AnyTask } from '../jobs/task.js';
import type { CommunityDeps } from './community.deps.js';
import { mergeTasks } from './merges/merges.tasks.js';
import { scoreTasks } from './scores/scores.tasks.js';
import { syncTasks } from './sync.tasks.js';

/** A group of tasks with their recurring schedules. */
export interface TaskGroup {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/**
 * The CRM's background work: people and activities from new mentions (`community.sync`, every
 * minute), merge suggestions (`community.suggest-merges`, hourly), scores (`community.score`, every
 * 15 minutes). Each part is a TaskGroup; add one to `parts` to register it.
 */
export function createCommunityTasks(deps: CommunityDeps): TaskGroup {
  const parts: TaskGroup[] = [syncTasks(deps), mergeTasks(deps), scoreTasks(deps)];
  return {
    tasks: parts.flatMap((part) => part.tasks),
    async schedule(queue) {
      for (const part of parts) {
        await part.schedule(queue);
      }
    },
  };
}
