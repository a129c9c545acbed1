import type { JobQueue } from '../jobs/queue.js';
import type { AnyTask } from '../jobs/task.js';
import type { CommunityDeps } from './community.deps.js';

/** The CRM's background work: people and activities from new mentions, merge suggestions, scores. */
export function createCommunityTasks(_deps: CommunityDeps): { tasks: AnyTask[]; schedule(queue: JobQueue): Promise<void> } {
  return { tasks: [], schedule: async () => {} };
}
