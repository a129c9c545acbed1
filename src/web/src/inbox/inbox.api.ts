/**
 * Calls of the inbox endpoints: conversations (list, one, changes, notes, replies), retries of
 * replies, saved replies and service levels. Network content in these shapes is untrusted text.
 */
import { api, seg } from '../api/client';
import { hasStatus } from '../api/errors';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export type PriorityCode =
  | 'negative'
  | 'offensive'
  | 'complaint'
  | 'question'
  | 'purchase_intent'
  | 'support_request'
  | 'reach'
  | 'waiting';

export interface PriorityReason {
  /** A PriorityCode; a code this UI does not know yet is shown by its points only. */
  code: string;
  points: number;
  /** Facts behind it: `followers` for reach, `minutes` for waiting. */
  detail?: Record<string, number | string>;
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
}

export interface Sla {
  target: 'first_response' | 'next_response';
  dueAt: string;
  overdue: boolean;
}

export interface Conversation {
  id: string;
  network: string;
  accountId: string | null;
  status: ConversationStatus;
  snoozedUntil: string | null;
  assignee: Assignee | null;
  /** The department (team) in charge. */
  team: { id: string; name: string } | null;
  priority: { score: number; reasons: PriorityReason[] };
  sla: Sla | null;
  subject: string;
  author: { handle: string | null; name: string | null; followers: number | null };
  sentiment: string | null;
  intents: string[];
  tags: string[];
  spam: boolean;
  messageCount: number;
  firstInboundAt: string;
  lastInboundAt: string;
  lastOutboundAt: string | null;
  firstResponseAt: string | null;
  awaitingSince: string | null;
  updatedAt: string;
}

export type MessageKind = 'inbound' | 'reply' | 'note';
export type MessageStatus = 'received' | 'sending' | 'sent' | 'failed' | 'unknown' | 'internal';

export interface Message {
  id: string;
  kind: MessageKind;
  status: MessageStatus;
  text: string;
  authorHandle: string | null;
  authorUserId: string | null;
  url: string | null;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ConversationDetail {
  conversation: Conversation;
  messages: Message[];
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  /** A user id, 'me' or 'none'. */
  assignee?: string;
  spam?: boolean;
  network?: string;
  search?: string;
  sort?: 'priority' | 'newest';
}

export interface ConversationChanges {
  status?: ConversationStatus;
  snoozedUntil?: string;
  /** A user id or an e-mail; null unassigns. */
  assignee?: string | null;
  /** A department id; null: no team. */
  team?: string | null;
  tags?: string[];
  spam?: boolean;
}

export interface ReplyRequest {
  text?: string;
  savedReplyId?: string;
  replyToMessageId?: string;
  idempotencyKey?: string;
  then?: 'pending' | 'closed';
}

export interface SavedReply {
  id: string;
  name: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface BusinessHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  start: string;
  end: string;
}

export interface InboxSettings {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  businessHours: BusinessHours;
  timeZone: string;
  /** Members round-robin assignment turns over (set in Routing). */
  onDuty: string[];
}

export type InboxSettingsInput = Omit<InboxSettings, 'timeZone' | 'onDuty'>;

export const PAGE_SIZE = 50;

/** The variables the server fills in a reply (saved or typed), as the reply box lists them. */
export const REPLY_VARIABLES = '{{firstName}}, {{name}}, {{handle}}, {{agentName}}';

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/inbox`;

/** The query string of a list request (empty values left out). */
export function conversationQuery(filter: ConversationFilter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter.status !== undefined) {
    params.set('status', filter.status);
  }
  if (filter.assignee !== undefined) {
    params.set('assignee', filter.assignee);
  }
  if (filter.spam !== undefined) {
    params.set('spam', String(filter.spam));
  }
  if (filter.network !== undefined && filter.network !== '') {
    params.set('network', filter.network);
  }
  if (filter.search !== undefined && filter.search.trim() !== '') {
    params.set('search', filter.search.trim());
  }
  if (filter.sort !== undefined) {
    params.set('sort', filter.sort);
  }
  params.set('limit', String(PAGE_SIZE));
  if (cursor !== undefined) {
    params.set('cursor', cursor);
  }
  return params.toString();
}

export const listConversations = (
  workspaceId: string,
  filter: ConversationFilter,
  cursor?: string,
): Promise<ConversationPage> =>
  api.get<ConversationPage>(`${base(workspaceId)}/conversations?${conversationQuery(filter, cursor)}`);

export const getConversation = (workspaceId: string, id: string): Promise<ConversationDetail> =>
  api.get<ConversationDetail>(`${base(workspaceId)}/conversations/${seg(id)}`);

export const updateConversation = (
  workspaceId: string,
  id: string,
  changes: ConversationChanges,
): Promise<Conversation> => api.patch<Conversation>(`${base(workspaceId)}/conversations/${seg(id)}`, changes);

export const addNote = (workspaceId: string, id: string, text: string): Promise<Message> =>
  api.post<Message>(`${base(workspaceId)}/conversations/${seg(id)}/notes`, { text });

export const sendReply = (
  workspaceId: string,
  id: string,
  request: ReplyRequest,
): Promise<{ message: Message; check: unknown }> =>
  api.post(`${base(workspaceId)}/conversations/${seg(id)}/replies`, request);

/** Moderation on the network: block the author, or hide their latest reply under our post (Bluesky). */
export const moderateConversation = (
  workspaceId: string,
  id: string,
  action: 'block' | 'hide',
): Promise<Message> => api.post<Message>(`${base(workspaceId)}/conversations/${seg(id)}/${action}`, {});

export const retryReply = (workspaceId: string, messageId: string): Promise<Message> =>
  api.post<Message>(`${base(workspaceId)}/messages/${seg(messageId)}/retry`);

export const listSavedReplies = async (workspaceId: string): Promise<SavedReply[]> =>
  (await api.get<{ items: SavedReply[] }>(`${base(workspaceId)}/saved-replies`)).items;

export const createSavedReply = (
  workspaceId: string,
  input: { name: string; text: string },
): Promise<SavedReply> => api.post<SavedReply>(`${base(workspaceId)}/saved-replies`, input);

export const deleteSavedReply = (workspaceId: string, id: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/saved-replies/${seg(id)}`);

/** The most ids one bulk request takes. */
export const BULK_LIMIT = 200;

/** Several conversations at once: the bulk endpoint, or one PATCH each where the server has none. */
export async function updateConversations(
  workspaceId: string,
  ids: readonly string[],
  changes: ConversationChanges,
): Promise<void> {
  for (let start = 0; start < ids.length; start += BULK_LIMIT) {
    const chunk = ids.slice(start, start + BULK_LIMIT);
    try {
      await api.post(`${base(workspaceId)}/conversations/bulk`, { ids: chunk, changes });
    } catch (error) {
      if (!hasStatus(error, 404, 405)) {
        throw error;
      }
      await Promise.all(chunk.map((id) => updateConversation(workspaceId, id, changes)));
    }
  }
}

export const getInboxSettings = (workspaceId: string): Promise<InboxSettings> =>
  api.get<InboxSettings>(`${base(workspaceId)}/settings`);

export const updateInboxSettings = (workspaceId: string, input: InboxSettingsInput): Promise<InboxSettings> =>
  api.put<InboxSettings>(`${base(workspaceId)}/settings`, input);

/** The live stream of changes (server-sent events, cookie authentication). */
export const inboxEventsUrl = (workspaceId: string): string => `/api/v1${base(workspaceId)}/events`;
