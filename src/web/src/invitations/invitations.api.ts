/** The public side of invitations: reading one by its token, and accepting it. */
import { api, seg } from '../api/client';
import type { AcceptInvitationInput, AcceptedInvitation, InvitationPreview } from '../api/types';
import { receiveSession } from '../session/session.api';

export const getInvitation = (token: string): Promise<InvitationPreview> =>
  api.get<InvitationPreview>(`/invitations/${seg(token)}`);

export const acceptInvitation = async (
  token: string,
  input: AcceptInvitationInput,
): Promise<AcceptedInvitation> =>
  receiveSession(await api.post<AcceptedInvitation>(`/invitations/${seg(token)}/accept`, input));
