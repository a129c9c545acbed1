/**
 * Calls of the listening endpoints: the mentions stream and its statistics, saved queries (and
 * their live test), and sources with their health.
 */
import { api, seg } from '../api/client';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const INTENTS = [
  'question',
  'complaint',
  'praise',
  'purchase_intent',
  'feature_request',
  'support_request',
] as const;
export type Intent = (typeof INTENTS)[number];

export const QUERY_TAGS = ['brand', 'product', 'competitor', 'topic'] as const;
export type QueryTag = (typeof QUERY_TAGS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Why {
  highlights: Span[];
  terms: { query: string; spans: Span[] }[];
}

export interface Mention {
  id: string;
  sourceId: string | null;
  network: string;
  externalId: string;
  url: string | null;
  author: { handle: string | null; name: string | null; followers: number | null };
  text: string;
  language: string;
  createdAt: string;
  ingestedAt: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  sentiment: { label: Sentiment; scores: Record<Sentiment, number> } | null;
  offensive: boolean;
  spam: boolean;
  intents: Intent[];
  hasLink: boolean;
  hasImage: boolean;
  why?: Why;
}

export interface MentionPage {
  items: Mention[];
  nextCursor: string | null;
  scanned: number;
}

/** The stream's filters, as the page's URL and the API take them. */
export interface MentionFilters {
  queryId?: string;
  /** A query of the listening language. */
  query?: string;
  /** Full-text search: every word required. */
  text?: string;
  networks?: string[];
  languages?: string[];
  sentiments?: Sentiment[];
  intents?: Intent[];
  /** UTC ISO-8601. */
  since?: string;
  until?: string;
}

export interface StatsBucket {
  start: string;
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  unknown: number;
}

export interface MentionStats {
  interval: 'hour' | 'day';
  timeZone: string;
  since: string;
  until: string;
  total: number;
  buckets: StatsBucket[];
  authors: { handle: string; name: string | null; count: number; followers: number | null }[];
  terms: { term: string; count: number }[];
  termsSample: number;
  complete: boolean;
}

export interface SavedQuery {
  id: string;
  name: string;
  query: string;
  tag: QueryTag;
  createdAt: string;
  /** Matching the mentions stored before the query was saved (in the background). */
  history: { status: 'pending' | 'running' | 'done' | 'failed'; scanned: number; matched: number; doneAt: string | null; error: string | null };
}

/** The server's reading of a query: where it breaks, or how it was read (and, given a text, whether it matches). */
export type QueryTest =
  | { valid: false; error: { message: string; position: number; end: number } }
  | { valid: true; description: string; sample?: { matches: boolean; highlights: { start: number; end: number }[] } };

export const SOURCE_STATUSES = ['pending', 'ok', 'failing', 'idle'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export interface ListeningSource {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  /** Bluesky and Mastodon sources: what they track (keywords, hashtags, instance…). */
  settings?: Record<string, unknown> | null;
  status: SourceStatus;
  pollIntervalMinutes: number | null;
  nextPollAt: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  errorCount: number;
  itemsStored: number;
  lastItemAt: string | null;
  createdAt: string;
}

/** POST body of a new source: its kind and that kind's fields. */
export type NewSource = { kind: string } & Record<string, unknown>;

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}`;

/** The query string of the stream's filters, in a stable order; empty values left out. */
export function filterParams(filters: MentionFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') {
      params.set(key, value);
    }
  };
  put('queryId', filters.queryId);
  put('query', filters.query);
  put('text', filters.text);
  put('network', filters.networks?.join(','));
  put('language', filters.languages?.join(','));
  put('sentiment', filters.sentiments?.join(','));
  put('intent', filters.intents?.join(','));
  put('since', filters.since);
  put('until', filters.until);
  return params;
}

const withParams = (path: string, params: URLSearchParams): string => {
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
};

export function listMentions(
  workspaceId: string,
  filters: MentionFilters,
  cursor?: string,
): Promise<MentionPage> {
  const params = filterParams(filters);
  params.set('limit', '25');
  if (cursor !== undefined) {
    params.set('cursor', cursor);
  }
  return api.get<MentionPage>(withParams(`${base(workspaceId)}/mentions`, params));
}

export function getMentionStats(
  workspaceId: string,
  filters: MentionFilters,
  interval: 'hour' | 'day',
): Promise<MentionStats> {
  const params = filterParams(filters);
  params.set('interval', interval);
  return api.get<MentionStats>(withParams(`${base(workspaceId)}/mentions/stats`, params));
}

export const listQueries = async (workspaceId: string): Promise<SavedQuery[]> =>
  (await api.get<{ queries: SavedQuery[] }>(`${base(workspaceId)}/listening/queries`)).queries;

export const createQuery = (
  workspaceId: string,
  query: { name: string; query: string; tag: QueryTag },
): Promise<SavedQuery> => api.post<SavedQuery>(`${base(workspaceId)}/listening/queries`, query);

export const deleteQuery = (workspaceId: string, queryId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/listening/queries/${seg(queryId)}`);

export const testQuery = (
  workspaceId: string,
  body: { query: string; text?: string },
  signal?: AbortSignal,
): Promise<QueryTest> =>
  api.post<QueryTest>(`${base(workspaceId)}/listening/queries/test`, body, signal ? { signal } : {});

export const listSources = async (workspaceId: string): Promise<ListeningSource[]> =>
  (await api.get<{ sources: ListeningSource[] }>(`${base(workspaceId)}/listening/sources`)).sources;

export const addSource = (
  workspaceId: string,
  source: NewSource,
): Promise<{ source: ListeningSource; secret?: string }> =>
  api.post<{ source: ListeningSource; secret?: string }>(`${base(workspaceId)}/listening/sources`, source);

export const removeSource = (workspaceId: string, sourceId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/listening/sources/${seg(sourceId)}`);

export const pollSource = (workspaceId: string, sourceId: string): Promise<{ source: ListeningSource }> =>
  api.post<{ source: ListeningSource }>(`${base(workspaceId)}/listening/sources/${seg(sourceId)}/poll`);

/** The address a webhook source pushes to (the ingest endpoint of the workspace). */
export const ingestUrl = (origin: string, workspaceId: string): string =>
  `${origin}/api/v1/workspaces/${seg(workspaceId)}/ingest`;
