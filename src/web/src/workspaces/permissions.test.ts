import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import { assignableRoles, canManageMember, isAdmin } from './permissions';

describe('permissions', () => {
  it('makes owners and admins administrators, nobody else', () => {
    expect(ROLES.filter(isAdmin)).toEqual(['owner', 'admin']);
  });

  it('lets owners give every role and admins every role but owner', () => {
    expect(assignableRoles('owner')).toEqual(ROLES);
    expect(assignableRoles('admin')).not.toContain('owner');
    expect(assignableRoles('admin')).toContain('admin');
    expect(assignableRoles('manager')).toEqual([]);
    expect(assignableRoles('viewer')).toEqual([]);
  });

  it('keeps owners out of reach of admins', () => {
    expect(canManageMember('owner', 'owner')).toBe(true);
    expect(canManageMember('admin', 'owner')).toBe(false);
    expect(canManageMember('admin', 'editor')).toBe(true);
    expect(canManageMember('viewer', 'viewer')).toBe(false);
  });
});
