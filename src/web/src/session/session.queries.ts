/** TanStack Query hooks for setup, the session, signing in and signing out. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Session } from '../api/types';
import { WORKSPACES_KEY, queryKeys } from '../app/query-keys';
import { completeSetup, getSession, getSetupStatus, signIn, signOut } from './session.api';

export const useSetupStatus = () =>
  useQuery({ queryKey: queryKeys.setup, queryFn: getSetupStatus, staleTime: Infinity });

export const useSessionQuery = () =>
  useQuery({ queryKey: queryKeys.session, queryFn: getSession, staleTime: 60_000 });

/** Makes `session` the signed-in one: drops the workspace data cached for anybody else. */
export function storeSession(client: QueryClient, session: Session): void {
  client.removeQueries({ queryKey: [WORKSPACES_KEY] });
  client.setQueryData(queryKeys.session, session);
}

export function useCompleteSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    meta: { inlineError: true },
    onSuccess: (session) => {
      client.setQueryData(queryKeys.setup, { needsSetup: false });
      storeSession(client, session);
    },
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { inlineError: true },
    onSuccess: (session) => storeSession(client, session),
  });
}

/** Signs out; the caller leaves the signed-in pages, then calls forgetSession. */
export const useSignOut = () => useMutation({ mutationFn: signOut });

/** Drops everything cached for the user who just signed out. */
export function forgetSession(client: QueryClient): void {
  client.clear();
  client.setQueryData(queryKeys.session, null);
}
