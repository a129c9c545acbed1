/** Who may do what in the community CRM (src/workspaces/policy.ts decides; this hides what it would refuse). */
import type { Role } from '../api/types';

/** 'community.manage': stage, next step, owner, tags, notes and merges. */
export const canManageCommunity = (role: Role): boolean => role !== 'viewer';

/** 'community.privacy': export everything about a person, and forget them. */
export const canUsePrivacy = (role: Role): boolean => role === 'owner' || role === 'admin';

/** 'community.settings': the weights, decay, cap and levels of the engagement score. */
export const canChangeScoring = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager';
