/** Calls of the API token endpoints: the current user's tokens in one workspace. */
import { api, seg } from '../api/client';
import type { ApiToken, CreatedApiToken } from '../api/types';

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/tokens`;

export const listTokens = async (workspaceId: string): Promise<ApiToken[]> =>
  (await api.get<{ tokens: ApiToken[] }>(base(workspaceId))).tokens;

export const createToken = (workspaceId: string, name: string): Promise<CreatedApiToken> =>
  api.post<CreatedApiToken>(base(workspaceId), { name });

export const revokeToken = (workspaceId: string, tokenId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/${seg(tokenId)}`);
