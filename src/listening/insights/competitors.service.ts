/**
 * Competitors of a workspace: a name, their accounts (network + handle) and the conversation about
 * them (a saved query, or query text). Suggestions come from the workspace's named things.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isUniqueViolation } from '../../db/dialects/errors.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize } from '../../workspaces/policy.js';
import { getWorkspace, type WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { queriesRepo } from '../queries.repo.js';
import { parseQueryOrThrow } from '../query/index.js';
import { insightsRepo, type CompetitorRow } from './insights.repo.js';

export const MAX_ACCOUNTS = 50;

export interface CompetitorAccount {
  network: string;
  handle: string;
}

export interface CompetitorInput {
  name: string;
  accounts: CompetitorAccount[];
  /** A saved query's id (null: none). */
  queryId?: string | null;
  /** Or query text of the listening language (null: none). */
  query?: string | null;
}

export interface CompetitorView {
  id: string;
  name: string;
  accounts: CompetitorAccount[];
  queryId: string | null;
  query: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CompetitorSuggestion {
  name: string;
  /** A phrase query for the name. */
  query: string;
  /** A saved query tagged competitor with this name, if there is one. */
  queryId: string | null;
}

export const presentCompetitor = (row: CompetitorRow): CompetitorView => ({
  id: row.id,
  name: row.name,
  accounts: JSON.parse(row.accounts) as CompetitorAccount[],
  queryId: row.query_id,
  query: row.query_text,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A handle as stored and compared: trimmed, without '@', lower case; the network in lower case. */
export function normaliseAccount(account: CompetitorAccount, index: number): CompetitorAccount {
  const network = account.network.trim().toLowerCase();
  const handle = account.handle.trim().replace(/^@/, '').toLowerCase();
  if (!/^[a-z0-9][a-z0-9_.-]{0,39}$/.test(network)) {
    throw invalid(`accounts.${index}.network`, 'a network name in lower case (bluesky, mastodon, …)');
  }
  if (handle === '' || handle.length > 320 || /\s/.test(handle)) {
    throw invalid(`accounts.${index}.handle`, 'a handle without spaces');
  }
  return { network, handle };
}

export async function listCompetitors(
  db: Kysely<Database>,
  access: WorkspaceAccess,
): Promise<{ competitors: CompetitorView[]; suggestions: CompetitorSuggestion[] }> {
  authorize(access.role, 'listening.read');
  const competitors = (await insightsRepo(db).listCompetitors(access.workspaceId)).map(presentCompetitor);
  const workspace = await getWorkspace(db, access);
  const queries = await queriesRepo(db).list(access.workspaceId);
  const taken = new Set(competitors.map((competitor) => competitor.name.toLowerCase()));
  const suggestions: CompetitorSuggestion[] = [];
  for (const name of workspace.namedThings.competitors) {
    const trimmed = name.trim();
    if (trimmed === '' || taken.has(trimmed.toLowerCase())) {
      continue;
    }
    taken.add(trimmed.toLowerCase());
    const saved = queries.find(
      (query) => query.tag === 'competitor' && query.name.toLowerCase() === trimmed.toLowerCase(),
    );
    suggestions.push({ name: trimmed, query: `"${trimmed.replace(/"/g, ' ')}"`, queryId: saved?.id ?? null });
  }
  return { competitors, suggestions };
}

export async function getCompetitor(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  id: string,
): Promise<CompetitorView> {
  authorize(access.role, 'listening.read');
  return presentCompetitor(await findOrThrow(db, access.workspaceId, id));
}

export async function addCompetitor(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: CompetitorInput,
): Promise<CompetitorView> {
  authorize(access.role, 'listening.manage');
  const fields = await validate(db, access.workspaceId, input);
  const now = isoNow(clock);
  const row: CompetitorRow = {
    id: newId(),
    workspace_id: access.workspaceId,
    ...fields,
    created_by: access.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await named(fields.name, () => insightsRepo(trx).insertCompetitor(row));
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.competitor_added',
      target: { type: 'competitor', id: row.id },
      details: { name: row.name },
    });
  });
  return presentCompetitor(row);
}

export async function updateCompetitor(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
  changes: Partial<CompetitorInput>,
): Promise<CompetitorView> {
  authorize(access.role, 'listening.manage');
  const current = presentCompetitor(await findOrThrow(db, access.workspaceId, id));
  // A new query of one kind replaces the other kind.
  const merged: CompetitorInput = {
    name: changes.name ?? current.name,
    accounts: changes.accounts ?? current.accounts,
    queryId:
      changes.queryId !== undefined
        ? changes.queryId
        : changes.query !== undefined && changes.query !== null
          ? null
          : current.queryId,
    query:
      changes.query !== undefined
        ? changes.query
        : changes.queryId !== undefined && changes.queryId !== null
          ? null
          : current.query,
  };
  const fields = await validate(db, access.workspaceId, merged);
  await db.transaction().execute(async (trx) => {
    await named(fields.name, () =>
      insightsRepo(trx).updateCompetitor(access.workspaceId, id, { ...fields, updated_at: isoNow(clock) }),
    );
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.competitor_updated',
      target: { type: 'competitor', id },
      details: { name: fields.name },
    });
  });
  return presentCompetitor(await findOrThrow(db, access.workspaceId, id));
}

export async function removeCompetitor(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
): Promise<void> {
  authorize(access.role, 'listening.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await insightsRepo(trx).deleteCompetitor(access.workspaceId, id))) {
      throw notFound('Competitor');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.competitor_removed',
      target: { type: 'competitor', id },
    });
  });
}

export async function findOrThrow(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<CompetitorRow> {
  const row = await insightsRepo(db).findCompetitor(workspaceId, id);
  if (!row) {
    throw notFound('Competitor');
  }
  return row;
}

async function validate(
  db: Kysely<Database>,
  workspaceId: string,
  input: CompetitorInput,
): Promise<Pick<CompetitorRow, 'name' | 'accounts' | 'query_id' | 'query_text'>> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) {
    throw invalid('name', 'A competitor needs a name (200 characters at most)');
  }
  if (input.accounts.length > MAX_ACCOUNTS) {
    throw invalid('accounts', `${MAX_ACCOUNTS} accounts at most`);
  }
  const seen = new Set<string>();
  const accounts = input.accounts.map(normaliseAccount).filter((account) => {
    const key = `${account.network}\u0000${account.handle}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const queryId = input.queryId ?? null;
  const queryText =
    input.query === undefined || input.query === null || input.query.trim() === '' ? null : input.query;
  if (queryId !== null && queryText !== null) {
    throw invalid('query', 'Give a saved query (queryId) or query text, not both');
  }
  if (queryId !== null && !(await queriesRepo(db).find(workspaceId, queryId))) {
    throw invalid('queryId', 'No saved query with this id in this workspace');
  }
  if (queryText !== null) {
    parseQueryOrThrow(queryText);
  }
  return { name, accounts: JSON.stringify(accounts), query_id: queryId, query_text: queryText };
}

async function named(name: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A competitor named "${name}" already exists in this workspace`);
    }
    throw error;
  }
}
