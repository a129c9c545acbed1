import type { JobQueue } from '../../jobs/queue.js';
import type { AnyTask } from '../../jobs/task.js';
import type { PollDeps } from '../poll.service.js';

export interface TaskGroup {
  tasks: AnyTask[];
  schedule(queue: JobQueue): Promise<void>;
}

/** Streaming sources (Bluesky firehose, Mastodon). */
export function createListeningStreams(_deps: PollDeps, _queue: JobQueue): TaskGroup {
  return { tasks: [], schedule: async () => {} };
}
