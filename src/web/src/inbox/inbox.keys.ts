// The inbox's TanStack Query keys, under the workspace's prefix so a workspace's data goes together.
import { WORKSPACES_KEY } from '../app/query-keys';
import type { ConversationFilter } from './inbox.api';

export const inboxKeys = {
  all: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'inbox'] as const,
  /** Every list of conversations: what any change invalidates. */
  lists: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'inbox', 'list'] as const,
  list: (workspaceId: string, filter: ConversationFilter) =>
    [WORKSPACES_KEY, workspaceId, 'inbox', 'list', filter] as const,
  conversation: (workspaceId: string, id: string) =>
    [WORKSPACES_KEY, workspaceId, 'inbox', 'conversation', id] as const,
  savedReplies: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'inbox', 'saved-replies'] as const,
  settings: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'inbox', 'settings'] as const,
};
