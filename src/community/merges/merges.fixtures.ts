/** Test factories for merges: people with one identity, and their activities, written directly. */
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Database } from '../../db/schema.js';
import type { ActivityType } from '../community.tables.js';
import '../community.tables.js';

export interface PersonSpec {
  network: string;
  handle: string;
  name?: string | null;
  avatar?: string | null;
  links?: string[];
  bio?: string | null;
  languages?: string[];
  tags?: string[];
  firstSeen?: string;
  lastSeen?: string;
}

export interface Seeded {
  personId: string;
  identityId: string;
}

/** A person with one identity, as the sync would have made it. */
export async function addPerson(
  db: Kysely<Database>,
  workspaceId: string,
  spec: PersonSpec,
): Promise<Seeded> {
  const personId = newId();
  const identityId = newId();
  const first = spec.firstSeen ?? '2026-01-10T10:00:00.000Z';
  const last = spec.lastSeen ?? '2026-03-01T10:00:00.000Z';
  await db
    .insertInto('people')
    .values({
      id: personId,
      workspace_id: workspaceId,
      display_name: spec.name ?? null,
      bio: spec.bio ?? null,
      links: JSON.stringify(spec.links ?? []),
      languages: JSON.stringify(spec.languages ?? []),
      avatar_url: spec.avatar ?? null,
      tags: JSON.stringify(spec.tags ?? []),
      owner_id: null,
      stage: 'none',
      next_step: null,
      next_step_due: null,
      merged_into_id: null,
      activity_count: 0,
      engagement: 0,
      engagement_level: 'exploring',
      reach: 0,
      ambassador: 0,
      influencer: 0,
      scores: null,
      scored_at: null,
      first_seen_at: first,
      last_seen_at: last,
      created_at: first,
      updated_at: first,
    })
    .execute();
  await db
    .insertInto('person_identities')
    .values({
      id: identityId,
      workspace_id: workspaceId,
      person_id: personId,
      network: spec.network,
      account_key: spec.handle.toLowerCase(),
      handle: spec.handle,
      display_name: spec.name ?? null,
      bio: spec.bio ?? null,
      links: JSON.stringify(spec.links ?? []),
      avatar_url: spec.avatar ?? null,
      followers: 100,
      verified: 0,
      first_seen_at: first,
      last_seen_at: last,
      created_at: first,
    })
    .execute();
  return { personId, identityId };
}

/** Another identity for an existing person (a second account, or a network). */
export async function addIdentity(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  network: string,
  handle: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('person_identities')
    .values({
      id,
      workspace_id: workspaceId,
      person_id: personId,
      network,
      account_key: handle.toLowerCase(),
      handle,
      display_name: null,
      bio: null,
      links: '[]',
      avatar_url: null,
      followers: null,
      verified: 0,
      first_seen_at: '2026-02-01T00:00:00.000Z',
      last_seen_at: '2026-02-01T00:00:00.000Z',
      created_at: '2026-02-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

/** An activity of a person through one of their identities; keeps people.activity_count in step. */
export async function addActivity(
  db: Kysely<Database>,
  workspaceId: string,
  who: Seeded,
  network: string,
  spec: { at: string; text?: string | null; type?: ActivityType },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('activities')
    .values({
      id,
      workspace_id: workspaceId,
      person_id: who.personId,
      identity_id: who.identityId,
      network,
      type: spec.type ?? 'post',
      occurred_at: spec.at,
      text: spec.text ?? null,
      dedupe_key: `test:${id}`,
      target_identity_id: null,
      target_key: null,
      mention_id: null,
      conversation_id: null,
      sentiment: null,
      intents: '[]',
      spam: 0,
      offensive: 0,
      engagement_received: null,
      origin: 'import',
      created_at: spec.at,
    })
    .execute();
  const count = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', who.personId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('people')
    .set({ activity_count: Number(count.n) })
    .where('id', '=', who.personId)
    .execute();
  return id;
}
