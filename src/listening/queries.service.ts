/**
 * Saved queries per workspace, tagged brand / product / competitor / topic. A query is parsed when
 * saved (a syntax error is a 400 that points at the position), every mention stored afterwards is
 * matched against it at ingestion (mention_matches, with why), and the mentions stored before are
 * matched in the background (history/query-history.service.ts).
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isUniqueViolation } from '../db/dialects/errors.js';
import type { Database, QueryHistoryStatus, SavedQueryTag } from '../db/schema.js';
import { restartHistory } from './history/query-history.service.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { queriesRepo, type SavedQueryRow } from './queries.repo.js';
import { parseQueryOrThrow } from './query/index.js';

export const QUERY_TAGS = ['brand', 'product', 'competitor', 'topic'] as const satisfies readonly SavedQueryTag[];

export interface SavedQueryView {
  id: string;
  name: string;
  query: string;
  tag: SavedQueryTag;
  createdAt: string;
  updatedAt: string;
  /** Matching the mentions stored before the query: how far it got. */
  history: { status: QueryHistoryStatus; scanned: number; matched: number; doneAt: string | null; error: string | null };
}

const present = (row: SavedQueryRow): SavedQueryView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  tag: row.tag,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  history: {
    status: row.history_status,
    scanned: row.history_scanned,
    matched: row.history_matched,
    doneAt: row.history_done_at,
    error: row.history_error,
  },
});

export async function saveQuery(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: { name: string; query: string; tag: SavedQueryTag },
): Promise<SavedQueryView> {
  authorize(access.role, 'listening.manage');
  const name = input.name.trim();
  if (name === '') {
    throw invalid('name', 'A saved query needs a name');
  }
  parseQueryOrThrow(input.query);
  const now = isoNow(clock);
  const row: SavedQueryRow = {
    id: newId(),
    workspace_id: access.workspaceId,
    name,
    query: input.query,
    tag: input.tag,
    created_by: access.userId,
    created_at: now,
    updated_at: now,
    history_status: 'pending',
    history_cursor: null,
    history_scanned: 0,
    history_matched: 0,
    history_lease_until: null,
    history_done_at: null,
    history_error: null,
  };
  await db.transaction().execute(async (trx) => {
    try {
      await queriesRepo(trx).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A query named "${name}" already exists in this workspace`);
      }
      throw error;
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.query_saved',
      target: { type: 'saved_query', id: row.id },
      details: { name, tag: input.tag },
    });
  });
  return present(row);
}

export async function listQueries(db: Kysely<Database>, access: WorkspaceAccess): Promise<SavedQueryView[]> {
  authorize(access.role, 'listening.read');
  return (await queriesRepo(db).list(access.workspaceId)).map(present);
}

export async function deleteQuery(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, queryId: string): Promise<void> {
  authorize(access.role, 'listening.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await queriesRepo(trx).delete(access.workspaceId, queryId))) {
      throw notFound('Saved query');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.query_deleted',
      target: { type: 'saved_query', id: queryId },
    });
  });
}

export interface QueryChanges {
  name?: string;
  query?: string;
  tag?: SavedQueryTag;
}

/** Renames, retags or rewrites a saved query; new text means its matches are made again from the start. */
export async function updateQuery(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, queryId: string, changes: QueryChanges): Promise<SavedQueryView> {
  authorize(access.role, 'listening.manage');
  const name = changes.name?.trim();
  if (name === '') {
    throw invalid('name', 'A saved query needs a name');
  }
  if (changes.query !== undefined) {
    parseQueryOrThrow(changes.query);
  }
  return db.transaction().execute(async (trx) => {
    const repo = queriesRepo(trx);
    const existing = await repo.find(access.workspaceId, queryId);
    if (!existing) {
      throw notFound('Saved query');
    }
    const rewritten = changes.query !== undefined && changes.query !== existing.query;
    try {
      await trx
        .updateTable('saved_queries')
        .set({
          name: name ?? existing.name,
          query: changes.query ?? existing.query,
          tag: changes.tag ?? existing.tag,
          updated_at: isoNow(clock),
        })
        .where('id', '=', queryId)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A query named "${name ?? existing.name}" already exists in this workspace`);
      }
      throw error;
    }
    if (rewritten) {
      await restartHistory(trx, queryId);
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.query_updated',
      target: { type: 'saved_query', id: queryId },
      details: { name: name ?? existing.name, rewritten },
    });
    const updated = await repo.find(access.workspaceId, queryId);
    return present(updated ?? existing);
  });
}
