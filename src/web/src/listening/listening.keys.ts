// Listening's TanStack Query keys, under the workspace's prefix so a workspace's data goes together.
import { WORKSPACES_KEY } from '../app/query-keys';
import type { MentionFilters } from './listening.api';

export const listeningKeys = {
  all: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'listening'] as const,
  mentions: (workspaceId: string, filters: MentionFilters) =>
    [WORKSPACES_KEY, workspaceId, 'listening', 'mentions', filters] as const,
  stats: (workspaceId: string, filters: MentionFilters, interval: string) =>
    [WORKSPACES_KEY, workspaceId, 'listening', 'stats', filters, interval] as const,
  queries: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'listening', 'queries'] as const,
  queryTest: (workspaceId: string, body: object) =>
    [WORKSPACES_KEY, workspaceId, 'listening', 'query-test', body] as const,
  sources: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'listening', 'sources'] as const,
};
