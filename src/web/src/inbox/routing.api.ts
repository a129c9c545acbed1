/** Routing over HTTP: departments, rules, and who is on duty (src/inbox/routing/). */
import { api, seg } from '../api/client';
import type { Intent, Sentiment } from '../listening/listening.api';

export interface Department {
  id: string;
  name: string;
  email: string | null;
  webhookUrl: string | null;
  createdAt: string;
}

export interface RuleConditions {
  networks?: string[];
  languages?: string[];
  sentiments?: Sentiment[];
  intents?: Intent[];
  queryIds?: string[];
  accountIds?: string[];
  minFollowers?: number;
}

export interface RuleActions {
  addTags?: string[];
  assign?: { userId: string } | { roundRobin: true };
  assignTeam?: string;
  raisePriority?: number;
  notifyDepartmentId?: string;
  markSpam?: true;
  close?: true;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  updatedAt: string;
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/inbox`;

export const listDepartments = async (workspaceId: string): Promise<Department[]> =>
  (await api.get<{ items: Department[] }>(`${base(workspaceId)}/departments`)).items;

export const addDepartment = (
  workspaceId: string,
  input: { name: string; email?: string; webhookUrl?: string },
): Promise<{ department: Department; webhookSecret?: string }> =>
  api.post(`${base(workspaceId)}/departments`, input);

export const removeDepartment = (workspaceId: string, id: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/departments/${seg(id)}`);

export const listRules = async (workspaceId: string): Promise<RoutingRule[]> =>
  (await api.get<{ items: RoutingRule[] }>(`${base(workspaceId)}/rules`)).items;

export const addRule = (
  workspaceId: string,
  input: { name: string; conditions: RuleConditions; actions: RuleActions },
): Promise<RoutingRule> => api.post<RoutingRule>(`${base(workspaceId)}/rules`, input);

export const deleteRule = (workspaceId: string, id: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/rules/${seg(id)}`);

export const setOnDuty = (workspaceId: string, onDuty: string[]): Promise<{ onDuty: string[] }> =>
  api.put(`${base(workspaceId)}/settings`, { onDuty });
