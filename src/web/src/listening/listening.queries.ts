/** TanStack Query hooks of listening: the stream (polled: new mentions appear), its statistics, queries, sources. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  addSource,
  createQuery,
  deleteQuery,
  getMentionStats,
  listMentions,
  listQueries,
  listSources,
  pollSource,
  removeSource,
  testQuery,
  type MentionFilters,
  type NewSource,
  type QueryTag,
} from './listening.api';
import { listeningKeys } from './listening.keys';

/** How often the stream and the sources are read again while shown. */
export const STREAM_REFRESH_MS = 10_000;

export const useMentionsStream = (workspaceId: string, filters: MentionFilters) =>
  useInfiniteQuery({
    queryKey: listeningKeys.mentions(workspaceId, filters),
    queryFn: ({ pageParam }) => listMentions(workspaceId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: STREAM_REFRESH_MS,
    // A query with a syntax error fails at once: retrying cannot fix it.
    retry: false,
  });

export const useMentionStats = (workspaceId: string, filters: MentionFilters, interval: 'hour' | 'day') =>
  useQuery({
    queryKey: listeningKeys.stats(workspaceId, filters, interval),
    queryFn: () => getMentionStats(workspaceId, filters, interval),
    refetchInterval: STREAM_REFRESH_MS * 3,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useSavedQueries = (workspaceId: string) =>
  useQuery({
    queryKey: listeningKeys.queries(workspaceId),
    queryFn: () => listQueries(workspaceId),
    // While a query's history is being matched, its progress moves: follow it.
    refetchInterval: (query) =>
      query.state.data?.some((saved) => saved.history.status === 'pending' || saved.history.status === 'running') ? 3_000 : false,
  });

export function useCreateQuery(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (query: { name: string; query: string; tag: QueryTag }) => createQuery(workspaceId, query),
    onSuccess: () => client.invalidateQueries({ queryKey: listeningKeys.queries(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteQuery(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (queryId: string) => deleteQuery(workspaceId, queryId),
    onSuccess: () => client.invalidateQueries({ queryKey: listeningKeys.queries(workspaceId) }),
  });
}

/** The server's reading of a query as it is typed (debounced by the caller); disabled when empty. */
export const useQueryTest = (workspaceId: string, query: string) =>
  useQuery({
    queryKey: listeningKeys.queryTest(workspaceId, { query }),
    queryFn: ({ signal }) => testQuery(workspaceId, { query }, signal),
    enabled: query.trim() !== '',
    retry: false,
    staleTime: Infinity,
  });

export const useSources = (workspaceId: string) =>
  useQuery({
    queryKey: listeningKeys.sources(workspaceId),
    queryFn: () => listSources(workspaceId),
    refetchInterval: STREAM_REFRESH_MS * 3,
  });

export function useAddSource(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (source: NewSource) => addSource(workspaceId, source),
    onSuccess: () => client.invalidateQueries({ queryKey: listeningKeys.sources(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useRemoveSource(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: string) => removeSource(workspaceId, sourceId),
    onSuccess: () => client.invalidateQueries({ queryKey: listeningKeys.sources(workspaceId) }),
  });
}

export function usePollSource(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: string) => pollSource(workspaceId, sourceId),
    onSuccess: () => client.invalidateQueries({ queryKey: listeningKeys.sources(workspaceId) }),
  });
}
