/**
 * Calls of the posts endpoints: drafts with per-account variants and images, the review workflow
 * (submit, approve, request changes, reject), scheduling through the guardrails, and the calendar.
 */
import { api, seg } from '../api/client';
import type { AccountNetwork } from '../accounts/accounts.api';
import type { Finding, Verdict } from '../guardrails/check.api';

export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'rejected',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'cancelled',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export type TargetStatus =
  'pending' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';

export type PostLanguage = 'fr' | 'en';

export interface PostMetrics {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
}

/** One account a post goes to, and what happened there. */
export interface PostTarget {
  id: string;
  accountId: string;
  network: AccountNetwork;
  handle: string;
  /** This account's own text; null: the post's text. */
  textOverride: string | null;
  status: TargetStatus;
  publishAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  /** The published post on the network. */
  url: string | null;
  externalId: string | null;
  publishedAt: string | null;
  lastError: string | null;
  metrics: PostMetrics | null;
  metricsAt: string | null;
  /** Why it may not publish (its account's credentials fail), said ahead of time. */
  warning: string | null;
}

export interface PostMedia {
  id: string;
  mimeType: string;
  bytes: number;
  altText: string;
  position: number;
}

export interface PostCheck {
  verdict: Verdict;
  score: number;
  /** `accountId`: the target whose text (its variant) the finding is about. */
  findings: (Finding & { accountId?: string })[];
}

export interface Post {
  id: string;
  status: PostStatus;
  text: string;
  language: PostLanguage | null;
  partnership: boolean;
  /** UTC ISO-8601. */
  publishAt: string | null;
  /** Changes with every edit; an edit must name the version it was made on. */
  version: number;
  authorId: string | null;
  /** The guardrails' verdict when the post was last scheduled. */
  check: PostCheck | null;
  /** A manager's reason to schedule despite a guardrails block. */
  override: { reason: string; by: string | null } | null;
  review: { comment: string | null; by: string | null; at: string | null } | null;
  targets: PostTarget[];
  media: PostMedia[];
  createdAt: string;
  updatedAt: string;
}

export interface DraftFields {
  text: string;
  accountIds: string[];
  /** Per account: its own text, or null for the post's text. */
  variants: Record<string, string | null>;
  language: PostLanguage | null;
  partnership: boolean;
  publishAt: string | null;
}

export type PostChanges = Partial<DraftFields> & { version: number };

export interface PostFilter {
  statuses?: readonly PostStatus[];
  /** Publish time in [from, to), UTC ISO-8601. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface Override {
  reason: string;
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/posts`;
const one = (workspaceId: string, postId: string): string => `${base(workspaceId)}/${seg(postId)}`;

/** The query string of a filter, in a stable order. */
export function postFilterQuery(filter: PostFilter): string {
  const params = new URLSearchParams();
  if (filter.statuses && filter.statuses.length > 0) {
    params.set('status', filter.statuses.join(','));
  }
  if (filter.from !== undefined) {
    params.set('from', filter.from);
  }
  if (filter.to !== undefined) {
    params.set('to', filter.to);
  }
  if (filter.limit !== undefined) {
    params.set('limit', String(filter.limit));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export const listPosts = (workspaceId: string, filter: PostFilter = {}): Promise<Post[]> =>
  api.get<Post[]>(`${base(workspaceId)}${postFilterQuery(filter)}`);

export const getPost = (workspaceId: string, postId: string): Promise<Post> =>
  api.get<Post>(one(workspaceId, postId));

export const createPost = (
  workspaceId: string,
  fields: Partial<DraftFields> & Pick<DraftFields, 'text' | 'accountIds'>,
): Promise<Post> => api.post<Post>(base(workspaceId), fields);

/** An edit's answer: the post, and why it is no longer scheduled when an edit unscheduled it. */
export type EditedPost = Post & {
  /** Set when the post was scheduled and is a draft again: its author needs approval, or the guardrails now block it. */
  unscheduled?: string;
};

/**
 * Changes a post on the version it was loaded at (409 otherwise). A scheduled post is checked and
 * scheduled again by the server, or goes back to draft with `unscheduled` saying why.
 */
export const updatePost = (workspaceId: string, postId: string, changes: PostChanges): Promise<EditedPost> =>
  api.patch<EditedPost>(one(workspaceId, postId), changes);

/** The post without an edit's notice, as it is kept in the cache. */
export function withoutNotice(post: EditedPost): Post {
  const { unscheduled: _notice, ...rest } = post;
  return rest;
}

export const deletePost = (workspaceId: string, postId: string): Promise<void> =>
  api.delete(one(workspaceId, postId));

/** The workflow's actions and their bodies. */
export type PostAction =
  | { type: 'submit' }
  | { type: 'approve'; comment?: string }
  | { type: 'request-changes'; comment: string }
  | { type: 'reject'; comment: string }
  | { type: 'schedule'; publishAt?: string; override?: Override }
  | { type: 'queue'; override?: Override }
  | { type: 'cancel' };

export function runPostAction(workspaceId: string, postId: string, action: PostAction): Promise<Post> {
  const { type, ...body } = action;
  return api.post<Post>(`${one(workspaceId, postId)}/${type}`, body);
}

export const addMedia = (
  workspaceId: string,
  postId: string,
  media: { mimeType: string; dataBase64: string; altText: string },
): Promise<Post> => api.post<Post>(`${one(workspaceId, postId)}/media`, media);

export const changeMediaAlt = (
  workspaceId: string,
  postId: string,
  mediaId: string,
  altText: string,
): Promise<Post> => api.patch<Post>(`${one(workspaceId, postId)}/media/${seg(mediaId)}`, { altText });

/** Removes an image; the post is then read again. */
export const removeMedia = (workspaceId: string, postId: string, mediaId: string): Promise<void> =>
  api.delete(`${one(workspaceId, postId)}/media/${seg(mediaId)}`);
