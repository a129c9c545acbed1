/**
 * What the composer offers for a post, from the user's role, the workspace's approval policy and
 * the post's status. The server decides (workflow.service.ts); this only hides what it would refuse.
 */
import type { ApprovalPolicy, Role } from '../api/types';
import type { PostStatus } from './posts.api';

export type ComposerAction =
  | 'save'
  | 'submit'
  | 'schedule'
  | 'queue'
  | 'publishNow'
  | 'approve'
  | 'requestChanges'
  | 'reject'
  | 'cancel'
  | 'delete';

/** 'posts.draft': write, edit, schedule (unless approval is needed). */
export const canDraft = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager' || role === 'editor';

/** 'posts.approve' and 'posts.override-guardrails'. */
export const canApprove = (role: Role): boolean => role === 'owner' || role === 'admin' || role === 'manager';

/** 'accounts.manage': connect, remove, voice and queue slots. */
export const canManageAccounts = canApprove;

/** Whether this role's posts go through review before they can be scheduled. */
export const needsApproval = (role: Role, policy: ApprovalPolicy): boolean =>
  policy === 'editors' && !canApprove(role);

/** Statuses in which the text, accounts and time can still change. */
const EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];
/** Statuses in which images can still change (before scheduling). */
const MEDIA_EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved'];
/** Statuses in which the post can be deleted (never scheduled, or cancelled). */
const DELETABLE: readonly PostStatus[] = [
  'draft',
  'in_review',
  'changes_requested',
  'rejected',
  'approved',
  'cancelled',
];

export const isEditable = (role: Role, status: PostStatus): boolean =>
  canDraft(role) && EDITABLE.includes(status);
export const canEditMedia = (role: Role, status: PostStatus): boolean =>
  canDraft(role) && MEDIA_EDITABLE.includes(status);

/** The actions to offer, the main one first. `status` null: a new post not saved yet. */
export function composerActions(
  role: Role,
  policy: ApprovalPolicy,
  status: PostStatus | null,
): ComposerAction[] {
  if (!canDraft(role)) {
    return [];
  }
  const approval = needsApproval(role, policy);
  const publish: ComposerAction[] = ['publishNow', 'schedule', 'queue'];
  const deletable: ComposerAction[] = status !== null && DELETABLE.includes(status) ? ['delete'] : [];
  switch (status ?? 'draft') {
    case 'draft':
    case 'changes_requested':
      if (approval) {
        return ['submit', 'save', ...deletable];
      }
      // Without approval an editor may still ask for a second pair of eyes.
      return [...publish, ...(canApprove(role) ? [] : (['submit'] as const)), 'save', ...deletable];
    case 'in_review':
      return [
        ...(canApprove(role) ? (['approve', 'requestChanges', 'reject'] as const) : []),
        'save',
        ...deletable,
      ];
    case 'approved':
      return [...publish, 'save', ...deletable];
    case 'scheduled':
      return ['publishNow', 'cancel'];
    case 'rejected':
    case 'cancelled':
      return deletable;
    case 'publishing':
    case 'published':
    case 'failed':
    case 'unconfirmed':
      return [];
  }
}
