/** TanStack Query hooks for API tokens. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys';
import { createToken, listTokens, revokeToken } from './tokens.api';

export const useTokensQuery = (workspaceId: string) =>
  useQuery({ queryKey: queryKeys.tokens(workspaceId), queryFn: () => listTokens(workspaceId) });

export function useCreateToken(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createToken(workspaceId, name),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens(workspaceId) }),
  });
}

export function useRevokeToken(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => revokeToken(workspaceId, tokenId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens(workspaceId) }),
  });
}
