/** TanStack Query hooks for the invitation page. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationInput } from '../api/types';
import { queryKeys } from '../app/query-keys';
import { storeSession } from '../session/session.queries';
import { acceptInvitation, getInvitation } from './invitations.api';

export const useInvitationQuery = (token: string) =>
  useQuery({ queryKey: queryKeys.invitation(token), queryFn: () => getInvitation(token), staleTime: 0 });

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(token, input),
    meta: { inlineError: true },
    onSuccess: (session) => storeSession(client, session),
  });
}
