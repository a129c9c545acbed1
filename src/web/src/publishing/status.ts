/** The colours of post and target statuses, shared by the composer, the calendar and the lists. */
import type { PostStatus, TargetStatus } from './posts.api';

export const POST_STATUS_COLOR: Record<PostStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  changes_requested: 'orange',
  rejected: 'red',
  approved: 'teal',
  scheduled: 'blue',
  publishing: 'indigo',
  published: 'green',
  failed: 'red',
  unconfirmed: 'grape',
  cancelled: 'dark',
};

export const TARGET_STATUS_COLOR: Record<TargetStatus, string> = {
  pending: 'gray',
  scheduled: 'blue',
  publishing: 'indigo',
  published: 'green',
  failed: 'red',
  unconfirmed: 'grape',
  cancelled: 'dark',
};
