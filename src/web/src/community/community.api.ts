/**
 * Calls of the community CRM endpoints (/workspaces/:id/community): people, their timeline, notes,
 * relationship, privacy, merges, the pipeline and the scoring settings. Network content in these
 * shapes (names, bios, links, texts) is untrusted text.
 */
import { api, seg } from '../api/client';
import { ApiError, NETWORK_ERROR, toApiError } from '../api/errors';

export const RELATIONSHIP_STAGES = [
  'none',
  'identified',
  'contacted',
  'engaged',
  'partner',
  'ambassador',
] as const;
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

/** The stages of the pipeline board (everyone but the people with no relationship yet). */
export const PIPELINE_STAGES = ['identified', 'contacted', 'engaged', 'partner', 'ambassador'] as const;

export const ENGAGEMENT_LEVELS = ['exploring', 'participating', 'contributing', 'leading'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

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

export const PEOPLE_SORTS = ['engagement', 'reach', 'ambassador', 'influencer', 'recent', 'name'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface Identity {
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
  identities: Identity[];
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

export interface ScorePart {
  label: string;
  value: number;
}

export interface ScoreExplanation {
  value: number;
  formula: string;
  parts: ScorePart[];
  reasons: string[];
}

export interface ScoreExplanations {
  asOf: string;
  engagement: ScoreExplanation & { level: EngagementLevel };
  reach: ScoreExplanation;
  ambassador: ScoreExplanation & { eligible: boolean };
  influencer: ScoreExplanation;
}

export const SCORE_KINDS = ['engagement', 'reach', 'ambassador', 'influencer'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

export interface PersonNote {
  id: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  createdAt: string;
}

export interface MergeReason {
  code: string;
  detail: string;
}

export interface PersonMerge {
  id: string;
  mergedPersonId: string;
  mergedName: string | null;
  reasons: MergeReason[];
  createdAt: string;
  undoneAt: string | null;
}

export interface PersonConversation {
  id: string;
  subject: string;
  status: string;
  lastInboundAt: string;
}

export interface PersonDetail extends PersonSummary {
  bio: string | null;
  links: string[];
  languages: string[];
  notes: PersonNote[];
  explanations: ScoreExplanations | null;
  merges: PersonMerge[];
  conversations: PersonConversation[];
}

export interface Activity {
  id: string;
  type: string;
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

export interface PeopleFilter {
  sort: PeopleSort;
  q?: string;
  stage?: RelationshipStage;
  network?: string;
  level?: EngagementLevel;
  tag?: string;
}

export interface PeoplePage {
  people: PersonSummary[];
  nextCursor: string | null;
}

export interface ActivityPage {
  activities: Activity[];
  nextCursor: string | null;
}

export interface PersonChanges {
  displayName?: string;
  stage?: RelationshipStage;
  nextStep?: string | null;
  nextStepDue?: string | null;
  tags?: string[];
  ownerId?: string | null;
}

export type MergeSuggestionStatus = 'pending' | 'confirmed' | 'rejected';

export interface MergeSuggestion {
  id: string;
  a: PersonSummary;
  b: PersonSummary;
  reasons: MergeReason[];
  strength: number;
  status: MergeSuggestionStatus;
  createdAt: string;
}

export interface MergeResult {
  id: string;
  keptPersonId: string;
  mergedPersonId: string;
}

export interface ScoringSettings {
  weights: Record<ActivityType, number>;
  /** Each whole month before the scoring instant multiplies an activity's weight by this (1 = no decay). */
  monthlyDecay: number;
  /** The most one month's weighted activities count for; null: no cap. */
  monthlyCap: number | null;
  levels: { participating: number; contributing: number; leading: number };
}

export interface PipelineStage {
  stage: RelationshipStage;
  people: PersonSummary[];
}

export const PEOPLE_PAGE_SIZE = 50;
export const ACTIVITY_PAGE_SIZE = 30;

/** The path of the community API below /api/v1. */
export const communityBase = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/community`;

/** The query string of a people list (empty values left out); `cursor` and `limit` only for the JSON list. */
export function peopleQuery(filter: PeopleFilter, page?: { cursor?: string; limit?: number }): string {
  const params = new URLSearchParams();
  params.set('sort', filter.sort);
  const q = filter.q?.trim() ?? '';
  if (q !== '') {
    params.set('q', q);
  }
  if (filter.stage !== undefined) {
    params.set('stage', filter.stage);
  }
  if (filter.network !== undefined && filter.network !== '') {
    params.set('network', filter.network);
  }
  if (filter.level !== undefined) {
    params.set('level', filter.level);
  }
  const tag = filter.tag?.trim() ?? '';
  if (tag !== '') {
    params.set('tag', tag);
  }
  if (page?.limit !== undefined) {
    params.set('limit', String(page.limit));
  }
  if (page?.cursor !== undefined) {
    params.set('cursor', page.cursor);
  }
  return params.toString();
}

/** The CSV export of the same list, as a link the browser downloads (cookie authentication). */
export const peopleCsvUrl = (workspaceId: string, filter: PeopleFilter): string =>
  `/api/v1${communityBase(workspaceId)}/people.csv?${peopleQuery(filter)}`;

/** Everything held about a person, as a JSON file the browser downloads. */
export const personExportUrl = (workspaceId: string, personId: string): string =>
  `/api/v1${communityBase(workspaceId)}/people/${seg(personId)}/export`;

export const listPeople = (workspaceId: string, filter: PeopleFilter, cursor?: string): Promise<PeoplePage> =>
  api.get<PeoplePage>(
    `${communityBase(workspaceId)}/people?${peopleQuery(filter, { cursor, limit: PEOPLE_PAGE_SIZE })}`,
  );

/** A person merged into another: the API answers 404 and names the person who holds them now. */
export class MergedPersonError extends ApiError {
  constructor(
    error: ApiError,
    readonly mergedIntoId: string,
  ) {
    super(error.status, error.code, error.message, error.fields, error.fromServer);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `mergedIntoId` of a 404 body, at its top level or in its `error` (or the error's `details`). */
export function mergedIntoIdOf(body: unknown): string | null {
  const places = isRecord(body)
    ? [body, body.error, isRecord(body.error) ? body.error.details : undefined]
    : [];
  for (const place of places) {
    if (isRecord(place) && typeof place.mergedIntoId === 'string' && place.mergedIntoId !== '') {
      return place.mergedIntoId;
    }
  }
  return null;
}

/**
 * One person. Read with fetch rather than the app's client: a 404 may carry `mergedIntoId`, which
 * the client's error leaves out (a GET needs no CSRF token).
 */
export async function getPerson(workspaceId: string, personId: string): Promise<PersonDetail> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${communityBase(workspaceId)}/people/${seg(personId)}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : 'Network error');
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = text;
  }
  if (response.ok) {
    return body as PersonDetail;
  }
  const error = toApiError(response.status, body);
  const mergedIntoId = response.status === 404 ? mergedIntoIdOf(body) : null;
  throw mergedIntoId === null ? error : new MergedPersonError(error, mergedIntoId);
}

export function listActivities(
  workspaceId: string,
  personId: string,
  before?: string,
): Promise<ActivityPage> {
  const params = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
  if (before !== undefined) {
    params.set('before', before);
  }
  return api.get<ActivityPage>(`${communityBase(workspaceId)}/people/${seg(personId)}/activities?${params}`);
}

export const updatePerson = (
  workspaceId: string,
  personId: string,
  changes: PersonChanges,
): Promise<PersonDetail> =>
  api.patch<PersonDetail>(`${communityBase(workspaceId)}/people/${seg(personId)}`, changes);

export const addPersonNote = (workspaceId: string, personId: string, text: string): Promise<PersonNote> =>
  api.post<PersonNote>(`${communityBase(workspaceId)}/people/${seg(personId)}/notes`, { text });

export const deletePersonNote = (workspaceId: string, personId: string, noteId: string): Promise<void> =>
  api.delete(`${communityBase(workspaceId)}/people/${seg(personId)}/notes/${seg(noteId)}`);

export const forgetPerson = (workspaceId: string, personId: string): Promise<void> =>
  api.post<undefined>(`${communityBase(workspaceId)}/people/${seg(personId)}/forget`, {});

export const getPipeline = async (workspaceId: string): Promise<PipelineStage[]> =>
  (await api.get<{ stages: PipelineStage[] }>(`${communityBase(workspaceId)}/pipeline`)).stages;

export const listMergeSuggestions = async (
  workspaceId: string,
  status: MergeSuggestionStatus = 'pending',
): Promise<MergeSuggestion[]> =>
  (
    await api.get<{ suggestions: MergeSuggestion[] }>(
      `${communityBase(workspaceId)}/merge-suggestions?status=${status}`,
    )
  ).suggestions;

export const confirmMergeSuggestion = async (
  workspaceId: string,
  suggestionId: string,
): Promise<MergeResult> =>
  (
    await api.post<{ merge: MergeResult }>(
      `${communityBase(workspaceId)}/merge-suggestions/${seg(suggestionId)}/confirm`,
      {},
    )
  ).merge;

export const rejectMergeSuggestion = (workspaceId: string, suggestionId: string): Promise<void> =>
  api.post<undefined>(`${communityBase(workspaceId)}/merge-suggestions/${seg(suggestionId)}/reject`, {});

export const refreshMergeSuggestions = (workspaceId: string): Promise<{ created: number }> =>
  api.post<{ created: number }>(`${communityBase(workspaceId)}/merge-suggestions/refresh`, {});

export const mergePeople = async (
  workspaceId: string,
  personId: string,
  otherPersonId: string,
): Promise<MergeResult> =>
  (
    await api.post<{ merge: MergeResult }>(`${communityBase(workspaceId)}/people/${seg(personId)}/merge`, {
      otherPersonId,
    })
  ).merge;

export const undoMerge = (workspaceId: string, mergeId: string): Promise<void> =>
  api.post<undefined>(`${communityBase(workspaceId)}/merges/${seg(mergeId)}/undo`, {});

export const getScoring = (workspaceId: string): Promise<ScoringSettings> =>
  api.get<ScoringSettings>(`${communityBase(workspaceId)}/scoring`);

export const updateScoring = (workspaceId: string, settings: ScoringSettings): Promise<ScoringSettings> =>
  api.put<ScoringSettings>(`${communityBase(workspaceId)}/scoring`, settings);
