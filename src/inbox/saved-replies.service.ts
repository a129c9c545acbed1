/**
 * Saved replies: a team's tested answers, with variables filled from the conversation —
 * {{firstName}}, {{name}}, {{handle}} of the person, {{agentName}} of who answers. A variable the
 * conversation cannot fill is left visible ({{firstName}}), so the guardrails and the agent see it.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isUniqueViolation } from '../db/dialects/errors.js';
import type { Database } from '../db/schema.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';

export interface SavedReply {
  id: string;
  name: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export const REPLY_VARIABLES = ['firstName', 'name', 'handle', 'agentName'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** Fills {{variable}}s; unknown or empty ones stay as written. */
export function fillReply(text: string, values: Partial<Record<ReplyVariable, string | null>>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | null | undefined>)[name];
    return value ? value : whole;
  });
}

/** "Camille Durand" → "Camille"; a handle-like name gives nothing (better no name than "Cam_1987"). */
export function firstNameOf(displayName: string | null): string | null {
  const first = displayName?.trim().split(/\s+/)[0];
  return first && /^\p{Lu}[\p{L}'-]*$/u.test(first) ? first : null;
}

const present = (row: {
  id: string;
  name: string;
  text: string;
  created_at: string;
  updated_at: string;
}): SavedReply => ({
  id: row.id,
  name: row.name,
  text: row.text,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function listSavedReplies(db: Kysely<Database>, access: WorkspaceAccess): Promise<SavedReply[]> {
  authorize(access.role, 'inbox.read');
  const rows = await db
    .selectFrom('saved_replies')
    .selectAll()
    .where('workspace_id', '=', access.workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(present);
}

export async function saveReply(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: { name: string; text: string },
): Promise<SavedReply> {
  authorize(access.role, 'inbox.manage');
  const name = input.name.trim();
  const text = input.text.trim();
  if (name === '' || text === '') {
    throw invalid(name === '' ? 'name' : 'text', 'must not be empty');
  }
  const now = isoNow(clock);
  const row = {
    id: newId(),
    workspace_id: access.workspaceId,
    name,
    text,
    created_by: access.userId,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('saved_replies').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A saved reply named "${name}" already exists`);
    }
    throw error;
  }
  return present(row);
}

export async function deleteSavedReply(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  id: string,
): Promise<void> {
  authorize(access.role, 'inbox.manage');
  const result = await db
    .deleteFrom('saved_replies')
    .where('workspace_id', '=', access.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw notFound('Saved reply');
  }
}

export async function findSavedReply(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<SavedReply> {
  const row = await db
    .selectFrom('saved_replies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw notFound('Saved reply');
  }
  return present(row);
}
