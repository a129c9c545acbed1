/**
 * SQL of recording activities in bulk (the sync from mentions and the import share it): forgotten
 * identities, identities by key, new people and identities, activities (idempotent by dedupe key)
 * and the per-person and per-identity counters, each written for a whole batch in a few statements
 * (bulk-sql.ts: built as text, values bound).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertMany, updateFromValues } from './bulk-sql.js';
import type { ActivityOrigin, ActivityType } from './community.tables.js';

/** Rows per multi-row INSERT or UPDATE (at most 21 values a row: under SQLite's 32,766 bound parameters). */
const ROW_CHUNK = 500;
/** Values per IN list. */
const KEY_CHUNK = 500;

export interface IdentityRef {
  id: string;
  person_id: string;
  network: string;
  account_key: string;
}

/** A value per row id, for a bulk update. */
export interface RowValue<T> {
  id: string;
  value: T;
}

/** A new person: the rest of the columns take their defaults (no stage, no scores yet). */
export interface NewPerson {
  id: string;
  workspaceId: string;
  displayName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  now: string;
}

export interface NewIdentity {
  id: string;
  workspaceId: string;
  personId: string;
  network: string;
  accountKey: string;
  handle: string | null;
  displayName: string | null;
  followers: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  now: string;
}

export interface NewActivity {
  id: string;
  workspace_id: string;
  person_id: string;
  identity_id: string;
  network: string;
  type: ActivityType;
  occurred_at: string;
  text: string | null;
  dedupe_key: string;
  target_identity_id: string | null;
  target_key: string | null;
  mention_id: string | null;
  conversation_id: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  intents: string;
  spam: number;
  offensive: number;
  engagement_received: number | null;
  origin: ActivityOrigin;
  created_at: string;
}

const ACTIVITY_COLUMNS = [
  'id',
  'workspace_id',
  'person_id',
  'identity_id',
  'network',
  'type',
  'occurred_at',
  'text',
  'dedupe_key',
  'target_identity_id',
  'target_key',
  'mention_id',
  'conversation_id',
  'sentiment',
  'intents',
  'spam',
  'offensive',
  'engagement_received',
  'origin',
  'created_at',
] as const satisfies readonly (keyof NewActivity)[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(items.slice(start, start + size));
  }
  return out;
}

export function activitiesRepo(db: Kysely<Database>) {
  return {
    /** Which of these key hashes a "forget" recorded in the workspace. */
    forgottenHashes: async (workspaceId: string, hashes: readonly string[]): Promise<Set<string>> => {
      const found = new Set<string>();
      for (const part of chunks([...new Set(hashes)], KEY_CHUNK)) {
        const rows = await db
          .selectFrom('forgotten_identities')
          .select('key_hash')
          .where('workspace_id', '=', workspaceId)
          .where('key_hash', 'in', part)
          .execute();
        for (const row of rows) {
          found.add(row.key_hash);
        }
      }
      return found;
    },

    /** The identities of these account keys on `network`. */
    identitiesByKey: async (
      workspaceId: string,
      network: string,
      keys: readonly string[],
    ): Promise<IdentityRef[]> => {
      const out: IdentityRef[] = [];
      for (const part of chunks([...new Set(keys)], KEY_CHUNK)) {
        out.push(
          ...(await db
            .selectFrom('person_identities')
            .select(['id', 'person_id', 'network', 'account_key'])
            .where('workspace_id', '=', workspaceId)
            .where('network', '=', network)
            .where('account_key', 'in', part)
            .execute()),
        );
      }
      return out;
    },

    insertPeople: async (rows: readonly NewPerson[]): Promise<void> => {
      for (const part of chunks(rows, ROW_CHUNK)) {
        await insertMany(
          db,
          'people',
          ['id', 'workspace_id', 'display_name', 'first_seen_at', 'last_seen_at', 'created_at', 'updated_at'],
          part.map((p) => [p.id, p.workspaceId, p.displayName, p.firstSeenAt, p.lastSeenAt, p.now, p.now]),
        );
      }
    },

    /** Inserts identities not known yet; returns those it inserted (another writer may have been first). */
    insertIdentities: async (rows: readonly NewIdentity[]): Promise<IdentityRef[]> => {
      const out: IdentityRef[] = [];
      for (const part of chunks(rows, ROW_CHUNK)) {
        out.push(
          ...(await insertMany<IdentityRef>(
            db,
            'person_identities',
            [
              'id',
              'workspace_id',
              'person_id',
              'network',
              'account_key',
              'handle',
              'display_name',
              'followers',
              'first_seen_at',
              'last_seen_at',
              'created_at',
            ],
            part.map((i) => [
              i.id,
              i.workspaceId,
              i.personId,
              i.network,
              i.accountKey,
              i.handle,
              i.displayName,
              i.followers,
              i.firstSeenAt,
              i.lastSeenAt,
              i.now,
            ]),
            {
              ignoreConflictOn: ['workspace_id', 'network', 'account_key'],
              returning: ['id', 'person_id', 'network', 'account_key'],
            },
          )),
        );
      }
      return out;
    },

    deletePeople: async (ids: readonly string[]): Promise<void> => {
      for (const part of chunks(ids, KEY_CHUNK)) {
        await db.deleteFrom('people').where('id', 'in', part).execute();
      }
    },

    /** Inserts activities not recorded yet; returns the dedupe keys it inserted. */
    insertActivities: async (rows: readonly NewActivity[]): Promise<Set<string>> => {
      const inserted = new Set<string>();
      for (const part of chunks(rows, ROW_CHUNK)) {
        const done = await insertMany<{ dedupe_key: string }>(
          db,
          'activities',
          ACTIVITY_COLUMNS,
          part.map((row) => ACTIVITY_COLUMNS.map((column) => row[column])),
          { ignoreConflictOn: ['workspace_id', 'dedupe_key'], returning: ['dedupe_key'] },
        );
        for (const row of done) {
          inserted.add(row.dedupe_key);
        }
      }
      return inserted;
    },

    /** Adds activities to people: counts go up, first and last seen widen (relative, so concurrent writers add up). */
    bumpPeople: async (
      rows: readonly RowValue<{ count: number; first: string; last: string }>[],
      now: string,
    ): Promise<void> => {
      for (const part of chunks(rows, ROW_CHUNK)) {
        await updateFromValues(
          db,
          'people',
          [
            { name: 'id', type: 'text' },
            { name: 'n', type: 'integer' },
            { name: 'first', type: 'text' },
            { name: 'last', type: 'text' },
          ],
          part.map(({ id, value }) => [id, value.count, value.first, value.last]),
          'activity_count = people.activity_count + v.n, ' +
            'first_seen_at = case when people.first_seen_at > v.first then v.first else people.first_seen_at end, ' +
            'last_seen_at = case when people.last_seen_at < v.last then v.last else people.last_seen_at end, ' +
            'updated_at = ?',
          [now],
        );
      }
    },

    languagesOf: async (personIds: readonly string[]): Promise<{ id: string; languages: string }[]> => {
      const out: { id: string; languages: string }[] = [];
      for (const part of chunks(personIds, KEY_CHUNK)) {
        out.push(
          ...(await db.selectFrom('people').select(['id', 'languages']).where('id', 'in', part).execute()),
        );
      }
      return out;
    },

    setLanguages: async (rows: readonly RowValue<string>[]): Promise<void> => {
      for (const part of chunks(rows, ROW_CHUNK)) {
        await updateFromValues(
          db,
          'people',
          [
            { name: 'id', type: 'text' },
            { name: 'languages', type: 'text' },
          ],
          part.map(({ id, value }) => [id, value]),
          'languages = v.languages',
        );
      }
    },

    /**
     * Identities seen acting: first and last seen widen; followers and display name follow the
     * latest observation (when it is at least as recent as what the identity holds). Every
     * right-hand side reads the row as it was: `last_seen_at` is the old value throughout.
     */
    touchIdentities: async (
      rows: readonly RowValue<{
        first: string;
        last: string;
        followers: number | null;
        displayName: string | null;
      }>[],
    ): Promise<void> => {
      for (const part of chunks(rows, ROW_CHUNK)) {
        await updateFromValues(
          db,
          'person_identities',
          [
            { name: 'id', type: 'text' },
            { name: 'first', type: 'text' },
            { name: 'last', type: 'text' },
            { name: 'followers', type: 'integer' },
            { name: 'display_name', type: 'text' },
          ],
          part.map(({ id, value }) => [id, value.first, value.last, value.followers, value.displayName]),
          'followers = case when person_identities.last_seen_at <= v.last then coalesce(v.followers, person_identities.followers) else person_identities.followers end, ' +
            'display_name = case when person_identities.last_seen_at <= v.last then coalesce(v.display_name, person_identities.display_name) else person_identities.display_name end, ' +
            'first_seen_at = case when person_identities.first_seen_at > v.first then v.first else person_identities.first_seen_at end, ' +
            'last_seen_at = case when person_identities.last_seen_at < v.last then v.last else person_identities.last_seen_at end',
        );
      }
    },
  };
}
