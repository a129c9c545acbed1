/**
 * Saved queries per workspace, tagged brand / product / competitor / topic. A query is parsed when
 * saved (a syntax error is a 400 that points at the position), and every mention stored afterwards
 * is matched against it at ingestion (mention_matches, with why).
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isUniqueViolation } from '../db/dialects/errors.js';
import type { Database, SavedQueryTag } from '../db/schema.js';
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
}

const present = (row: SavedQueryRow): SavedQueryView => ({ id: row.id, name: row.name, query: row.query, tag: row.tag, createdAt: row.created_at });

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
