/** TanStack Query hooks of trends and competitors, under listening's keys so a workspace's data goes together. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listeningKeys } from '../listening.keys';
import {
  addCompetitor,
  getCompetitorReport,
  getShareOfVoice,
  getTrends,
  listCompetitors,
  removeCompetitor,
  updateCompetitor,
  type CompetitorInput,
  type SovWeight,
  type TrendParams,
} from './insights.api';

const insightsKey = (workspaceId: string) => [...listeningKeys.all(workspaceId), 'insights'] as const;
const competitorsKey = (workspaceId: string) => [...insightsKey(workspaceId), 'competitors'] as const;

export const useTrends = (workspaceId: string, params: TrendParams) =>
  useQuery({
    queryKey: [...insightsKey(workspaceId), 'trends', params],
    queryFn: () => getTrends(workspaceId, params),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useCompetitors = (workspaceId: string) =>
  useQuery({
    queryKey: [...competitorsKey(workspaceId), 'list'],
    queryFn: () => listCompetitors(workspaceId),
  });

export const useCompetitorReport = (workspaceId: string, id: string | null) =>
  useQuery({
    queryKey: [...competitorsKey(workspaceId), 'report', id],
    queryFn: () => getCompetitorReport(workspaceId, id ?? ''),
    enabled: id !== null,
  });

export const useShareOfVoice = (workspaceId: string, weight: SovWeight) =>
  useQuery({
    queryKey: [...competitorsKey(workspaceId), 'sov', weight],
    queryFn: () => getShareOfVoice(workspaceId, weight),
    placeholderData: keepPreviousData,
  });

/** Add (no id) or edit a competitor; every competitor view is read again after. */
export function useSaveCompetitor(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CompetitorInput }) =>
      id === null ? addCompetitor(workspaceId, input) : updateCompetitor(workspaceId, id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: competitorsKey(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useRemoveCompetitor(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeCompetitor(workspaceId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: competitorsKey(workspaceId) }),
  });
}
