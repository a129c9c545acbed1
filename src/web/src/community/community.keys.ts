// The community CRM's TanStack Query keys, under the workspace's prefix so a workspace's data goes together.
import { WORKSPACES_KEY } from '../app/query-keys';
import type { MergeSuggestionStatus, PeopleFilter } from './community.api';

export const communityKeys = {
  /** Everything of the community: what a merge or a forget invalidates. */
  all: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'community'] as const,
  /** Every list of people. */
  lists: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'community', 'people'] as const,
  list: (workspaceId: string, filter: PeopleFilter) =>
    [WORKSPACES_KEY, workspaceId, 'community', 'people', filter] as const,
  person: (workspaceId: string, personId: string) =>
    [WORKSPACES_KEY, workspaceId, 'community', 'person', personId] as const,
  activities: (workspaceId: string, personId: string) =>
    [WORKSPACES_KEY, workspaceId, 'community', 'person', personId, 'activities'] as const,
  pipeline: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'community', 'pipeline'] as const,
  allSuggestions: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'community', 'suggestions'] as const,
  suggestions: (workspaceId: string, status: MergeSuggestionStatus) =>
    [WORKSPACES_KEY, workspaceId, 'community', 'suggestions', status] as const,
  scoring: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'community', 'scoring'] as const,
};
