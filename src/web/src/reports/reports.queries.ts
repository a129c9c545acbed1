/** TanStack Query hooks for dashboards, branding and report schedules. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSchedule,
  deleteSchedule,
  getBranding,
  getDashboard,
  listDeliveries,
  listSchedules,
  putBranding,
  runSchedule,
  updateSchedule,
  type Branding,
  type Capability,
  type Period,
  type ScheduleInput,
} from './reports.api';

export const reportKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'reports'] as const,
  dashboard: (workspaceId: string, capability: Capability, period: Period) =>
    [...reportKeys.all(workspaceId), 'dashboard', capability, period.from, period.to] as const,
  branding: (workspaceId: string) => [...reportKeys.all(workspaceId), 'branding'] as const,
  schedules: (workspaceId: string) => [...reportKeys.all(workspaceId), 'schedules'] as const,
  deliveries: (workspaceId: string, scheduleId: string) =>
    [...reportKeys.all(workspaceId), 'schedules', scheduleId, 'deliveries'] as const,
};

export const useDashboard = (workspaceId: string, capability: Capability, period: Period | null) =>
  useQuery({
    queryKey: reportKeys.dashboard(workspaceId, capability, period ?? { from: '', to: '' }),
    queryFn: () => getDashboard(workspaceId, capability, period!),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });

export const useBranding = (workspaceId: string) =>
  useQuery({ queryKey: reportKeys.branding(workspaceId), queryFn: () => getBranding(workspaceId) });

export function useSaveBranding(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (branding: Branding) => putBranding(workspaceId, branding),
    onSuccess: (saved) => client.setQueryData(reportKeys.branding(workspaceId), saved),
    meta: { inlineError: true },
  });
}

export const useSchedules = (workspaceId: string) =>
  useQuery({ queryKey: reportKeys.schedules(workspaceId), queryFn: () => listSchedules(workspaceId) });

/** A schedule's last deliveries; refreshed while any is on its way. */
export const useDeliveries = (workspaceId: string, scheduleId: string) =>
  useQuery({
    queryKey: reportKeys.deliveries(workspaceId, scheduleId),
    queryFn: () => listDeliveries(workspaceId, scheduleId),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((d) => d.status === 'pending' || d.status === 'retrying') ? 3_000 : 60_000,
  });

export function useSaveSchedule(workspaceId: string, scheduleId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) =>
      scheduleId === null ? createSchedule(workspaceId, input) : updateSchedule(workspaceId, scheduleId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.schedules(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteSchedule(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string) => deleteSchedule(workspaceId, scheduleId),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.schedules(workspaceId) }),
  });
}

export function useRunSchedule(workspaceId: string, scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => runSchedule(workspaceId, scheduleId),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all(workspaceId) }),
    meta: { inlineError: true },
  });
}
