/**
 * Table types for Kysely. Conventions, identical on both databases:
 * ids are app-generated text (core/ids), timestamps are UTC ISO-8601 text (they sort as text),
 * lists and objects are JSON text, flags are nullable timestamps (`revoked_at`) rather than booleans.
 */
import type { ColumnType } from 'kysely';
import type { Role } from '../workspaces/roles.js';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  time_zone: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  /** JSON object {brand, products, competitors}: string arrays, matched in analysed texts. */
  named_things: string;
  /** JSON voice profile (guardrails/voice/profile.ts), `{}` when none is set. */
  voice_profile: string;
  /** 'none': anyone who may draft may schedule; 'editors': editors' posts need a manager's approval. */
  approval_policy: 'none' | 'editors';
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  workspace_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once. */
  token_hash: string;
  /** First characters of the token, to recognise it in a list. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  workspace_id: string | null;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON object. Never holds secrets or passwords. */
  details: string;
  ip: string | null;
  at: string;
}

/** queued (waiting for run_at), running (leased to a worker until locked_until), completed, dead (retries exhausted). */
export type JobStatus = 'queued' | 'running' | 'completed' | 'dead';

/** The embedded (SQLite) job queue. On PostgreSQL pg-boss keeps jobs in its own schema instead. */
export interface JobsTable {
  id: string;
  task: string;
  /** JSON of the payload, as validated by the task's schema at enqueue. */
  payload: string;
  status: JobStatus;
  run_at: string;
  /** Attempts started so far, including one whose lease expired. */
  attempts: number;
  /** Retries allowed after the first attempt (from the task, when enqueued). */
  retry_limit: number;
  backoff_seconds: number;
  /** While queued or running, no other job of the same task may hold this key. */
  singleton_key: string | null;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  /** When the job completed or became a dead letter. */
  finished_at: string | null;
}

/** Cron schedules, for both queue backends: fired once per slot by whichever process claims the slot. */
export interface JobSchedulesTable {
  name: string;
  task: string;
  cron: string;
  /** IANA time zone the cron expression is read in. */
  time_zone: string;
  /** JSON of the payload each run gets. */
  payload: string;
  next_run_at: string;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DictionaryWordsTable {
  workspace_id: string;
  word: string;
  added_by: string | null;
  created_at: string;
}

export interface FactsTable {
  id: string;
  workspace_id: string;
  statement: string;
  value: string | null;
  source_url: string | null;
  /** ISO date or date-time. */
  valid_until: string | null;
  source_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface OriginalitySourcesTable {
  workspace_id: string;
  /** The caller's id for the source: `post:<id>`, a URL, a competitor post's id. */
  source_id: string;
  kind: 'own' | 'competitor' | 'ingested';
  label: string | null;
  url: string | null;
  /** How the shingles were made (`w3`: word 3-shingles); rows of another scheme are re-indexed, not mixed. */
  scheme: string;
  /** Base64 of the shingle hashes (little-endian u32) in text order. */
  shingles: string;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export type AccountHealth = 'ok' | 'failing' | 'unchecked';

export interface ConnectedAccountsTable {
  id: string;
  workspace_id: string;
  network: 'bluesky' | 'mastodon' | 'webhook';
  /** The network's id of the account (Bluesky DID, Mastodon account id, webhook host). */
  external_id: string;
  handle: string;
  display_name: string | null;
  url: string | null;
  followers: number | null;
  /** JSON of the credentials, sealed with the secret box (AES-256-GCM). */
  credentials: string;
  /** JSON of a partial voice profile that overrides the workspace's for this account. */
  voice_override: string | null;
  health: AccountHealth;
  /** Why the account cannot publish, in the network's words. */
  health_message: string | null;
  checked_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export type PostStatus =
  | 'draft'
  | 'in_review'
  | 'changes_requested'
  | 'rejected'
  | 'approved'
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'failed'
  | 'unconfirmed'
  | 'cancelled';

export interface PostsTable {
  id: string;
  workspace_id: string;
  author_id: string | null;
  status: PostStatus;
  text: string;
  language: string | null;
  /** 1 for a paid partnership (the voice profile's disclosure applies), else 0. */
  partnership: number;
  publish_at: string | null;
  /** Incremented by every edit: a target publishes the version it claimed, never an older one. */
  version: number;
  check_verdict: 'pass' | 'warn' | 'block' | null;
  check_score: number | null;
  /** JSON of the last check's findings. */
  check_findings: string | null;
  override_reason: string | null;
  override_by: string | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

export type TargetStatus = 'pending' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';

export interface PostTargetsTable {
  id: string;
  post_id: string;
  workspace_id: string;
  account_id: string;
  text_override: string | null;
  status: TargetStatus;
  publish_at: string | null;
  version: number;
  attempts: number;
  /** When the first attempt was claimed: networks keep idempotency keys for a limited time. */
  first_attempt_at: string | null;
  /**
   * 1 while the last attempt may have reached the network and its outcome is not recorded (a crash,
   * a timeout, a reset after sending); 0 once it is known that nothing was sent (429, refused).
   */
  outcome_pending: number;
  /** While `publishing`: until when the claiming process owns the attempt. */
  lease_until: string | null;
  next_attempt_at: string | null;
  published_version: number | null;
  published_text: string | null;
  external_id: string | null;
  url: string | null;
  /** The connector's opaque reference (replies, deletes, metrics). */
  ref: string | null;
  published_at: string | null;
  last_error: string | null;
  /** JSON {likes, reposts, replies, quotes}. */
  metrics: string | null;
  metrics_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PostMediaTable {
  id: string;
  post_id: string;
  position: number;
  mime_type: string;
  /** Base64 of the image bytes. */
  data: string;
  bytes: number;
  alt_text: string;
  created_at: string;
}

export interface QueueSlotsTable {
  id: string;
  workspace_id: string;
  account_id: string;
  /** 0 = Monday … 6 = Sunday, in the workspace's time zone. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  workspaces: WorkspacesTable;
  dictionary_words: DictionaryWordsTable;
  facts: FactsTable;
  originality_sources: OriginalitySourcesTable;
  connected_accounts: ConnectedAccountsTable;
  posts: PostsTable;
  post_targets: PostTargetsTable;
  post_media: PostMediaTable;
  queue_slots: QueueSlotsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
}

// Listening (migration 0007). Appended, and added to `Database` by declaration merging below.

export type ListeningSourceKind = 'rss' | 'webhook' | 'import' | 'bluesky' | 'mastodon';

export interface ListeningSourcesTable {
  id: string;
  workspace_id: string;
  kind: ListeningSourceKind;
  name: string;
  /** The feed's address (rss); null for sources that push (webhook, import). */
  url: string | null;
  /** JSON object of kind-specific settings. */
  settings: string;
  /** Webhook: the HMAC secret, sealed with the secret box. */
  secret: string | null;
  /** Conditional GET validators from the last 200 answer. */
  etag: string | null;
  last_modified: string | null;
  /** Where a streaming or paginated source stopped (opaque to everyone but its reader). */
  cursor: string | null;
  poll_interval_seconds: number | null;
  /** When the source is next due; null for sources that are not polled. */
  next_poll_at: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  /** Consecutive failures; 0 after a success. Drives the backoff. */
  error_count: number;
  items_stored: number;
  last_item_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export interface MentionsTable {
  /** Full-text row key (db/dialects/fts.ts): SQLite's rowid; a bigint (read as a string) on PostgreSQL. */
  seq: ColumnType<number | string, never, never>;
  id: string;
  workspace_id: string;
  source_id: string | null;
  /** `rss`, `webhook`, `import`, `bluesky`, `mastodon` or an imported network's name. */
  network: string;
  external_id: string;
  url: string | null;
  /** Without '@'. */
  author_handle: string | null;
  author_name: string | null;
  author_followers: number | null;
  text: string;
  /** The folded words of `text` (listening/query searchText()), what the full-text index holds. */
  search_text: string;
  /** ISO 639-1 from the analyzer, `und` when unsure. */
  language: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  /** JSON array of intent labels. */
  intents: string;
  /** JSON of the analyzer's verdict (analysis/types.ts Analysis, trimmed). */
  analysis: string | null;
  /** 1 or 0: derived facts for filtering, not flags in time. */
  has_link: number;
  has_image: number;
  has_mention: number;
  has_hashtag: number;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  /** When it was posted (the network's time); ingestion time when the source gave none. */
  created_at: string;
  ingested_at: string;
  updated_at: string;
  /** When its shingles reached the workspace's originality index; null while pending. */
  originality_at: string | null;
  /** The external id of the post it answers (migration 0011). */
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** The external id of its thread's first post. */
  thread_root: ColumnType<string | null, string | null | undefined, string | null>;
  /** What a connector needs to answer it (connectors/types.ts PostInput.replyTo). */
  ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of the handles or network ids of accounts it mentions or answers. */
  addressed_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SavedQueryTag = 'brand' | 'product' | 'competitor' | 'topic';

export interface SavedQueriesTable {
  id: string;
  workspace_id: string;
  name: string;
  query: string;
  tag: SavedQueryTag;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Matching the mentions stored before the query (migration 0010): 'pending' until a run takes it. */
  history_status: ColumnType<QueryHistoryStatus, QueryHistoryStatus | undefined, QueryHistoryStatus>;
  /** JSON stream position [createdAt, seq] of the last mention examined, newest first; null before the first. */
  history_cursor: ColumnType<string | null, string | null | undefined, string | null>;
  history_scanned: ColumnType<number, number | undefined, number>;
  history_matched: ColumnType<number, number | undefined, number>;
  /** A run holds the query until then; a crashed run's query is taken again after it. */
  history_lease_until: ColumnType<string | null, string | null | undefined, string | null>;
  history_done_at: ColumnType<string | null, string | null | undefined, string | null>;
  history_error: ColumnType<string | null, string | null | undefined, string | null>;
}

export type QueryHistoryStatus = 'pending' | 'running' | 'done' | 'failed';

export interface MentionMatchesTable {
  query_id: string;
  mention_id: string;
  workspace_id: string;
  /** The mention's created_at, so a query's stream is read in order from this table's index. */
  mention_created_at: string;
  /** JSON: the decisive terms and the highlighted spans of the text. */
  why: string;
  matched_at: string;
}

export interface Database {
  listening_sources: ListeningSourcesTable;
  mentions: MentionsTable;
  saved_queries: SavedQueriesTable;
  mention_matches: MentionMatchesTable;
}

// Inbox (migration 0011).

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'closed';

export interface ConversationsTable {
  id: string;
  workspace_id: string;
  /** The connected account it arrived on (and replies go out from); null once that account is gone. */
  account_id: string | null;
  network: string;
  /** The network's thread root id: every message of a reply chain shares it. */
  thread_key: string;
  status: ConversationStatus;
  snoozed_until: string | null;
  assignee_id: string | null;
  /** The department (team) it is assigned to (migration 0012). */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0–100, from inbox/priority.ts; the reasons say why in words. */
  priority: number;
  /** JSON array of {code, points, detail}. */
  priority_reasons: string;
  /** JSON array of strings. */
  tags: string;
  spam: number;
  /** The first message, as the list shows it. */
  subject: string;
  author_handle: string | null;
  author_name: string | null;
  author_followers: number | null;
  last_sentiment: 'negative' | 'neutral' | 'positive' | null;
  /** JSON array of the last inbound message's intents. */
  last_intents: string;
  first_inbound_at: string;
  last_inbound_at: string;
  last_outbound_at: string | null;
  first_response_at: string | null;
  /** Since when a message of theirs waits for our answer; null when we had the last word. */
  awaiting_since: string | null;
  message_count: number;
  created_at: string;
  updated_at: string;
  /** When it was last closed (migration 0015); null while not closed. Rows closed before 0015: their last change. */
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ConversationMessageKind = 'inbound' | 'reply' | 'note';
/** inbound: received; reply: sending → sent | failed | unknown (outcome to settle); note: internal. */
export type ConversationMessageStatus = 'received' | 'sending' | 'sent' | 'failed' | 'unknown' | 'internal';

export interface ConversationMessagesTable {
  id: string;
  conversation_id: string;
  workspace_id: string;
  kind: ConversationMessageKind;
  mention_id: string | null;
  author_user_id: string | null;
  author_handle: string | null;
  text: string;
  status: ConversationMessageStatus;
  /** The message a reply answers. */
  reply_to_message_id: string | null;
  /** Connector reference: of the received post, or of our published reply. */
  ref: string | null;
  external_id: string | null;
  url: string | null;
  error: string | null;
  attempts: number;
  idempotency_key: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SavedRepliesTable {
  id: string;
  workspace_id: string;
  name: string;
  text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboxSettingsTable {
  workspace_id: string;
  first_response_minutes: number;
  next_response_minutes: number;
  /** JSON {days: ISO weekdays 1–7, start: "HH:MM", end: "HH:MM"} in the workspace's time zone. */
  business_hours: string;
  /** JSON array of user ids: who round-robin assignment turns over (migration 0012). */
  on_duty: ColumnType<string, string | undefined, string>;
  updated_at: string;
}

export interface InboxDepartmentsTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  webhook_url: string | null;
  /** Sealed with the secret box. */
  webhook_secret: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboxRulesTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Rules apply in this order; every rule whose conditions hold applies. */
  position: number;
  enabled: number;
  /** JSON (inbox/routing/rules.ts RuleConditions). */
  conditions: string;
  /** JSON (RuleActions). */
  actions: string;
  round_robin_next: number;
  created_at: string;
  updated_at: string;
}

export interface InboxNotificationsTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  department_id: string | null;
  rule_name: string;
  channel: 'email' | 'webhook';
  /** pending → sent | failed | unavailable (no SMTP). */
  status: 'pending' | 'sent' | 'failed' | 'unavailable';
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface Database {
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  saved_replies: SavedRepliesTable;
  inbox_settings: InboxSettingsTable;
  inbox_departments: InboxDepartmentsTable;
  inbox_rules: InboxRulesTable;
  inbox_notifications: InboxNotificationsTable;
}
