/**
 * Table types for Kysely. Conventions, identical on both databases:
 * ids are app-generated text (core/ids), timestamps are UTC ISO-8601 text (they sort as text),
 * lists and objects are JSON text, flags are nullable timestamps (`revoked_at`) rather than booleans.
 */
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

export interface Database {
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
}
