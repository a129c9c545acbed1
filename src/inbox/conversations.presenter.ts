/** Conversations and messages as the API, the UI and the CLI show them. */
import type { Selectable } from 'kysely';
import type { ConversationMessagesTable, ConversationsTable, ConversationStatus } from '../db/schema.js';
import { waitingReason, type PriorityReason } from './priority.js';
import { slaState, type SlaPolicy, type SlaState } from './sla.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<ConversationMessagesTable>;

export interface ConversationView {
  id: string;
  network: string;
  accountId: string | null;
  status: ConversationStatus;
  snoozedUntil: string | null;
  assignee: { id: string; name: string; email: string } | null;
  /** The department (team) it is assigned to. */
  team: { id: string; name: string } | null;
  /** Content and reach (stored) plus the time waited (now). */
  priority: { score: number; reasons: PriorityReason[] };
  sla: SlaState | null;
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

export interface MessageView {
  id: string;
  kind: MessageRow['kind'];
  status: MessageRow['status'];
  text: string;
  authorHandle: string | null;
  authorUserId: string | null;
  url: string | null;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export function presentConversation(
  row: ConversationRow,
  assignee: { id: string; name: string; email: string } | null,
  policy: SlaPolicy,
  now: Date,
  team: { id: string; name: string } | null = null,
): ConversationView {
  const reasons = JSON.parse(row.priority_reasons) as PriorityReason[];
  const waiting = row.status === 'open' ? waitingReason(row.awaiting_since, now) : null;
  const allReasons = waiting ? [...reasons, waiting] : reasons;
  return {
    id: row.id,
    network: row.network,
    accountId: row.account_id,
    status: row.status,
    snoozedUntil: row.snoozed_until,
    assignee,
    team,
    priority: {
      score: Math.min(
        100,
        allReasons.reduce((sum, reason) => sum + reason.points, 0),
      ),
      reasons: allReasons,
    },
    sla:
      row.status === 'open'
        ? slaState({ awaitingSince: row.awaiting_since, firstResponseAt: row.first_response_at }, policy, now)
        : null,
    subject: row.subject,
    author: { handle: row.author_handle, name: row.author_name, followers: row.author_followers },
    sentiment: row.last_sentiment,
    intents: JSON.parse(row.last_intents) as string[],
    tags: JSON.parse(row.tags) as string[],
    spam: row.spam === 1,
    messageCount: row.message_count,
    firstInboundAt: row.first_inbound_at,
    lastInboundAt: row.last_inbound_at,
    lastOutboundAt: row.last_outbound_at,
    firstResponseAt: row.first_response_at,
    awaitingSince: row.awaiting_since,
    updatedAt: row.updated_at,
  };
}

export function presentMessage(row: MessageRow): MessageView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    text: row.text,
    authorHandle: row.author_handle,
    authorUserId: row.author_user_id,
    url: row.url && /^https?:\/\//.test(row.url) ? row.url : null,
    error: row.error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
