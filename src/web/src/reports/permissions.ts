/** 'reports.manage': who changes schedules and branding; the server decides, this hides what it would refuse. */
import type { Role } from '../api/types';

export const canManageReports = (role: Role): boolean => role === 'owner' || role === 'admin' || role === 'manager';
