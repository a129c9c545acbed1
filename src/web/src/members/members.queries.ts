/** TanStack Query hooks for a workspace's members and invitations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../api/types';
import { queryKeys } from '../app/query-keys';
import {
  changeMemberRole,
  createInvitation,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from './members.api';

export const useMembersQuery = (workspaceId: string) =>
  useQuery({ queryKey: queryKeys.members(workspaceId), queryFn: () => listMembers(workspaceId) });

/** Pending invitations (admins only: others get 403). */
export const useInvitationsQuery = (workspaceId: string) =>
  useQuery({ queryKey: queryKeys.invitations(workspaceId), queryFn: () => listInvitations(workspaceId) });

/** A change of members can change the user's own role or membership: refresh those too. */
function useMembershipChanged(workspaceId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
      client.invalidateQueries({ queryKey: queryKeys.workspace(workspaceId), exact: true }),
      client.invalidateQueries({ queryKey: queryKeys.session }),
    ]);
}

export function useChangeMemberRole(workspaceId: string) {
  const changed = useMembershipChanged(workspaceId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      changeMemberRole(workspaceId, userId, role),
    onSuccess: changed,
  });
}

export function useRemoveMember(workspaceId: string) {
  const changed = useMembershipChanged(workspaceId);
  return useMutation({
    mutationFn: (userId: string) => removeMember(workspaceId, userId),
    onSuccess: changed,
  });
}

export function useCreateInvitation(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) => createInvitation(workspaceId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(workspaceId, invitationId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });
}
