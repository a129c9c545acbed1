/** 'listening.manage': who adds and removes sources and queries; the server decides, this hides what it would refuse. */
import type { Role } from '../api/types';

export const canManageListening = (role: Role): boolean =>
  role === 'owner' || role === 'admin' || role === 'manager';
