import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inboxKeys } from './inbox.keys';
import {
  addDepartment,
  addRule,
  deleteRule,
  listDepartments,
  listRules,
  removeDepartment,
  setOnDuty,
  type RuleActions,
  type RuleConditions,
} from './routing.api';

const departmentsKey = (workspaceId: string) => [...inboxKeys.all(workspaceId), 'departments'] as const;
const rulesKey = (workspaceId: string) => [...inboxKeys.all(workspaceId), 'rules'] as const;

export const useDepartments = (workspaceId: string) =>
  useQuery({ queryKey: departmentsKey(workspaceId), queryFn: () => listDepartments(workspaceId) });

export const useRules = (workspaceId: string) =>
  useQuery({ queryKey: rulesKey(workspaceId), queryFn: () => listRules(workspaceId) });

export function useAddDepartment(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; email?: string; webhookUrl?: string }) =>
      addDepartment(workspaceId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: departmentsKey(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useRemoveDepartment(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeDepartment(workspaceId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: departmentsKey(workspaceId) }),
  });
}

export function useAddRule(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; conditions: RuleConditions; actions: RuleActions }) =>
      addRule(workspaceId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteRule(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRule(workspaceId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey(workspaceId) }),
  });
}

export function useSetOnDuty(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (onDuty: string[]) => setOnDuty(workspaceId, onDuty),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.settings(workspaceId) }),
    meta: { inlineError: true },
  });
}
