/** The workspace dictionary: words the spell checker accepts (brand and product names, people, jargon). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { WORKSPACES_KEY } from '../app/query-keys';

export const addToDictionary = (workspaceId: string, words: string[]): Promise<{ dictionary: string[] }> =>
  api.post<{ dictionary: string[] }>(`/workspaces/${workspaceId}/house-style/dictionary`, { words });

/** Everyone who writes may add a word; viewers only read (the server enforces the same). */
export const canAddToDictionary = (role: Role): boolean => role !== 'viewer';

/** Adds a word, then re-runs the checks of this workspace so the finding disappears. */
export function useAddToDictionary(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (word: string) => addToDictionary(workspaceId, [word]),
    onSuccess: () => client.invalidateQueries({ queryKey: [WORKSPACES_KEY, workspaceId, 'check'] }),
  });
}
