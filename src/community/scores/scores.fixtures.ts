/**
 * Test factories for the scores: a workspace, people with one identity each and activities stored
 * directly with every fact the scores read (time, type, target, sentiment, spam, engagement), so a
 * test controls every number.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ActivityType } from '../community.tables.js';

export const DAY = 24 * 3_600_000;

export async function storeWorkspace(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({
      id,
      name: `Workspace ${id}`,
      time_zone: 'UTC',
      languages: '["en"]',
      named_things: '{}',
      voice_profile: '{}',
      approval_policy: 'none',
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** A person with one identity `<handle>` on bluesky; returns the person id (= `p-<handle>`) and identity id (= `i-<handle>`). */
export async function storePerson(
  db: Kysely<Database>,
  workspaceId: string,
  handle: string,
  options: { followers?: number | null; mergedInto?: string; at?: string } = {},
): Promise<{ personId: string; identityId: string }> {
  const at = options.at ?? '2020-01-01T00:00:00.000Z';
  const personId = `p-${workspaceId}-${handle}`;
  const identityId = `i-${workspaceId}-${handle}`;
  await db
    .insertInto('people')
    .values({
      id: personId,
      workspace_id: workspaceId,
      display_name: handle,
      bio: null,
      links: '[]',
      languages: '[]',
      avatar_url: null,
      tags: '[]',
      owner_id: null,
      stage: 'none',
      next_step: null,
      next_step_due: null,
      merged_into_id: options.mergedInto ?? null,
      first_seen_at: at,
      last_seen_at: at,
      activity_count: 0,
      engagement: 0,
      engagement_level: 'exploring',
      reach: 0,
      ambassador: 0,
      influencer: 0,
      scores: null,
      scored_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('person_identities')
    .values({
      id: identityId,
      workspace_id: workspaceId,
      person_id: personId,
      network: 'bluesky',
      account_key: handle,
      handle,
      display_name: null,
      bio: null,
      links: '[]',
      avatar_url: null,
      followers: options.followers ?? null,
      verified: 0,
      first_seen_at: at,
      last_seen_at: at,
      created_at: at,
    })
    .execute();
  return { personId, identityId };
}

export interface ActivityFacts {
  type: ActivityType;
  at: string;
  target?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  spam?: boolean;
  offensive?: boolean;
  engagementReceived?: number;
  mentionId?: string;
}

let counter = 0;

export async function storeActivities(
  db: Kysely<Database>,
  workspaceId: string,
  person: { personId: string; identityId: string },
  activities: readonly ActivityFacts[],
): Promise<void> {
  for (const activity of activities) {
    counter += 1;
    await db
      .insertInto('activities')
      .values({
        id: `a-${workspaceId}-${counter}`,
        workspace_id: workspaceId,
        person_id: person.personId,
        identity_id: person.identityId,
        network: 'bluesky',
        type: activity.type,
        occurred_at: activity.at,
        text: null,
        dedupe_key: `test:${counter}`,
        target_identity_id: activity.target ?? null,
        target_key: null,
        mention_id: activity.mentionId ?? null,
        conversation_id: null,
        sentiment: activity.sentiment ?? null,
        intents: '[]',
        spam: activity.spam ? 1 : 0,
        offensive: activity.offensive ? 1 : 0,
        engagement_received: activity.engagementReceived ?? null,
        origin: 'import',
        created_at: activity.at,
      })
      .execute();
  }
}
