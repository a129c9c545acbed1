import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import { canAddWords, canManageHouseStyle } from './permissions';

describe('house-style permissions', () => {
  it('lets owners, admins and managers manage the house style, as the server policy does', () => {
    expect(ROLES.filter(canManageHouseStyle)).toEqual(['owner', 'admin', 'manager']);
  });

  it('lets everyone but viewers add words', () => {
    expect(ROLES.filter(canAddWords)).toEqual(['owner', 'admin', 'manager', 'editor', 'agent']);
  });
});
