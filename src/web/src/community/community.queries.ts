/** TanStack Query hooks of the community CRM: people (paged), one person and their timeline, what a team does to them. */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  addPersonNote,
  confirmMergeSuggestion,
  deletePersonNote,
  forgetPerson,
  getPerson,
  getPipeline,
  getScoring,
  listActivities,
  listMergeSuggestions,
  listPeople,
  mergePeople,
  refreshMergeSuggestions,
  rejectMergeSuggestion,
  undoMerge,
  updatePerson,
  updateScoring,
  type MergeSuggestionStatus,
  type PeopleFilter,
  type PersonChanges,
  type PersonDetail,
  type ScoringSettings,
} from './community.api';
import { communityKeys } from './community.keys';

export const usePeople = (workspaceId: string, filter: PeopleFilter) =>
  useInfiniteQuery({
    queryKey: communityKeys.list(workspaceId, filter),
    queryFn: ({ pageParam }) => listPeople(workspaceId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const usePerson = (workspaceId: string, personId: string) =>
  useQuery({
    queryKey: communityKeys.person(workspaceId, personId),
    queryFn: () => getPerson(workspaceId, personId),
  });

export const useActivities = (workspaceId: string, personId: string) =>
  useInfiniteQuery({
    queryKey: communityKeys.activities(workspaceId, personId),
    queryFn: ({ pageParam }) => listActivities(workspaceId, personId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const usePipeline = (workspaceId: string) =>
  useQuery({ queryKey: communityKeys.pipeline(workspaceId), queryFn: () => getPipeline(workspaceId) });

export const useMergeSuggestions = (workspaceId: string, status: MergeSuggestionStatus = 'pending') =>
  useQuery({
    queryKey: communityKeys.suggestions(workspaceId, status),
    queryFn: () => listMergeSuggestions(workspaceId, status),
  });

export const useScoring = (workspaceId: string, enabled = true) =>
  useQuery({ queryKey: communityKeys.scoring(workspaceId), queryFn: () => getScoring(workspaceId), enabled });

/** Everything of the community is read again: lists, people, the pipeline and the suggestions. */
const communityChanged = (client: QueryClient, workspaceId: string): Promise<void> =>
  client.invalidateQueries({ queryKey: communityKeys.all(workspaceId) });

export function useUpdatePerson(workspaceId: string, personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: PersonChanges) => updatePerson(workspaceId, personId, changes),
    onSuccess: async (person) => {
      client.setQueryData<PersonDetail>(communityKeys.person(workspaceId, personId), person);
      await Promise.all([
        client.invalidateQueries({ queryKey: communityKeys.lists(workspaceId) }),
        client.invalidateQueries({ queryKey: communityKeys.pipeline(workspaceId) }),
      ]);
    },
  });
}

/** A stage change from the pipeline board (any person of it). */
export function useMoveStage(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, changes }: { personId: string; changes: PersonChanges }) =>
      updatePerson(workspaceId, personId, changes),
    onSettled: () => communityChanged(client, workspaceId),
  });
}

export function useAddNote(workspaceId: string, personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addPersonNote(workspaceId, personId, text),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.person(workspaceId, personId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteNote(workspaceId: string, personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => deletePersonNote(workspaceId, personId, noteId),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.person(workspaceId, personId) }),
  });
}

export function useForgetPerson(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => forgetPerson(workspaceId, personId),
    // The person's own page is left at once (it would only read a 404 again): the rest is refreshed.
    onSuccess: (_nothing, personId) => {
      client.removeQueries({ queryKey: communityKeys.person(workspaceId, personId) });
      void Promise.all([
        client.invalidateQueries({ queryKey: communityKeys.lists(workspaceId) }),
        client.invalidateQueries({ queryKey: communityKeys.pipeline(workspaceId) }),
        client.invalidateQueries({ queryKey: communityKeys.allSuggestions(workspaceId) }),
      ]);
    },
  });
}

export function useConfirmSuggestion(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) => confirmMergeSuggestion(workspaceId, suggestionId),
    onSettled: () => communityChanged(client, workspaceId),
  });
}

export function useRejectSuggestion(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) => rejectMergeSuggestion(workspaceId, suggestionId),
    onSettled: () => communityChanged(client, workspaceId),
  });
}

export function useRefreshSuggestions(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => refreshMergeSuggestions(workspaceId),
    onSuccess: () => communityChanged(client, workspaceId),
  });
}

export function useMergePeople(workspaceId: string, personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (otherPersonId: string) => mergePeople(workspaceId, personId, otherPersonId),
    onSettled: () => communityChanged(client, workspaceId),
  });
}

export function useUndoMerge(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => undoMerge(workspaceId, mergeId),
    onSettled: () => communityChanged(client, workspaceId),
  });
}

export function useUpdateScoring(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ScoringSettings) => updateScoring(workspaceId, settings),
    onSuccess: (settings) => {
      client.setQueryData(communityKeys.scoring(workspaceId), settings);
      return communityChanged(client, workspaceId);
    },
    meta: { inlineError: true },
  });
}

/** People whose name or handle matches `q` (the first page, by name): to pick someone to merge with. */
export const usePeopleSearch = (workspaceId: string, q: string) =>
  useQuery({
    queryKey: communityKeys.list(workspaceId, { sort: 'name', q }),
    queryFn: () => listPeople(workspaceId, { sort: 'name', q }),
    enabled: q.trim() !== '',
  });
