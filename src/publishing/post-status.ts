/** A post's status, as its targets make it once scheduling has begun. */
import type { PostStatus, TargetStatus } from '../db/schema.js';

export const PRE_SCHEDULING: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved'];

/** The post's status from its targets' (the worst news first: a failure must not hide behind a success). */
export function statusFromTargets(targets: readonly TargetStatus[]): PostStatus {
  const live = targets.filter((status) => status !== 'cancelled');
  if (live.length === 0) {
    return 'cancelled';
  }
  if (live.includes('publishing')) {
    return 'publishing';
  }
  if (live.includes('failed')) {
    return 'failed';
  }
  if (live.includes('unconfirmed')) {
    return 'unconfirmed';
  }
  if (live.includes('scheduled') || live.includes('pending')) {
    return 'scheduled';
  }
  return 'published';
}
