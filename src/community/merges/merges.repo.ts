/** The only SQL of merging: people's rows and aggregates, moves, merge records and suggestions. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { toNumber } from '../../db/dialects/numbers.js';
import type { Database } from '../../db/schema.js';
import type {
  IdentityRow,
  MergeSuggestionStatus,
  MergeSuggestionsTable,
  PersonMergesTable,
  PersonRow,
} from '../community.tables.js';
import '../community.tables.js';
import { MIN_CROSS_POST_CHARS } from './match-keys.js';

export type SuggestionRow = Selectable<MergeSuggestionsTable>;
export type MergeRow = Selectable<PersonMergesTable>;

/** Activity types whose text is the person's own words (a repost's text is someone else's). */
const AUTHORED_TYPES = [
  'mention',
  'reply',
  'quote',
  'comment',
  'message',
  'post',
  'question',
  'answer',
] as const;

export interface AuthoredActivityRow {
  id: string;
  person_id: string;
  network: string;
  occurred_at: string;
  text: string | null;
}

export function mergesRepo(db: Kysely<Database>) {
  return {
    findPerson: (workspaceId: string, id: string): Promise<PersonRow | undefined> =>
      db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Touches an active person's row, locking it for the transaction; false when merged away or gone. */
    async lockActive(workspaceId: string, id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('people')
        .set({ updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('merged_into_id', 'is', null)
        .executeTakeFirst();
      return toNumber(result.numUpdatedRows) === 1;
    },

    identityIdsOf: async (personId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('person_identities')
          .select('id')
          .where('person_id', '=', personId)
          .orderBy('id')
          .execute()
      ).map((row) => row.id),

    identitiesOf: (personId: string): Promise<IdentityRow[]> =>
      db
        .selectFrom('person_identities')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('id')
        .execute(),

    async moveIdentities(ids: readonly string[], toPersonId: string): Promise<void> {
      if (ids.length > 0) {
        await db
          .updateTable('person_identities')
          .set({ person_id: toPersonId })
          .where('id', 'in', ids)
          .execute();
      }
    },

    /** Moves a person's activities, or only those of the given identities. */
    async moveActivities(
      fromPersonId: string,
      toPersonId: string,
      identityIds?: readonly string[],
    ): Promise<void> {
      if (identityIds?.length === 0) {
        return;
      }
      let query = db
        .updateTable('activities')
        .set({ person_id: toPersonId })
        .where('person_id', '=', fromPersonId);
      if (identityIds) {
        query = query.where('identity_id', 'in', identityIds);
      }
      await query.execute();
    },

    async noteIdsOf(personId: string): Promise<string[]> {
      const rows = await db.selectFrom('person_notes').select('id').where('person_id', '=', personId).execute();
      return rows.map((row) => row.id);
    },

    async moveNotes(noteIds: readonly string[], toPersonId: string): Promise<void> {
      if (noteIds.length > 0) {
        await db.updateTable('person_notes').set({ person_id: toPersonId }).where('id', 'in', noteIds).execute();
      }
    },

    async updatePerson(
      id: string,
      patch: Partial<
        Pick<
          PersonRow,
          | 'merged_into_id'
          | 'first_seen_at'
          | 'last_seen_at'
          | 'activity_count'
          | 'languages'
          | 'links'
          | 'tags'
          | 'updated_at'
        >
      >,
    ): Promise<void> {
      await db.updateTable('people').set(patch).where('id', '=', id).execute();
    },

    /** First and last sighting and activity count, from the person's identities and activities. */
    async aggregates(
      personId: string,
    ): Promise<{ first: string | null; last: string | null; count: number }> {
      const identities = await db
        .selectFrom('person_identities')
        .select((eb) => [eb.fn.min('first_seen_at').as('first'), eb.fn.max('last_seen_at').as('last')])
        .where('person_id', '=', personId)
        .executeTakeFirst();
      const activities = await db
        .selectFrom('activities')
        .select((eb) => [
          eb.fn.min('occurred_at').as('first'),
          eb.fn.max('occurred_at').as('last'),
          eb.fn.countAll().as('count'),
        ])
        .where('person_id', '=', personId)
        .executeTakeFirst();
      const firsts = [identities?.first, activities?.first].filter(
        (value): value is string => typeof value === 'string',
      );
      const lasts = [identities?.last, activities?.last].filter(
        (value): value is string => typeof value === 'string',
      );
      return {
        first: firsts.length > 0 ? firsts.reduce((a, b) => (a < b ? a : b)) : null,
        last: lasts.length > 0 ? lasts.reduce((a, b) => (a > b ? a : b)) : null,
        count: toNumber(activities?.count),
      };
    },

    /** Languages of the mentions behind the person's activities. */
    languagesSeen: async (personId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('activities')
          .innerJoin('mentions', 'mentions.id', 'activities.mention_id')
          .select('mentions.language')
          .distinct()
          .where('activities.person_id', '=', personId)
          .execute()
      ).map((row) => row.language),

    insertMerge: async (row: Insertable<PersonMergesTable>): Promise<void> => {
      await db.insertInto('person_merges').values(row).execute();
    },

    findMerge: (workspaceId: string, id: string): Promise<MergeRow | undefined> =>
      db
        .selectFrom('person_merges')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Marks a merge undone unless it already is; false when someone else undid it first. */
    async markUndone(id: string, at: string, by: string | null): Promise<boolean> {
      const result = await db
        .updateTable('person_merges')
        .set({ undone_at: at, undone_by: by })
        .where('id', '=', id)
        .where('undone_at', 'is', null)
        .executeTakeFirst();
      return toNumber(result.numUpdatedRows) === 1;
    },

    findSuggestion: (workspaceId: string, id: string): Promise<SuggestionRow | undefined> =>
      db
        .selectFrom('merge_suggestions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst(),

    findSuggestionForPair: (workspaceId: string, a: string, b: string): Promise<SuggestionRow | undefined> =>
      db
        .selectFrom('merge_suggestions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('person_a_id', '=', a)
        .where('person_b_id', '=', b)
        .executeTakeFirst(),

    /** Decides a pending suggestion; false when it was no longer pending. */
    async decideSuggestion(
      id: string,
      status: Exclude<MergeSuggestionStatus, 'pending'>,
      by: string | null,
      at: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('merge_suggestions')
        .set({ status, decided_by: by, decided_at: at })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return toNumber(result.numUpdatedRows) === 1;
    },

    /** Suggestions by strength; pending ones only while both people are still active. */
    listSuggestions: (
      workspaceId: string,
      status: MergeSuggestionStatus,
      limit: number,
    ): Promise<SuggestionRow[]> => {
      let query = db
        .selectFrom('merge_suggestions as s')
        .selectAll('s')
        .where('s.workspace_id', '=', workspaceId)
        .where('s.status', '=', status);
      if (status === 'pending') {
        query = query
          .innerJoin('people as pa', 'pa.id', 's.person_a_id')
          .innerJoin('people as pb', 'pb.id', 's.person_b_id')
          .where('pa.merged_into_id', 'is', null)
          .where('pb.merged_into_id', 'is', null);
      }
      return query
        .orderBy(status === 'pending' ? 's.strength' : 's.decided_at', 'desc')
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
        .limit(limit)
        .execute();
    },

    suggestionPairs: (
      workspaceId: string,
    ): Promise<
      Pick<SuggestionRow, 'id' | 'person_a_id' | 'person_b_id' | 'status' | 'reasons' | 'strength'>[]
    > =>
      db
        .selectFrom('merge_suggestions')
        .select(['id', 'person_a_id', 'person_b_id', 'status', 'reasons', 'strength'])
        .where('workspace_id', '=', workspaceId)
        .execute(),

    /** Inserts suggestions, skipping pairs suggested meanwhile; the number inserted. */
    async insertSuggestions(rows: readonly Insertable<MergeSuggestionsTable>[]): Promise<number> {
      let inserted = 0;
      for (let i = 0; i < rows.length; i += 200) {
        const done = await db
          .insertInto('merge_suggestions')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['workspace_id', 'person_a_id', 'person_b_id']).doNothing())
          .returning('id')
          .execute();
        inserted += done.length;
      }
      return inserted;
    },

    async updatePendingReasons(id: string, reasons: string, strength: number): Promise<void> {
      await db
        .updateTable('merge_suggestions')
        .set({ reasons, strength })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    activePeople: (workspaceId: string) =>
      db
        .selectFrom('people')
        .select(['id', 'display_name', 'avatar_url', 'links', 'bio'])
        .where('workspace_id', '=', workspaceId)
        .where('merged_into_id', 'is', null)
        .execute(),

    activeIdentities: (workspaceId: string) =>
      db
        .selectFrom('person_identities as i')
        .innerJoin('people as p', 'p.id', 'i.person_id')
        .select([
          'i.person_id',
          'i.network',
          'i.handle',
          'i.display_name',
          'i.avatar_url',
          'i.links',
          'i.bio',
        ])
        .where('i.workspace_id', '=', workspaceId)
        .where('p.merged_into_id', 'is', null)
        .execute(),

    /** A page of texts people wrote, in time order after the given position. */
    authoredTexts: (
      workspaceId: string,
      after: { at: string; id: string } | null,
      limit: number,
    ): Promise<AuthoredActivityRow[]> => {
      let query = db
        .selectFrom('activities')
        .select(['id', 'person_id', 'network', 'occurred_at', 'text'])
        .where('workspace_id', '=', workspaceId)
        .where('type', 'in', AUTHORED_TYPES)
        .where('text', 'is not', null)
        .where((eb) => eb(eb.fn('length', ['text']), '>=', MIN_CROSS_POST_CHARS));
      if (after) {
        // `>=` first so that both databases use the time index as a range, then the tie-break.
        query = query
          .where('occurred_at', '>=', after.at)
          .where((eb) => eb.or([eb('occurred_at', '>', after.at), eb('id', '>', after.id)]));
      }
      return query.orderBy('occurred_at').orderBy('id').limit(limit).execute();
    },

    workspacesWithPeople: async (): Promise<string[]> =>
      (await db.selectFrom('people').select('workspace_id').distinct().execute()).map(
        (row) => row.workspace_id,
      ),

    peopleByIds: (ids: readonly string[]): Promise<PersonRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db.selectFrom('people').selectAll().where('id', 'in', ids).execute(),
  };
}
