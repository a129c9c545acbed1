/**
 * Calls of the connected-accounts endpoints: the network accounts a workspace publishes with, their
 * health, their voice override and their weekly queue slots. Credentials go in, never come back.
 */
import { api, seg } from '../api/client';
import type { VoiceProfile } from '../house-style/house-style.api';

export const ACCOUNT_NETWORKS = ['bluesky', 'mastodon', 'webhook'] as const;
export type AccountNetwork = (typeof ACCOUNT_NETWORKS)[number];

export type AccountHealth = 'ok' | 'failing' | 'unchecked';

export interface ConnectedAccount {
  id: string;
  network: AccountNetwork;
  handle: string;
  displayName: string | null;
  url: string | null;
  followers: number | null;
  health: AccountHealth;
  /** Why the network refused the credentials, in its words. */
  healthMessage: string | null;
  checkedAt: string | null;
  /** Voice rules that replace the workspace's for this account; null: the workspace's apply. */
  voiceOverride: VoiceProfile | null;
  createdAt: string;
}

export interface BlueskyCredentials {
  handle: string;
  appPassword: string;
  /** The account's PDS; bsky.social when absent. */
  service?: string;
}

export interface MastodonCredentials {
  instanceUrl: string;
  accessToken: string;
}

export interface WebhookCredentials {
  url: string;
  secret: string;
}

export type ConnectAccountInput =
  | { network: 'bluesky'; credentials: BlueskyCredentials }
  | { network: 'mastodon'; credentials: MastodonCredentials }
  | { network: 'webhook'; credentials: WebhookCredentials };

/** A weekly queue slot in the workspace's time zone: 0 = Monday … 6 = Sunday, `HH:MM`. */
export interface QueueSlot {
  weekday: number;
  time: string;
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/accounts`;
const one = (workspaceId: string, accountId: string): string => `${base(workspaceId)}/${seg(accountId)}`;

export const listAccounts = (workspaceId: string): Promise<ConnectedAccount[]> =>
  api.get<ConnectedAccount[]>(base(workspaceId));

export const connectAccount = (workspaceId: string, input: ConnectAccountInput): Promise<ConnectedAccount> =>
  api.post<ConnectedAccount>(base(workspaceId), input);

export const checkAccount = (workspaceId: string, accountId: string): Promise<ConnectedAccount> =>
  api.post<ConnectedAccount>(`${one(workspaceId, accountId)}/check`);

export const setAccountVoice = (
  workspaceId: string,
  accountId: string,
  voice: VoiceProfile | null,
): Promise<ConnectedAccount> => api.put<ConnectedAccount>(`${one(workspaceId, accountId)}/voice`, { voice });

export const removeAccount = (workspaceId: string, accountId: string): Promise<void> =>
  api.delete(one(workspaceId, accountId));

export const getSlots = (workspaceId: string, accountId: string): Promise<QueueSlot[]> =>
  api.get<QueueSlot[]>(`${one(workspaceId, accountId)}/slots`);

export const saveSlots = (workspaceId: string, accountId: string, slots: QueueSlot[]): Promise<QueueSlot[]> =>
  api.put<QueueSlot[]>(`${one(workspaceId, accountId)}/slots`, { slots });
