/**
 * What the originality check compares against, per workspace: our own published posts, competitors'
 * posts and what listening ingests. Sources are persisted (shingle hashes only, never the text) and
 * applied to the in-memory indexes incrementally; publishing and listening call `indexSources`.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { createOriginalityIndex, type SourceKind } from '../guardrails/originality/index.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import type { WorkspaceOriginalityIndexes } from './originality.indexes.js';
import { originalityRepo, type OriginalitySourceRow } from './originality.repo.js';
import { encodeShingles } from './shingle-codec.js';

export interface SourceInput {
  id: string;
  text: string;
  kind: SourceKind;
  label?: string | undefined;
  url?: string | undefined;
}

export interface IndexingResult {
  indexed: number;
  /** Sources not indexed, with why (too short to ever be a copy). */
  skipped: { id: string; reason: string }[];
}

export interface OriginalityStats {
  total: number;
  byKind: Record<SourceKind, number>;
}

/** Shingles only: a throwaway index computes them exactly as the checking index will. */
const shingler = createOriginalityIndex();

/** Indexes sources for a workspace, without an access check: for publishing and listening. */
export async function indexSources(
  db: Kysely<Database>,
  clock: Clock,
  indexes: WorkspaceOriginalityIndexes,
  workspaceId: string,
  sources: readonly SourceInput[],
): Promise<IndexingResult> {
  const now = isoNow(clock);
  const rows: OriginalitySourceRow[] = [];
  const skipped: IndexingResult['skipped'] = [];
  for (const source of sources) {
    const document = shingler.documentOf({ id: source.id, text: source.text, kind: source.kind });
    if (document === null) {
      skipped.push({ id: source.id, reason: 'Fewer than 3 words: too short to be compared' });
      continue;
    }
    rows.push({
      workspace_id: workspaceId,
      source_id: source.id,
      kind: source.kind,
      label: source.label ?? null,
      url: source.url ?? null,
      scheme: indexes.scheme,
      shingles: encodeShingles(document.shingles),
      created_at: now,
      updated_at: now,
      removed_at: null,
    });
  }
  // Duplicated ids in one batch: the last one wins, as a later call would.
  const unique = [...new Map(rows.map((row) => [row.source_id, row])).values()];
  await originalityRepo(db).upsert(unique);
  indexes.apply(workspaceId, unique);
  return { indexed: unique.length, skipped };
}

export async function addSources(
  db: Kysely<Database>,
  clock: Clock,
  indexes: WorkspaceOriginalityIndexes,
  access: WorkspaceAccess,
  sources: readonly SourceInput[],
): Promise<IndexingResult> {
  authorize(access.role, 'originality.manage');
  const result = await indexSources(db, clock, indexes, access.workspaceId, sources);
  const kinds = [...new Set(sources.map((source) => source.kind))];
  await recordAudit(db, clock, {
    workspaceId: access.workspaceId,
    actorUserId: access.userId,
    action: 'originality.sources_added',
    details: { indexed: result.indexed, skipped: result.skipped.length, kinds },
  });
  return result;
}

export async function removeSource(
  db: Kysely<Database>,
  clock: Clock,
  indexes: WorkspaceOriginalityIndexes,
  access: WorkspaceAccess,
  sourceId: string,
): Promise<void> {
  authorize(access.role, 'originality.manage');
  const now = isoNow(clock);
  await db.transaction().execute(async (trx) => {
    if (!(await originalityRepo(trx).markRemoved(access.workspaceId, sourceId, now))) {
      throw notFound('Originality source');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'originality.source_removed',
      details: { sourceId },
    });
  });
  const removed = await originalityRepo(db).changedSince(access.workspaceId, now);
  indexes.apply(
    access.workspaceId,
    removed.filter((row) => row.source_id === sourceId),
  );
}

export async function originalityStats(db: Kysely<Database>, access: WorkspaceAccess): Promise<OriginalityStats> {
  authorize(access.role, 'workspace.read');
  const byKind: Record<SourceKind, number> = { own: 0, competitor: 0, ingested: 0 };
  for (const { kind, count } of await originalityRepo(db).countsByKind(access.workspaceId)) {
    byKind[kind] = count;
  }
  return { total: byKind.own + byKind.competitor + byKind.ingested, byKind };
}

/** Label and link of the sources findings name, for the people reading them. */
export async function describeSources(
  db: Kysely<Database>,
  workspaceId: string,
  sourceIds: readonly string[],
): Promise<Map<string, { label: string | null; url: string | null }>> {
  const described = new Map<string, { label: string | null; url: string | null }>();
  for (const id of new Set(sourceIds)) {
    const row = await originalityRepo(db).find(workspaceId, id);
    if (row) {
      described.set(id, { label: row.label, url: row.url });
    }
  }
  return described;
}
