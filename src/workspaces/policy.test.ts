import { describe, expect, it } from 'vitest';
import { ACTIONS, assignableRoles, authorize, can } from './policy.js';
import { ROLES, roleRank } from './roles.js';

describe('workspace policy', () => {
  it('gives the owner every action', () => {
    expect(ACTIONS.every((action) => can('owner', action))).toBe(true);
  });

  it('lets a viewer only read', () => {
    const allowed = ACTIONS.filter((action) => can('viewer', action));
    expect(allowed.every((action) => action.endsWith('.read') || action === 'tokens.manage-own')).toBe(true);
    expect(can('viewer', 'workspace.update')).toBe(false);
  });

  it('separates the editor (drafts) from the agent (inbox) and the manager (approves, publishes)', () => {
    expect([can('editor', 'posts.draft'), can('editor', 'posts.approve'), can('editor', 'inbox.reply')]).toEqual([true, false, false]);
    expect([can('agent', 'posts.draft'), can('agent', 'inbox.reply')]).toEqual([false, true]);
    expect([can('manager', 'posts.approve'), can('manager', 'posts.publish'), can('manager', 'members.manage')]).toEqual([true, true, false]);
  });

  it('never lets anyone hand out a role above their own', () => {
    for (const role of ROLES) {
      for (const given of assignableRoles(role)) {
        expect(roleRank(given), `${role} → ${given}`).toBeGreaterThanOrEqual(roleRank(role));
      }
    }
    expect(assignableRoles('admin')).not.toContain('owner');
    expect(assignableRoles('manager')).toEqual([]);
  });

  it('throws a 403-kind error when refused', () => {
    expect(() => authorize('agent', 'audit.read')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => authorize('admin', 'audit.read')).not.toThrow();
  });
});
