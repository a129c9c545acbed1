/** Which posts each list of the Publish section shows. */
import type { PostStatus } from './posts.api';

/** Posts someone is still writing or that wait for a time. */
export const DRAFT_STATUSES: readonly PostStatus[] = ['draft', 'changes_requested', 'approved', 'rejected'];
/** Posts waiting for a manager. */
export const REVIEW_STATUSES: readonly PostStatus[] = ['in_review'];
/** Posts that did not go out, or whose outcome is unknown: a person must look. */
export const PROBLEM_STATUSES: readonly PostStatus[] = ['failed', 'unconfirmed'];

/** The first line of a text, cut at `max` characters with an ellipsis. */
export function excerpt(text: string, max = 140): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
