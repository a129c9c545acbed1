import type { Kysely, Selectable } from 'kysely';
import { toNumber } from '../db/dialects/numbers.js';
import type { Database, OriginalitySourcesTable } from '../db/schema.js';

export type OriginalitySourceRow = Selectable<OriginalitySourcesTable>;

export function originalityRepo(db: Kysely<Database>) {
  return {
    /** Inserts or replaces sources (a replaced or re-added source is live again). */
    upsert: async (rows: OriginalitySourceRow[]) => {
      if (rows.length === 0) {
        return;
      }
      await db
        .insertInto('originality_sources')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'source_id']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            label: eb.ref('excluded.label'),
            url: eb.ref('excluded.url'),
            scheme: eb.ref('excluded.scheme'),
            shingles: eb.ref('excluded.shingles'),
            updated_at: eb.ref('excluded.updated_at'),
            removed_at: null,
          })),
        )
        .execute();
    },
    /** Marks a source removed (a tombstone other processes read); false when there is no live source. */
    markRemoved: async (workspaceId: string, sourceId: string, now: string) =>
      (
        await db
          .updateTable('originality_sources')
          .set({ removed_at: now, updated_at: now, shingles: '' })
          .where('workspace_id', '=', workspaceId)
          .where('source_id', '=', sourceId)
          .where('removed_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Rows changed at or after `since` (all rows when undefined), oldest change first. */
    changedSince: (workspaceId: string, since: string | undefined) => {
      let query = db.selectFrom('originality_sources').selectAll().where('workspace_id', '=', workspaceId);
      query = since === undefined ? query.where('removed_at', 'is', null) : query.where('updated_at', '>=', since);
      return query.orderBy('updated_at').orderBy('source_id').execute();
    },
    find: (workspaceId: string, sourceId: string) =>
      db
        .selectFrom('originality_sources')
        .select(['source_id', 'kind', 'label', 'url', 'created_at', 'updated_at'])
        .where('workspace_id', '=', workspaceId)
        .where('source_id', '=', sourceId)
        .where('removed_at', 'is', null)
        .executeTakeFirst(),
    countsByKind: async (workspaceId: string) =>
      (
        await db
          .selectFrom('originality_sources')
          .select(['kind', (eb) => eb.fn.countAll().as('count')])
          .where('workspace_id', '=', workspaceId)
          .where('removed_at', 'is', null)
          .groupBy('kind')
          .execute()
      ).map((row) => ({ kind: row.kind, count: toNumber(row.count) })),
  };
}
