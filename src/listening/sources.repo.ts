import type { Kysely, Selectable } from 'kysely';
import type { Database, ListeningSourceKind, ListeningSourcesTable } from '../db/schema.js';

export type SourceRow = Selectable<ListeningSourcesTable>;

/** What a poll changes on its source. */
export type PollOutcome = Pick<
  SourceRow,
  'etag' | 'last_modified' | 'next_poll_at' | 'last_polled_at' | 'last_success_at' | 'last_error' | 'error_count' | 'updated_at'
>;

export function sourcesRepo(db: Kysely<Database>) {
  return {
    insert: (row: SourceRow) => db.insertInto('listening_sources').values(row).execute(),
    find: (workspaceId: string, id: string) =>
      db
        .selectFrom('listening_sources')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst(),
    /** A live source by id, whatever its workspace (tasks, which carry only the id). */
    findLive: (id: string) =>
      db.selectFrom('listening_sources').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst(),
    findByName: (workspaceId: string, kind: ListeningSourceKind, name: string) =>
      db
        .selectFrom('listening_sources')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('name', '=', name)
        .where('removed_at', 'is', null)
        .executeTakeFirst(),
    list: (workspaceId: string) =>
      db
        .selectFrom('listening_sources')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    /** Marks a source removed; false when there is no live source with this id. */
    markRemoved: async (workspaceId: string, id: string, now: string) =>
      (
        await db
          .updateTable('listening_sources')
          .set({ removed_at: now, updated_at: now, next_poll_at: null })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('removed_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Ids of sources of these kinds due at `now`, the longest-waiting first. */
    due: async (now: string, limit: number, kinds: readonly ListeningSourceKind[]) =>
      (
        await db
          .selectFrom('listening_sources')
          .select('id')
          .where('next_poll_at', '<=', now)
          .where('removed_at', 'is', null)
          .where('kind', 'in', [...kinds])
          .orderBy('next_poll_at')
          .limit(limit)
          .execute()
      ).map((row) => row.id),
    /**
     * Claims a due poll: moves `next_poll_at` to `until` only if the source is still due, so one
     * process polls it and the minute's scan does not queue it again meanwhile. False when not due.
     */
    claimPoll: async (id: string, now: string, until: string) =>
      (
        await db
          .updateTable('listening_sources')
          .set({ next_poll_at: until })
          .where('id', '=', id)
          .where('removed_at', 'is', null)
          .where('next_poll_at', '<=', now)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Makes a polled source due now ("poll now"); false when there is none. */
    makeDue: async (workspaceId: string, id: string, now: string) =>
      (
        await db
          .updateTable('listening_sources')
          .set({ next_poll_at: now, updated_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('removed_at', 'is', null)
          .where('next_poll_at', 'is not', null)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    recordPoll: (id: string, outcome: PollOutcome & Partial<Pick<SourceRow, 'cursor'>>) =>
      db.updateTable('listening_sources').set(outcome).where('id', '=', id).execute(),
    /**
     * Saves a stream's cursor, only while `claim` (the `next_poll_at` its claim set) still holds: a
     * consumer that lost its claim (stalled past it, another took over) never moves the cursor.
     */
    saveCursor: async (id: string, claim: string, cursor: string, now: string) =>
      (
        await db
          .updateTable('listening_sources')
          .set({ cursor, updated_at: now })
          .where('id', '=', id)
          .where('next_poll_at', '=', claim)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Ends a stream's claim with its outcome (fenced like saveCursor); false when the claim was lost. */
    finishClaim: async (
      id: string,
      claim: string,
      outcome: Partial<PollOutcome> & Pick<PollOutcome, 'next_poll_at' | 'updated_at'> & Partial<Pick<SourceRow, 'cursor'>>,
    ) =>
      (
        await db
          .updateTable('listening_sources')
          .set(outcome)
          .where('id', '=', id)
          .where('next_poll_at', '=', claim)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Counts what a batch stored (inside the batch's transaction). */
    addStored: (id: string, stored: number, now: string) =>
      db
        .updateTable('listening_sources')
        .set((eb) => ({ items_stored: eb('items_stored', '+', stored), last_item_at: now }))
        .where('id', '=', id)
        .execute(),
    /** A push source (webhook) accepted a call. */
    recordSuccess: (id: string, now: string) =>
      db.updateTable('listening_sources').set({ last_success_at: now, last_error: null, error_count: 0 }).where('id', '=', id).execute(),
  };
}
