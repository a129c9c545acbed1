/** Who may change the house style in the interface; the server's policy decides, this hides what it would refuse. */
import type { Role } from '../api/types';

/** 'house-style.manage': the voice profile, the fact register and removing dictionary words. */
export const canManageHouseStyle = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager';

/** 'dictionary.add': everyone who writes may add words; viewers only read. */
export const canAddWords = (role: Role): boolean => role !== 'viewer';
