/** TanStack Query hooks for alert rules, fired alerts and backtests. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listeningKeys } from '../listening.keys';
import {
  backtestDraft,
  createRule,
  deleteRule,
  listAlerts,
  listRules,
  markAlertsRead,
  updateRule,
  type RuleInput,
  type RuleSpecInput,
} from './alerts.api';

export const alertKeys = {
  all: (workspaceId: string) => [...listeningKeys.all(workspaceId), 'alerts'] as const,
  list: (workspaceId: string, unread: boolean) =>
    [...listeningKeys.all(workspaceId), 'alerts', 'list', unread] as const,
  rules: (workspaceId: string) => [...listeningKeys.all(workspaceId), 'alerts', 'rules'] as const,
};

/** Fired alerts, refreshed every minute (rules are evaluated every minute). */
export const useAlerts = (workspaceId: string, unread: boolean) =>
  useQuery({
    queryKey: alertKeys.list(workspaceId, unread),
    queryFn: () => listAlerts(workspaceId, { unread }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useAlertRules = (workspaceId: string) =>
  useQuery({ queryKey: alertKeys.rules(workspaceId), queryFn: () => listRules(workspaceId) });

export function useMarkRead(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => markAlertsRead(workspaceId, ids),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all(workspaceId) }),
  });
}

export function useSaveRule(workspaceId: string, ruleId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: RuleInput) =>
      ruleId === null ? createRule(workspaceId, rule) : updateRule(workspaceId, ruleId, rule),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.rules(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteRule(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => deleteRule(workspaceId, ruleId),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.rules(workspaceId) }),
  });
}

/** A backtest is a question asked on demand (a button), not data kept in the cache. */
export function useBacktest(workspaceId: string) {
  return useMutation({
    mutationFn: ({ rule, days }: { rule: RuleSpecInput; days: number }) =>
      backtestDraft(workspaceId, rule, days),
    meta: { inlineError: true },
  });
}
