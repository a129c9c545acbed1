import { forbidden } from '../core/errors.js';
import type { Role } from './roles.js';

/**
 * Who may do what in a workspace. One table, read top to bottom; capabilities add their actions
 * here as they land. Reading the workspace itself is open to every member.
 */
const POLICY = {
  'workspace.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  'workspace.update': ['owner', 'admin'],
  'members.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  'members.manage': ['owner', 'admin'],
  'invitations.manage': ['owner', 'admin'],
  'tokens.manage-own': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  'audit.read': ['owner', 'admin'],
  /** Connect, reconnect and remove network accounts; set their voice and queue slots. */
  'accounts.manage': ['owner', 'admin', 'manager'],
  'posts.draft': ['owner', 'admin', 'manager', 'editor'],
  'posts.approve': ['owner', 'admin', 'manager'],
  'posts.publish': ['owner', 'admin', 'manager'],
  /** Schedule a post the guardrails block, with a written reason kept in the audit log. */
  'posts.override-guardrails': ['owner', 'admin', 'manager'],
  'inbox.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  /** Reply, assign, change status, add notes and tags, mark spam. */
  'inbox.reply': ['owner', 'admin', 'manager', 'agent'],
  /** Service levels, saved replies. */
  'inbox.manage': ['owner', 'admin', 'manager'],
  'reports.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  /** The voice profile, the fact register and removing dictionary words. */
  'house-style.manage': ['owner', 'admin', 'manager'],
  /** "Add to dictionary" from a spelling finding, by anyone who writes. */
  'dictionary.add': ['owner', 'admin', 'manager', 'editor', 'agent'],
  /** What originality compares against: competitors' posts, our archive. */
  'originality.manage': ['owner', 'admin', 'manager', 'editor'],
  /** Listening: add and remove sources, ingest secrets, imports, saved queries. */
  'listening.manage': ['owner', 'admin', 'manager'],
  'listening.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  'community.read': ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'],
  /** Notes, tags, owner, relationship stage and next step; merge suggestions; imports. */
  'community.manage': ['owner', 'admin', 'manager', 'editor', 'agent'],
  /** Scoring weights; export everything about a person; forget a person (erasure). */
  'community.privacy': ['owner', 'admin'],
  'community.settings': ['owner', 'admin', 'manager'],
  /** Report schedules, recipients and the workspace's report branding. */
  'reports.manage': ['owner', 'admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function can(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}

/** Throws 403 unless `role` may perform `action`. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) {
    throw forbidden(`Your role (${role}) does not allow this (${action})`);
  }
}

/** Roles a member with `role` may hand out: never above their own, and only owners make owners. */
export function assignableRoles(role: Role): Role[] {
  switch (role) {
    case 'owner':
      return ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'];
    case 'admin':
      return ['admin', 'manager', 'editor', 'agent', 'viewer'];
    case 'manager':
    case 'editor':
    case 'agent':
    case 'viewer':
      return [];
  }
}
