/** What a role may do in the interface. The server decides; this only hides what would be refused. */
import { ROLES, type Role } from '../api/types';

/** Owners and admins administer a workspace: settings, members, invitations, audit log. */
export const isAdmin = (role: Role): boolean => role === 'owner' || role === 'admin';

/** The roles `actor` may give to others: all for an owner, all but owner for an admin, none otherwise. */
export function assignableRoles(actor: Role): readonly Role[] {
  if (actor === 'owner') {
    return ROLES;
  }
  if (actor === 'admin') {
    return ROLES.filter((role) => role !== 'owner');
  }
  return [];
}

/** Whether `actor` may change the role of, or remove, a member holding `target`. */
export const canManageMember = (actor: Role, target: Role): boolean =>
  isAdmin(actor) && (actor === 'owner' || target !== 'owner');
