/**
 * From rows to the API's shapes (people.schemas.ts): PersonSummary (used by every list, the merge
 * suggestions' too: `presentPeople`), PersonDetail, Activity and notes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EngagementLevel, IdentityRow, PersonRow, RelationshipStage } from './community.tables.js';
import {
  peopleRepo,
  type ConversationRef,
  type MergeRow,
  type NoteRow,
  type TimelineRow,
} from './people.repo.js';
import { scoreExplanations, type ScoreExplanations } from './scores/scores.schemas.js';

export interface IdentityView {
  id: string;
  network: string;
  handle: string | null;
  accountKey: string;
  followers: number | null;
  verified: boolean;
}

export interface PersonScores {
  engagement: number;
  engagementLevel: EngagementLevel;
  reach: number;
  ambassador: number;
  influencer: number;
}

export interface PersonSummary {
  id: string;
  displayName: string | null;
  avatarUrl: string | null;
  identities: IdentityView[];
  stage: RelationshipStage;
  tags: string[];
  ownerId: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  activityCount: number;
  scores: PersonScores;
}

export interface NoteView {
  id: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  createdAt: string;
}

export interface PersonDetail extends PersonSummary {
  bio: string | null;
  links: string[];
  languages: string[];
  notes: NoteView[];
  explanations: ScoreExplanations | null;
  merges: {
    id: string;
    mergedPersonId: string;
    mergedName: string | null;
    reasons: { code: string; detail: string }[];
    createdAt: string;
    undoneAt: string | null;
  }[];
  conversations: { id: string; subject: string; status: string; lastInboundAt: string }[];
}

export interface ActivityView {
  id: string;
  type: TimelineRow['type'];
  network: string;
  occurredAt: string;
  text: string | null;
  handle: string | null;
  targetHandle: string | null;
  sentiment: string | null;
  intents: string[];
  spam: boolean;
  offensive: boolean;
  mentionId: string | null;
  conversationId: string | null;
  url: string | null;
}

/** A JSON array of strings from a column, [] when it is anything else. */
export function stringsOf(json: string | null): string[] {
  if (json === null) {
    return [];
  }
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The stored explanations, or null when none (or not readable). */
export function explanationsOf(json: string | null): ScoreExplanations | null {
  if (json === null) {
    return null;
  }
  try {
    const parsed = scoreExplanations.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The scores a set of explanations gives (the scores as of a date). */
export function scoresFromExplanations(explanations: ScoreExplanations | undefined): PersonScores {
  return explanations
    ? {
        engagement: explanations.engagement.value,
        engagementLevel: explanations.engagement.level,
        reach: explanations.reach.value,
        ambassador: explanations.ambassador.value,
        influencer: explanations.influencer.value,
      }
    : { engagement: 0, engagementLevel: 'exploring', reach: 0, ambassador: 0, influencer: 0 };
}

export const presentIdentity = (row: IdentityRow): IdentityView => ({
  id: row.id,
  network: row.network,
  handle: row.handle,
  accountKey: row.account_key,
  followers: row.followers,
  verified: row.verified === 1,
});

/** A person as lists show them; `scores` replaces the cached ones (scores as of a date). */
export function presentSummary(
  row: PersonRow,
  identities: readonly IdentityRow[],
  scores?: PersonScores,
): PersonSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    identities: identities.map(presentIdentity),
    stage: row.stage,
    tags: stringsOf(row.tags),
    ownerId: row.owner_id,
    nextStep: row.next_step,
    nextStepDue: row.next_step_due,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    activityCount: row.activity_count,
    scores: scores ?? {
      engagement: row.engagement,
      engagementLevel: row.engagement_level,
      reach: row.reach,
      ambassador: row.ambassador,
      influencer: row.influencer,
    },
  };
}

/** Summaries of these people in their order, with their identities (one query for all). */
export async function presentPeople(
  db: Kysely<Database>,
  rows: readonly PersonRow[],
  scores?: ReadonlyMap<string, PersonScores>,
): Promise<PersonSummary[]> {
  const identities = new Map<string, IdentityRow[]>();
  for (const identity of await peopleRepo(db).identitiesOf(rows.map((row) => row.id))) {
    identities.set(identity.person_id, [...(identities.get(identity.person_id) ?? []), identity]);
  }
  return rows.map((row) => presentSummary(row, identities.get(row.id) ?? [], scores?.get(row.id)));
}

export const presentNote = (row: NoteRow): NoteView => ({
  id: row.id,
  authorId: row.author_id,
  authorName: row.author_name,
  text: row.text,
  createdAt: row.created_at,
});

function reasonsOf(json: string): { code: string; detail: string }[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? value
          .filter(
            (item): item is { code: unknown; detail: unknown } => item !== null && typeof item === 'object',
          )
          .map((item) => ({
            code: typeof item.code === 'string' ? item.code : '',
            detail: typeof item.detail === 'string' ? item.detail : '',
          }))
      : [];
  } catch {
    return [];
  }
}

export function presentDetail(
  row: PersonRow,
  identities: readonly IdentityRow[],
  notes: readonly NoteRow[],
  merges: readonly MergeRow[],
  conversations: readonly ConversationRef[],
): PersonDetail {
  return {
    ...presentSummary(row, identities),
    bio: row.bio,
    links: stringsOf(row.links),
    languages: stringsOf(row.languages),
    notes: notes.map(presentNote),
    explanations: explanationsOf(row.scores),
    merges: merges.map((merge) => ({
      id: merge.id,
      mergedPersonId: merge.merged_person_id,
      mergedName: merge.merged_name,
      reasons: reasonsOf(merge.reasons),
      createdAt: merge.created_at,
      undoneAt: merge.undone_at,
    })),
    conversations: conversations.map((conversation) => ({
      id: conversation.id,
      subject: conversation.subject,
      status: conversation.status,
      lastInboundAt: conversation.last_inbound_at,
    })),
  };
}

export const presentActivity = (row: TimelineRow): ActivityView => ({
  id: row.id,
  type: row.type,
  network: row.network,
  occurredAt: row.occurred_at,
  text: row.text,
  handle: row.handle ?? row.account_key,
  targetHandle: row.target_handle ?? row.target_key,
  sentiment: row.sentiment,
  intents: stringsOf(row.intents),
  spam: row.spam === 1,
  offensive: row.offensive === 1,
  mentionId: row.mention_id,
  conversationId: row.conversation_id,
  url: row.url,
});
