/** TanStack Query hooks for the house style; every change re-runs the workspace's draft checks. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { WORKSPACES_KEY } from '../app/query-keys';
import {
  addDictionaryWords,
  createFact,
  deleteFact,
  getHouseStyle,
  removeDictionaryWord,
  saveVoiceProfile,
  updateFact,
  type FactInput,
  type HouseStyle,
  type VoiceProfile,
} from './house-style.api';

export const houseStyleKey = (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'house-style'] as const;

/** Every check of this workspace's drafts (the prefix of `queryKeys.check`): their answers depend on the house style. */
export const checksKey = (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'check'] as const;

export const useHouseStyleQuery = (workspaceId: string) =>
  useQuery({ queryKey: houseStyleKey(workspaceId), queryFn: () => getHouseStyle(workspaceId) });

async function changed(client: QueryClient, workspaceId: string, update?: (style: HouseStyle) => HouseStyle) {
  if (update) {
    client.setQueryData<HouseStyle>(houseStyleKey(workspaceId), (style) => (style ? update(style) : style));
  } else {
    await client.invalidateQueries({ queryKey: houseStyleKey(workspaceId) });
  }
  await client.invalidateQueries({ queryKey: checksKey(workspaceId) });
}

export function useSaveVoiceProfile(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (voice: VoiceProfile) => saveVoiceProfile(workspaceId, voice),
    onSuccess: (voice) => changed(client, workspaceId, (style) => ({ ...style, voice })),
    meta: { inlineError: true },
  });
}

export function useAddDictionaryWords(workspaceId: string, options: { inlineError?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (words: string[]) => addDictionaryWords(workspaceId, words),
    onSuccess: ({ dictionary }) => changed(client, workspaceId, (style) => ({ ...style, dictionary })),
    meta: { inlineError: options.inlineError ?? false },
  });
}

export function useRemoveDictionaryWord(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (word: string) => removeDictionaryWord(workspaceId, word),
    onSuccess: (_nothing, word) =>
      changed(client, workspaceId, (style) => ({
        ...style,
        dictionary: style.dictionary.filter((w) => w !== word),
      })),
  });
}

/** Creates a fact, or replaces one when `id` is given. */
export function useSaveFact(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fact }: { id?: string | undefined; fact: FactInput }) =>
      id === undefined ? createFact(workspaceId, fact) : updateFact(workspaceId, id, fact),
    onSuccess: () => changed(client, workspaceId),
    meta: { inlineError: true },
  });
}

export function useDeleteFact(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (factId: string) => deleteFact(workspaceId, factId),
    onSuccess: () => changed(client, workspaceId),
  });
}
