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
  /** One guardrail check: the request itself is the key, so each text is checked once. */
  check: (workspaceId: string, request: object) => [WORKSPACES_KEY, workspaceId, 'check', request] as const,
};
