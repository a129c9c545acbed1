/** TanStack Query hooks of the inbox: conversations (paged), one conversation, what a team does to them, settings. */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  addNote,
  createSavedReply,
  deleteSavedReply,
  getConversation,
  getInboxSettings,
  listConversations,
  listSavedReplies,
  retryReply,
  sendReply,
  updateConversation,
  updateConversations,
  updateInboxSettings,
  type Conversation,
  type ConversationChanges,
  type ConversationDetail,
  type ConversationFilter,
  type InboxSettingsInput,
  type ReplyRequest,
  moderateConversation,
} from './inbox.api';
import { inboxKeys } from './inbox.keys';

/** How often the inbox is read again when the live stream is not connected. */
export const FALLBACK_REFRESH_MS = 10_000;

const refetchUnlessLive = (live: boolean): number | false => (live ? false : FALLBACK_REFRESH_MS);

export const useConversations = (workspaceId: string, filter: ConversationFilter, live: boolean) =>
  useInfiniteQuery({
    queryKey: inboxKeys.list(workspaceId, filter),
    queryFn: ({ pageParam }) => listConversations(workspaceId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: refetchUnlessLive(live),
  });

export const useConversation = (workspaceId: string, id: string | null, live: boolean) =>
  useQuery({
    queryKey: inboxKeys.conversation(workspaceId, id ?? ''),
    queryFn: () => getConversation(workspaceId, id ?? ''),
    enabled: id !== null,
    refetchInterval: refetchUnlessLive(live),
  });

/** Puts a changed conversation in its detail and has every list and that detail read again. */
async function conversationChanged(
  client: QueryClient,
  workspaceId: string,
  conversation?: Conversation,
  id = conversation?.id,
): Promise<void> {
  if (conversation) {
    client.setQueryData<ConversationDetail>(inboxKeys.conversation(workspaceId, conversation.id), (old) =>
      old ? { ...old, conversation } : old,
    );
  }
  await Promise.all([
    client.invalidateQueries({ queryKey: inboxKeys.lists(workspaceId) }),
    id === undefined
      ? Promise.resolve()
      : client.invalidateQueries({ queryKey: inboxKeys.conversation(workspaceId, id) }),
  ]);
}

export function useUpdateConversation(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ConversationChanges }) =>
      updateConversation(workspaceId, id, changes),
    onSuccess: (conversation) => conversationChanged(client, workspaceId, conversation),
  });
}

export function useBulkUpdate(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, changes }: { ids: readonly string[]; changes: ConversationChanges }) =>
      updateConversations(workspaceId, ids, changes),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
  });
}

export function useAddNote(workspaceId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addNote(workspaceId, id, text),
    onSuccess: () => conversationChanged(client, workspaceId, undefined, id),
    meta: { inlineError: true },
  });
}

/** The reply box shows refusals (the guardrails' findings) itself. */
export function useSendReply(workspaceId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ReplyRequest) => sendReply(workspaceId, id, request),
    onSuccess: () => conversationChanged(client, workspaceId, undefined, id),
    meta: { inlineError: true },
  });
}

export function useModerate(workspaceId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'block' | 'hide') => moderateConversation(workspaceId, id, action),
    onSuccess: () => conversationChanged(client, workspaceId, undefined, id),
  });
}

export function useRetryReply(workspaceId: string, conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => retryReply(workspaceId, messageId),
    onSettled: () => conversationChanged(client, workspaceId, undefined, conversationId),
  });
}

export const useSavedReplies = (workspaceId: string) =>
  useQuery({ queryKey: inboxKeys.savedReplies(workspaceId), queryFn: () => listSavedReplies(workspaceId) });

export function useCreateSavedReply(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; text: string }) => createSavedReply(workspaceId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.savedReplies(workspaceId) }),
    meta: { inlineError: true },
  });
}

export function useDeleteSavedReply(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSavedReply(workspaceId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.savedReplies(workspaceId) }),
  });
}

export const useInboxSettings = (workspaceId: string) =>
  useQuery({ queryKey: inboxKeys.settings(workspaceId), queryFn: () => getInboxSettings(workspaceId) });

export function useUpdateInboxSettings(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InboxSettingsInput) => updateInboxSettings(workspaceId, input),
    onSuccess: async (settings) => {
      client.setQueryData(inboxKeys.settings(workspaceId), settings);
      // Due times depend on the service levels.
      await client.invalidateQueries({ queryKey: inboxKeys.lists(workspaceId) });
    },
    meta: { inlineError: true },
  });
}
