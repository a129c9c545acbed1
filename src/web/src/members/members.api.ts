/** Calls of a workspace's membership endpoints: members and pending invitations. */
import { api, seg } from '../api/client';
import type { CreatedInvitation, Invitation, Member, Role } from '../api/types';

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}`;

export const listMembers = async (workspaceId: string): Promise<Member[]> =>
  (await api.get<{ members: Member[] }>(`${base(workspaceId)}/members`)).members;

export const changeMemberRole = (workspaceId: string, userId: string, role: Role): Promise<Member> =>
  api.patch<Member>(`${base(workspaceId)}/members/${seg(userId)}`, { role });

export const removeMember = (workspaceId: string, userId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/members/${seg(userId)}`);

export const listInvitations = async (workspaceId: string): Promise<Invitation[]> =>
  (await api.get<{ invitations: Invitation[] }>(`${base(workspaceId)}/invitations`)).invitations;

export const createInvitation = (
  workspaceId: string,
  input: { email: string; role: Role },
): Promise<CreatedInvitation> => api.post<CreatedInvitation>(`${base(workspaceId)}/invitations`, input);

export const revokeInvitation = (workspaceId: string, invitationId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/invitations/${seg(invitationId)}`);
