/** TanStack Query hooks for workspaces. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceUpdate } from '../api/types';
import { queryKeys } from '../app/query-keys';
import { createWorkspace, getWorkspace, updateWorkspace } from './workspaces.api';

export const useWorkspaceQuery = (workspaceId: string) =>
  useQuery({ queryKey: queryKeys.workspace(workspaceId), queryFn: () => getWorkspace(workspaceId) });

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: async (workspace) => {
      client.setQueryData(queryKeys.workspace(workspace.id), workspace);
      // The session lists the user's workspaces: wait for the new one to be in it.
      await client.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkspaceUpdate) => updateWorkspace(workspaceId, input),
    onSuccess: async (workspace) => {
      client.setQueryData(queryKeys.workspace(workspaceId), workspace);
      await client.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
