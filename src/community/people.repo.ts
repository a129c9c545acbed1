/**
 * SQL of the people list and the person page: filtered and sorted lists (keyset pages, or every row
 * for the CSV export and the scores as of a date), identities, notes, merges, conversations, the
 * timeline, the pipeline, and the changes a user makes to a person.
 */
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Database } from '../db/schema.js';
import type {
  ActivityType,
  EngagementLevel,
  IdentityRow,
  PeopleTable,
  PersonRow,
  RelationshipStage,
} from './community.tables.js';

export const PEOPLE_SORTS = ['engagement', 'reach', 'ambassador', 'influencer', 'recent', 'name'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PeopleFilter {
  stage?: RelationshipStage | undefined;
  /** One tag, compared case-insensitively. */
  tag?: string | undefined;
  /** People with an identity on this network. */
  network?: string | undefined;
  level?: EngagementLevel | undefined;
  /** Words in the display name, a handle or an account key. */
  q?: string | undefined;
}

/** Where a keyset page starts: the sort value and id of the last row of the previous page. */
export interface PeopleAfter {
  value: number | string;
  id: string;
}

export interface NoteRow {
  id: string;
  author_id: string | null;
  author_name: string | null;
  text: string;
  created_at: string;
}

export interface MergeRow {
  id: string;
  merged_person_id: string;
  merged_name: string | null;
  reasons: string;
  created_at: string;
  undone_at: string | null;
}

export interface ConversationRef {
  id: string;
  subject: string;
  status: string;
  last_inbound_at: string;
}

export interface TimelineRow {
  id: string;
  type: ActivityType;
  network: string;
  occurred_at: string;
  text: string | null;
  handle: string | null;
  account_key: string;
  target_handle: string | null;
  target_key: string | null;
  sentiment: string | null;
  intents: string;
  spam: number;
  offensive: number;
  mention_id: string | null;
  conversation_id: string | null;
  url: string | null;
}

const KEY_CHUNK = 500;

/** LIKE pattern matching `text` anywhere (escaped with '\'). */
const containing = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type PeopleEb = ExpressionBuilder<Database, 'people'>;

/** The column or expression a sort orders by, and its direction. */
function sortKey(sort: PeopleSort): { expression: Expression<unknown>; direction: 'asc' | 'desc' } {
  switch (sort) {
    case 'engagement':
    case 'reach':
    case 'ambassador':
    case 'influencer':
      return { expression: sql.ref(`people.${sort}`), direction: 'desc' };
    case 'recent':
      return { expression: sql.ref('people.last_seen_at'), direction: 'desc' };
    case 'name':
      return { expression: sql`coalesce(lower(people.display_name), '')`, direction: 'asc' };
  }
}

/** The value a row has in `sort` (to build the next cursor), as the database orders it. */
export function sortValueOf(row: PersonRow, sort: PeopleSort): number | string {
  switch (sort) {
    case 'engagement':
    case 'reach':
    case 'ambassador':
    case 'influencer':
      return row[sort];
    case 'recent':
      return row.last_seen_at;
    case 'name':
      return row.display_name === null ? '' : row.display_name;
  }
}

function filtered(eb: PeopleEb, workspaceId: string, filter: PeopleFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    eb('people.workspace_id', '=', workspaceId),
    eb('people.merged_into_id', 'is', null),
  ];
  if (filter.stage) {
    conditions.push(eb('people.stage', '=', filter.stage));
  }
  if (filter.level) {
    conditions.push(eb('people.engagement_level', '=', filter.level));
  }
  if (filter.tag) {
    // Tags are a JSON array of strings: the quoted tag, anywhere in it.
    conditions.push(
      sql<SqlBool>`lower(people.tags) like ${containing(JSON.stringify(filter.tag))} escape '\\'`,
    );
  }
  if (filter.network) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('person_identities')
          .select('person_identities.id')
          .whereRef('person_identities.person_id', '=', 'people.id')
          .where('person_identities.network', '=', filter.network),
      ),
    );
  }
  const q = filter.q?.trim();
  if (q) {
    const pattern = containing(q.replace(/^@/, ''));
    conditions.push(
      eb.or([
        sql<SqlBool>`lower(people.display_name) like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('person_identities')
            .select('person_identities.id')
            .whereRef('person_identities.person_id', '=', 'people.id')
            .where((inner) =>
              inner.or([
                sql<SqlBool>`person_identities.account_key like ${pattern} escape '\\'`,
                sql<SqlBool>`lower(person_identities.display_name) like ${pattern} escape '\\'`,
              ]),
            ),
        ),
      ]),
    );
  }
  return eb.and(conditions);
}

export function peopleRepo(db: Kysely<Database>) {
  return {
    /** A keyset page of the list, in `sort` order, then by id. */
    page: async (
      workspaceId: string,
      filter: PeopleFilter,
      sort: PeopleSort,
      after: PeopleAfter | null,
      limit: number,
    ): Promise<PersonRow[]> => {
      const { expression, direction } = sortKey(sort);
      let query = db
        .selectFrom('people')
        .selectAll('people')
        .where((eb) => filtered(eb, workspaceId, filter));
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb(expression, direction === 'desc' ? '<' : '>', after.value),
            eb.and([eb(expression, '=', after.value), eb('people.id', '>', after.id)]),
          ]),
        );
      }
      return query.orderBy(expression, direction).orderBy('people.id', 'asc').limit(limit).execute();
    },

    /** Every row of the list (at most `cap`), in `sort` order. */
    all: async (
      workspaceId: string,
      filter: PeopleFilter,
      sort: PeopleSort,
      cap: number,
    ): Promise<PersonRow[]> => {
      const { expression, direction } = sortKey(sort);
      return db
        .selectFrom('people')
        .selectAll('people')
        .where((eb) => filtered(eb, workspaceId, filter))
        .orderBy(expression, direction)
        .orderBy('people.id', 'asc')
        .limit(cap)
        .execute();
    },

    /** A person of the workspace, merged away or not. */
    find: (workspaceId: string, personId: string): Promise<PersonRow | undefined> =>
      db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', personId)
        .executeTakeFirst(),

    /** The workspace a person belongs to (ids name their workspace: the CLI needs no --workspace then). */
    workspaceOf: async (personId: string): Promise<string | null> =>
      (await db.selectFrom('people').select('workspace_id').where('id', '=', personId).executeTakeFirst())
        ?.workspace_id ?? null,

    displayNameOf: async (personId: string): Promise<string | null> =>
      (await db.selectFrom('people').select('display_name').where('id', '=', personId).executeTakeFirst())
        ?.display_name ?? null,

    /** The identities of these people, oldest first. */
    identitiesOf: async (personIds: readonly string[]): Promise<IdentityRow[]> => {
      const out: IdentityRow[] = [];
      for (let start = 0; start < personIds.length; start += KEY_CHUNK) {
        out.push(
          ...(await db
            .selectFrom('person_identities')
            .selectAll()
            .where('person_id', 'in', personIds.slice(start, start + KEY_CHUNK))
            .orderBy('created_at')
            .orderBy('id')
            .execute()),
        );
      }
      return out;
    },

    update: async (personId: string, set: Updateable<PeopleTable>): Promise<void> => {
      await db.updateTable('people').set(set).where('id', '=', personId).execute();
    },

    isMember: async (workspaceId: string, userId: string): Promise<boolean> =>
      (await db
        .selectFrom('memberships')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()) !== undefined,

    notesOf: (personId: string): Promise<NoteRow[]> =>
      db
        .selectFrom('person_notes')
        .leftJoin('users', 'users.id', 'person_notes.author_id')
        .select([
          'person_notes.id',
          'person_notes.author_id',
          'users.name as author_name',
          'person_notes.text',
          'person_notes.created_at',
        ])
        .where('person_notes.person_id', '=', personId)
        .orderBy('person_notes.created_at', 'desc')
        .orderBy('person_notes.id', 'desc')
        .execute(),

    insertNote: async (row: {
      id: string;
      workspace_id: string;
      person_id: string;
      author_id: string | null;
      text: string;
      created_at: string;
    }): Promise<void> => {
      await db.insertInto('person_notes').values(row).execute();
    },

    note: (noteId: string): Promise<NoteRow | undefined> =>
      db
        .selectFrom('person_notes')
        .leftJoin('users', 'users.id', 'person_notes.author_id')
        .select([
          'person_notes.id',
          'person_notes.author_id',
          'users.name as author_name',
          'person_notes.text',
          'person_notes.created_at',
        ])
        .where('person_notes.id', '=', noteId)
        .executeTakeFirst(),

    /** Deletes a note of the person; false when there is none with that id. */
    deleteNote: async (personId: string, noteId: string): Promise<boolean> => {
      const result = await db
        .deleteFrom('person_notes')
        .where('person_id', '=', personId)
        .where('id', '=', noteId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** The merges that kept this person, newest first. */
    mergesOf: (personId: string): Promise<MergeRow[]> =>
      db
        .selectFrom('person_merges')
        .leftJoin('people as merged', 'merged.id', 'person_merges.merged_person_id')
        .select([
          'person_merges.id',
          'person_merges.merged_person_id',
          'merged.display_name as merged_name',
          'person_merges.reasons',
          'person_merges.created_at',
          'person_merges.undone_at',
        ])
        .where('person_merges.kept_person_id', '=', personId)
        .orderBy('person_merges.created_at', 'desc')
        .execute(),

    /** The inbox conversations holding the person's activities, latest first. */
    conversationsOf: (personId: string, limit: number): Promise<ConversationRef[]> =>
      db
        .selectFrom('conversations')
        .select([
          'conversations.id',
          'conversations.subject',
          'conversations.status',
          'conversations.last_inbound_at',
        ])
        .where('conversations.id', 'in', (eb) =>
          eb
            .selectFrom('activities')
            .select('activities.conversation_id')
            .where('activities.person_id', '=', personId)
            .where('activities.conversation_id', 'is not', null)
            .$narrowType<{ conversation_id: string }>(),
        )
        .orderBy('conversations.last_inbound_at', 'desc')
        .limit(limit)
        .execute(),

    /** A page of the person's timeline, newest first, strictly before (occurredAt, id). */
    timeline: (
      personId: string,
      before: { at: string; id: string | null } | null,
      limit: number,
    ): Promise<TimelineRow[]> => {
      let query = db
        .selectFrom('activities')
        .innerJoin('person_identities as author', 'author.id', 'activities.identity_id')
        .leftJoin('person_identities as target', 'target.id', 'activities.target_identity_id')
        .leftJoin('mentions', 'mentions.id', 'activities.mention_id')
        .select([
          'activities.id',
          'activities.type',
          'activities.network',
          'activities.occurred_at',
          'activities.text',
          'author.handle',
          'author.account_key',
          'target.handle as target_handle',
          'activities.target_key',
          'activities.sentiment',
          'activities.intents',
          'activities.spam',
          'activities.offensive',
          'activities.mention_id',
          'activities.conversation_id',
          'mentions.url',
        ])
        .where('activities.person_id', '=', personId);
      if (before) {
        const { at, id } = before;
        query =
          id === null
            ? query.where('activities.occurred_at', '<', at)
            : query.where((eb) =>
                eb.or([
                  eb('activities.occurred_at', '<', at),
                  eb.and([eb('activities.occurred_at', '=', at), eb('activities.id', '<', id)]),
                ]),
              );
      }
      return query
        .orderBy('activities.occurred_at', 'desc')
        .orderBy('activities.id', 'desc')
        .limit(limit)
        .execute();
    },

    /** People at a stage, the next step due soonest first (none last), then the most recently seen. */
    atStage: (workspaceId: string, stage: RelationshipStage, limit: number): Promise<PersonRow[]> =>
      db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('stage', '=', stage)
        .where('merged_into_id', 'is', null)
        .orderBy(sql`case when next_step_due is null then 1 else 0 end`)
        .orderBy('next_step_due', 'asc')
        .orderBy('last_seen_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute(),
  };
}
