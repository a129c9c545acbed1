import { sql, type Kysely, type Selectable } from 'kysely';
import { toNumber } from '../db/dialects/numbers.js';
import type { Database, PostMediaTable, PostsTable, PostTargetsTable, TargetStatus } from '../db/schema.js';

export type PostRow = Selectable<PostsTable>;
export type TargetRow = Selectable<PostTargetsTable>;
export type MediaRow = Selectable<PostMediaTable>;

/** Statuses in which a target's text may still change: nothing has been sent for it. */
export const EDITABLE_TARGET_STATUSES: readonly TargetStatus[] = ['pending', 'scheduled'];

export interface PostFilter {
  statuses?: readonly PostsTable['status'][];
  /** publish_at within [from, to) */
  from?: string;
  to?: string;
  limit: number;
}

export function postsRepo(db: Kysely<Database>) {
  return {
    insertPost: (row: PostRow) => db.insertInto('posts').values(row).execute(),
    updatePost: (id: string, changes: Partial<Omit<PostRow, 'id' | 'workspace_id' | 'created_at'>>) =>
      db.updateTable('posts').set(changes).where('id', '=', id).execute(),
    /** Changes a post only if it still has `version` (optimistic concurrency for autosave). */
    updatePostAtVersion: async (id: string, version: number, changes: Partial<Omit<PostRow, 'id' | 'workspace_id' | 'created_at'>>) =>
      (await db.updateTable('posts').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst()).numUpdatedRows > 0n,
    findPost: (workspaceId: string, id: string) =>
      db.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst(),
    findPostById: (id: string) => db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst(),
    listPosts: (workspaceId: string, filter: PostFilter) => {
      let query = db.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId);
      if (filter.statuses && filter.statuses.length > 0) {
        query = query.where('status', 'in', filter.statuses);
      }
      if (filter.from !== undefined) {
        query = query.where('publish_at', '>=', filter.from);
      }
      if (filter.to !== undefined) {
        query = query.where('publish_at', '<', filter.to);
      }
      return query.orderBy(sql`coalesce(publish_at, created_at)`, 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
    deletePost: (id: string) => db.deleteFrom('posts').where('id', '=', id).execute(),

    insertTargets: (rows: TargetRow[]) => (rows.length === 0 ? Promise.resolve() : db.insertInto('post_targets').values(rows).execute().then(() => undefined)),
    deleteTargets: (postId: string, ids: readonly string[]) =>
      ids.length === 0 ? Promise.resolve() : db.deleteFrom('post_targets').where('post_id', '=', postId).where('id', 'in', ids).execute().then(() => undefined),
    targetsOf: (postIds: readonly string[]) =>
      postIds.length === 0
        ? Promise.resolve([] as TargetRow[])
        : db.selectFrom('post_targets').selectAll().where('post_id', 'in', postIds).orderBy('created_at').orderBy('id').execute(),
    findTarget: (id: string) => db.selectFrom('post_targets').selectAll().where('id', '=', id).executeTakeFirst(),
    /**
     * Moves every target of a post that is still editable to `changes`; returns false (changing
     * nothing) if any target has left the editable statuses — publishing has claimed it.
     */
    updateEditableTargets: async (postId: string, changes: Partial<TargetRow>) => {
      const all = await db.selectFrom('post_targets').select(['id', 'status']).where('post_id', '=', postId).execute();
      const result = await db
        .updateTable('post_targets')
        .set(changes)
        .where('post_id', '=', postId)
        .where('status', 'in', EDITABLE_TARGET_STATUSES)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === all.filter((t) => t.status !== 'cancelled' && t.status !== 'published').length;
    },
    updateTarget: (id: string, changes: Partial<Omit<TargetRow, 'id' | 'post_id' | 'workspace_id' | 'created_at'>>) =>
      db.updateTable('post_targets').set(changes).where('id', '=', id).execute(),
    /** Changes a target only while it is in `status` (compare-and-set). */
    updateTargetIf: async (id: string, status: TargetStatus, changes: Partial<Omit<TargetRow, 'id' | 'post_id' | 'workspace_id' | 'created_at'>>) =>
      (await db.updateTable('post_targets').set(changes).where('id', '=', id).where('status', '=', status).executeTakeFirst()).numUpdatedRows > 0n,
    /**
     * Records the outcome of attempt number `attempt`: only while the target is still publishing and
     * no later attempt has taken it over (an attempt that outlived its lease must not overwrite).
     */
    recordAttempt: async (id: string, attempt: number, changes: Partial<Omit<TargetRow, 'id' | 'post_id' | 'workspace_id' | 'created_at'>>) =>
      (
        await db
          .updateTable('post_targets')
          .set(changes)
          .where('id', '=', id)
          .where('status', '=', 'publishing')
          .where('attempts', '=', attempt)
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Takes the post's row lock first, so concurrent target updates of one post settle one after the other. */
    lockPost: (id: string, now: string) => db.updateTable('posts').set({ updated_at: now }).where('id', '=', id).execute(),
    /**
     * Claims a target for one publishing attempt: a scheduled target that is due, or a publishing
     * one whose lease has run out (a retry, or an attempt whose process died). Exactly one caller wins.
     */
    claimTarget: async (id: string, now: string, leaseUntil: string) =>
      (
        await db
          .updateTable('post_targets')
          .set((eb) => ({
            status: 'publishing',
            attempts: eb('attempts', '+', 1),
            first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(now)),
            outcome_pending: 1,
            lease_until: leaseUntil,
            next_attempt_at: null,
            updated_at: now,
          }))
          .where('id', '=', id)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'scheduled'), eb('publish_at', '<=', now)]),
              eb.and([eb('status', '=', 'publishing'), eb('lease_until', '<=', now)]),
            ]),
          )
          .executeTakeFirst()
      ).numUpdatedRows > 0n,
    /** Targets a sweep should (re)dispatch: due and scheduled, or publishing with an expired lease. */
    dueTargets: (now: string, limit: number) =>
      db
        .selectFrom('post_targets')
        .select(['id', 'status', 'publish_at', 'lease_until'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'scheduled'), eb('publish_at', '<=', now)]),
            eb.and([eb('status', '=', 'publishing'), eb('lease_until', '<=', now)]),
          ]),
        )
        .orderBy('publish_at')
        .limit(limit)
        .execute(),
    publishedSince: (since: string, limit: number) =>
      db
        .selectFrom('post_targets')
        .selectAll()
        .where('status', '=', 'published')
        .where('published_at', '>=', since)
        .orderBy('published_at', 'desc')
        .limit(limit)
        .execute(),
    countOpenTargetsOfAccount: async (accountId: string) =>
      toNumber(
        (
          await db
            .selectFrom('post_targets')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('account_id', '=', accountId)
            .where('status', 'in', ['scheduled', 'publishing'])
            .executeTakeFirst()
        )?.n,
      ),
    /** Scheduled publish times of an account's targets at or after `from` (for queue slots). */
    scheduledTimesOfAccounts: async (accountIds: readonly string[], from: string) =>
      accountIds.length === 0
        ? []
        : (
            await db
              .selectFrom('post_targets')
              .select(['account_id', 'publish_at'])
              .where('account_id', 'in', accountIds)
              .where('status', 'in', ['scheduled', 'publishing', 'published'])
              .where('publish_at', '>=', from)
              .execute()
          ).flatMap((row) => (row.publish_at === null ? [] : [{ accountId: row.account_id, publishAt: row.publish_at }])),

    insertMedia: (row: MediaRow) => db.insertInto('post_media').values(row).execute(),
    mediaOf: (postIds: readonly string[]) =>
      postIds.length === 0
        ? Promise.resolve([] as MediaRow[])
        : db.selectFrom('post_media').selectAll().where('post_id', 'in', postIds).orderBy('position').execute(),
    deleteMedia: async (postId: string, id: string) =>
      (await db.deleteFrom('post_media').where('post_id', '=', postId).where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n,
    updateMediaAlt: async (postId: string, id: string, altText: string) =>
      (await db.updateTable('post_media').set({ alt_text: altText }).where('post_id', '=', postId).where('id', '=', id).executeTakeFirst()).numUpdatedRows >
      0n,
  };
}
