/** Who may do what in the inbox (src/workspaces/policy.ts decides; this hides what it would refuse). */
import type { Role } from '../api/types';

/** Reply, assign, change status, notes, tags, spam. */
export const canReply = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager' || role === 'agent';

/** Service levels and saved replies. */
export const canManageInbox = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager';
