/**
 * Each workspace's originality index, held in memory by every process that checks texts and kept in
 * step with the database incrementally. The database is the truth: the first check of a workspace
 * loads its live sources; later checks (at most once per `refreshEveryMs`) apply only the rows
 * changed since the newest change seen, minus a safety margin, so that a row whose transaction
 * committed late is not missed. Rows this process writes are applied at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createOriginalityIndex, type OriginalityIndex } from '../guardrails/originality/index.js';
import { originalityRepo, type OriginalitySourceRow } from './originality.repo.js';
import { decodeShingles } from './shingle-codec.js';

export interface WorkspaceOriginalityIndexes {
  /** The workspace's index, loaded on first use and refreshed from the database. */
  indexFor(workspaceId: string): Promise<OriginalityIndex>;
  /** Applies rows this process has just written (no-op for a workspace not loaded yet). */
  apply(workspaceId: string, rows: readonly OriginalitySourceRow[]): void;
  /** The shingle scheme rows must carry to be indexed. */
  readonly scheme: string;
}

export interface IndexesOptions {
  refreshEveryMs?: number;
  /** How far back before the newest seen change each refresh looks again. */
  marginMs?: number;
}

interface Entry {
  index: OriginalityIndex;
  /** Newest `updated_at` seen. */
  watermark: string | undefined;
  /** Version of each row seen within the margin, so a re-read row is not applied twice. */
  seen: Map<string, string>;
  refreshedAt: number;
  refreshing: Promise<void> | undefined;
}

export const SHINGLE_SCHEME = `w${createOriginalityIndex().options.shingleSize}`;

const versionOf = (row: OriginalitySourceRow): string => `${row.updated_at}|${row.removed_at ?? ''}|${row.shingles.length}|${row.kind}`;

export function createWorkspaceOriginalityIndexes(
  db: Kysely<Database>,
  options: IndexesOptions = {},
): WorkspaceOriginalityIndexes {
  const refreshEveryMs = options.refreshEveryMs ?? 1_000;
  const marginMs = options.marginMs ?? 30_000;
  const entries = new Map<string, Promise<Entry>>();

  const applyRows = (entry: Entry, rows: readonly OriginalitySourceRow[]): void => {
    for (const row of rows) {
      const version = versionOf(row);
      if (entry.seen.get(row.source_id) === version) {
        continue;
      }
      entry.seen.set(row.source_id, version);
      if (entry.watermark === undefined || row.updated_at > entry.watermark) {
        entry.watermark = row.updated_at;
      }
      if (row.removed_at !== null || row.scheme !== SHINGLE_SCHEME) {
        entry.index.remove(row.source_id);
      } else {
        entry.index.addDocument({ id: row.source_id, kind: row.kind, shingles: decodeShingles(row.shingles) });
      }
    }
    const floor = marginFloor(entry.watermark);
    if (floor !== undefined) {
      for (const [id, version] of entry.seen) {
        if (version < floor) {
          entry.seen.delete(id);
        }
      }
    }
  };

  const marginFloor = (watermark: string | undefined): string | undefined =>
    watermark === undefined ? undefined : new Date(Date.parse(watermark) - marginMs).toISOString();

  const load = async (workspaceId: string): Promise<Entry> => {
    const entry: Entry = {
      index: createOriginalityIndex(),
      watermark: undefined,
      seen: new Map(),
      refreshedAt: performance.now(),
      refreshing: undefined,
    };
    applyRows(entry, await originalityRepo(db).changedSince(workspaceId, undefined));
    return entry;
  };

  const refresh = (workspaceId: string, entry: Entry): Promise<void> => {
    entry.refreshing ??= (async () => {
      try {
        const rows = await originalityRepo(db).changedSince(workspaceId, marginFloor(entry.watermark) ?? '');
        applyRows(entry, rows);
        entry.refreshedAt = performance.now();
      } finally {
        entry.refreshing = undefined;
      }
    })();
    return entry.refreshing;
  };

  return {
    scheme: SHINGLE_SCHEME,
    async indexFor(workspaceId) {
      let pending = entries.get(workspaceId);
      if (!pending) {
        pending = load(workspaceId);
        pending.catch(() => entries.delete(workspaceId));
        entries.set(workspaceId, pending);
        return (await pending).index;
      }
      const entry = await pending;
      if (performance.now() - entry.refreshedAt >= refreshEveryMs) {
        await refresh(workspaceId, entry);
      }
      return entry.index;
    },
    apply(workspaceId, rows) {
      void entries.get(workspaceId)?.then((entry) => applyRows(entry, rows));
    },
  };
}
