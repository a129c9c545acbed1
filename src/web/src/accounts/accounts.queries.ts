/** TanStack Query hooks for connected accounts and their queue slots. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys';
import { checksKey } from '../house-style/house-style.queries';
import type { VoiceProfile } from '../house-style/house-style.api';
import {
  checkAccount,
  connectAccount,
  getSlots,
  listAccounts,
  removeAccount,
  saveSlots,
  setAccountVoice,
  type ConnectAccountInput,
  type ConnectedAccount,
  type QueueSlot,
} from './accounts.api';

export const useAccountsQuery = (workspaceId: string) =>
  useQuery({ queryKey: queryKeys.accounts(workspaceId), queryFn: () => listAccounts(workspaceId) });

export const useSlotsQuery = (workspaceId: string, accountId: string) =>
  useQuery({
    queryKey: queryKeys.slots(workspaceId, accountId),
    queryFn: () => getSlots(workspaceId, accountId),
  });

/** Puts one account's new state in the list; posts show their accounts' health, so they are read again. */
async function accountChanged(
  client: QueryClient,
  workspaceId: string,
  account: ConnectedAccount,
): Promise<void> {
  client.setQueryData<ConnectedAccount[]>(queryKeys.accounts(workspaceId), (accounts) =>
    accounts === undefined
      ? accounts
      : accounts.some((a) => a.id === account.id)
        ? accounts.map((a) => (a.id === account.id ? account : a))
        : [...accounts, account],
  );
  await client.invalidateQueries({ queryKey: queryKeys.posts(workspaceId) });
}

export function useConnectAccount(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectAccountInput) => connectAccount(workspaceId, input),
    onSuccess: (account) => accountChanged(client, workspaceId, account),
    meta: { inlineError: true },
  });
}

export function useCheckAccount(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => checkAccount(workspaceId, accountId),
    onSuccess: (account) => accountChanged(client, workspaceId, account),
  });
}

export function useSetAccountVoice(workspaceId: string, accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (voice: VoiceProfile | null) => setAccountVoice(workspaceId, accountId, voice),
    onSuccess: async (account) => {
      await accountChanged(client, workspaceId, account);
      await client.invalidateQueries({ queryKey: checksKey(workspaceId) });
    },
    meta: { inlineError: true },
  });
}

/** Removal is refused (409) while posts are scheduled on the account: the dialog says why. */
export function useRemoveAccount(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => removeAccount(workspaceId, accountId),
    onSuccess: async (_nothing, accountId) => {
      client.setQueryData<ConnectedAccount[]>(queryKeys.accounts(workspaceId), (accounts) =>
        accounts?.filter((a) => a.id !== accountId),
      );
      await client.invalidateQueries({ queryKey: queryKeys.accounts(workspaceId) });
    },
    meta: { inlineError: true },
  });
}

export function useSaveSlots(workspaceId: string, accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slots: QueueSlot[]) => saveSlots(workspaceId, accountId, slots),
    onSuccess: (slots) => client.setQueryData(queryKeys.slots(workspaceId, accountId), slots),
    meta: { inlineError: true },
  });
}
