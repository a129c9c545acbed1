// Every TanStack Query key of the app, in one place so invalidations match what queries use.

/** First element of every key holding one workspace's data. */
export const WORKSPACES_KEY = 'workspaces';

export const queryKeys = {
  setup: ['setup'] as const,
  session: ['session'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  workspace: (workspaceId: string) => [WORKSPACES_KEY, workspaceId] as const,
  members: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'invitations'] as const,
  tokens: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'tokens'] as const,
  audit: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'audit'] as const,
  /** Connected network accounts. */
  accounts: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'accounts'] as const,
  /** One account's weekly queue slots. */
  slots: (workspaceId: string, accountId: string) =>
    [WORKSPACES_KEY, workspaceId, 'accounts', accountId, 'slots'] as const,
  /** Every post query of a workspace (lists and single posts): the prefix to invalidate. */
  posts: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'posts'] as const,
  /** Every list of posts (the calendar, the review list…): what a change of one post invalidates. */
  postLists: (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'posts', 'list'] as const,
  /** A list of posts; the filter is part of the key. */
  postList: (workspaceId: string, filter: object) =>
    [WORKSPACES_KEY, workspaceId, 'posts', 'list', filter] as const,
  post: (workspaceId: string, postId: string) =>
    [WORKSPACES_KEY, workspaceId, 'posts', 'one', postId] as const,
  /** One guardrail check: the request itself is the key, so each text is checked once. */
  check: (workspaceId: string, request: object) => [WORKSPACES_KEY, workspaceId, 'check', request] as const,
};
