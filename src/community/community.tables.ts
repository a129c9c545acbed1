/**
 * The community tables (migration 0013), added to the schema's `Database` by module augmentation so
 * that the CRM keeps its types beside its code.
 */
import type { Generated, Selectable } from 'kysely';

export const RELATIONSHIP_STAGES = ['none', 'identified', 'contacted', 'engaged', 'partner', 'ambassador'] as const;
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

export const ACTIVITY_TYPES = [
  'mention',
  'reply',
  'quote',
  'repost',
  'like',
  'follow',
  'comment',
  'message',
  'post',
  'question',
  'answer',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ENGAGEMENT_LEVELS = ['exploring', 'participating', 'contributing', 'leading'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/** Where an activity came from: the listening stream, the inbox, or an import. */
export type ActivityOrigin = 'listening' | 'inbox' | 'import';

export interface PeopleTable {
  id: string;
  workspace_id: string;
  display_name: string | null;
  bio: string | null;
  /** JSON array of URLs (from bios and profiles), normalised. */
  links: Generated<string>;
  /** JSON array of ISO 639-1 codes seen in their activities. */
  languages: Generated<string>;
  avatar_url: string | null;
  /** JSON array of strings. */
  tags: Generated<string>;
  owner_id: string | null;
  stage: Generated<RelationshipStage>;
  next_step: string | null;
  /** ISO date-time; Today lists the next steps that are due. */
  next_step_due: string | null;
  /** Set while this person is merged into another (the merge can be undone); hidden from lists. */
  merged_into_id: string | null;
  first_seen_at: string;
  last_seen_at: string;
  activity_count: Generated<number>;
  /** Cached scores, recomputed by community.tasks; `scores` holds their explanations (JSON). */
  engagement: Generated<number>;
  engagement_level: Generated<EngagementLevel>;
  reach: Generated<number>;
  ambassador: Generated<number>;
  influencer: Generated<number>;
  scores: string | null;
  scored_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonIdentitiesTable {
  id: string;
  workspace_id: string;
  person_id: string;
  network: string;
  /** The network's stable key for the account, normalised (a DID, an account id, or a lower-cased handle). */
  account_key: string;
  handle: string | null;
  display_name: string | null;
  bio: string | null;
  /** JSON array of URLs. */
  links: Generated<string>;
  avatar_url: string | null;
  followers: number | null;
  verified: Generated<number>;
  first_seen_at: string;
  last_seen_at: string;
  created_at: string;
}

export interface ActivitiesTable {
  id: string;
  workspace_id: string;
  person_id: string;
  identity_id: string;
  network: string;
  type: ActivityType;
  occurred_at: string;
  text: string | null;
  /** Makes recording idempotent: `mention:<id>`, or `<network>:<external id>`, or a hash of an imported row. */
  dedupe_key: string;
  /** The identity it answers, replies to, reposts, likes or follows, when known (the interaction graph). */
  target_identity_id: string | null;
  /** The target as given (a handle or account key), kept when it is not (yet) a known identity. */
  target_key: string | null;
  mention_id: string | null;
  conversation_id: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  /** JSON array of intent labels. */
  intents: Generated<string>;
  spam: Generated<number>;
  offensive: Generated<number>;
  /** Likes + reposts + replies the item itself received, when known. */
  engagement_received: number | null;
  origin: ActivityOrigin;
  created_at: string;
}

export interface PersonNotesTable {
  id: string;
  workspace_id: string;
  person_id: string;
  author_id: string | null;
  text: string;
  created_at: string;
}

export type MergeSuggestionStatus = 'pending' | 'confirmed' | 'rejected';

export interface MergeSuggestionsTable {
  id: string;
  workspace_id: string;
  /** The pair, ordered (a < b) so a pair is suggested once. */
  person_a_id: string;
  person_b_id: string;
  /** JSON array of {code, detail}: same link in bio, same name and avatar, cross-posting… */
  reasons: string;
  strength: number;
  status: Generated<MergeSuggestionStatus>;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface PersonMergesTable {
  id: string;
  workspace_id: string;
  kept_person_id: string;
  merged_person_id: string;
  /** JSON array of the identity ids moved from the merged person, moved back on undo. */
  identity_ids: string;
  /** JSON array of the note ids moved from the merged person, moved back on undo (migration 0016). */
  moved_note_ids: Generated<string>;
  /** JSON array of the tags the merge added to the kept person, taken back on undo (migration 0016). */
  added_tags: Generated<string>;
  reasons: Generated<string>;
  merged_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface ForgottenIdentitiesTable {
  workspace_id: string;
  network: string;
  /** sha256 of the account key: enough to refuse re-import, without keeping who it was. */
  key_hash: string;
  forgotten_by: string | null;
  forgotten_at: string;
}

export interface CommunitySettingsTable {
  workspace_id: string;
  /** JSON of scoring settings (community/scores/settings.ts), defaults filled in. */
  scoring: string;
  /** JSON position of the last mention turned into people and activities. */
  sync_cursor: string | null;
  updated_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    people: PeopleTable;
    person_identities: PersonIdentitiesTable;
    activities: ActivitiesTable;
    person_notes: PersonNotesTable;
    merge_suggestions: MergeSuggestionsTable;
    person_merges: PersonMergesTable;
    forgotten_identities: ForgottenIdentitiesTable;
    community_settings: CommunitySettingsTable;
  }
}

export type PersonRow = Selectable<PeopleTable>;
export type IdentityRow = Selectable<PersonIdentitiesTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
