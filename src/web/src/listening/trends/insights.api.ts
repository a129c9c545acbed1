/** The insights API (trends, competitors, share of voice): its shapes and calls. */
import { api, seg } from '../../api/client';

export interface InsightPost {
  id: string;
  network: string;
  url: string | null;
  author: { handle: string | null; name: string | null; followers: number | null };
  text: string;
  createdAt: string;
  likes: number;
  reposts: number;
  replies: number;
  engagement: number;
}

export interface TrendWindow {
  since: string;
  until: string;
  hours: number;
  mentions: number;
  sampledOneIn: number;
}

export interface TrendTerm {
  term: string;
  kind: 'word' | 'bigram' | 'hashtag';
  recent: number;
  baseline: number;
  expected: number;
  score: number;
  ratio: number;
  samples: InsightPost[];
}

export interface Trends {
  query: { id: string; name: string } | null;
  recent: TrendWindow;
  baseline: TrendWindow;
  minCount: number;
  formula: string;
  terms: TrendTerm[];
}

export interface TrendParams {
  query?: string;
  recentHours: number;
  baselineHours: number;
  minCount: number;
}

export interface CompetitorAccount {
  network: string;
  handle: string;
}

export interface Competitor {
  id: string;
  name: string;
  accounts: CompetitorAccount[];
  queryId: string | null;
  query: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CompetitorSuggestion {
  name: string;
  query: string;
  queryId: string | null;
}

export interface CompetitorInput {
  name: string;
  accounts: CompetitorAccount[];
  queryId: string | null;
  query: string | null;
}

export interface CompetitorReport {
  competitor: Competitor;
  since: string;
  until: string;
  posts: number;
  truncated: boolean;
  engagement: { total: number; perPost: number; median: number; formula: string };
  rhythm: {
    timeZone: string;
    byWeekdayHour: number[][];
    byWeekday: number[];
    byHour: number[];
    byWeek: { weekStart: string; posts: number; engagement: number }[];
  };
  topPosts: InsightPost[];
}

export const SOV_WEIGHTS = ['mentions', 'engagement', 'reach'] as const;
export type SovWeight = (typeof SOV_WEIGHTS)[number];

export interface SovEntity {
  kind: 'brand' | 'competitor';
  id: string | null;
  name: string;
  basis: string;
  mentions: number;
  engagement: number;
  reach: number;
  value: number;
  share: number;
  truncated: boolean;
}

export interface ShareOfVoice {
  weight: SovWeight;
  since: string;
  until: string;
  formula: string;
  definition: string;
  total: number;
  entities: SovEntity[];
  notes: string[];
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/listening`;

export function trendsPath(workspaceId: string, params: TrendParams): string {
  const search = new URLSearchParams({
    recentHours: String(params.recentHours),
    baselineHours: String(params.baselineHours),
    minCount: String(params.minCount),
  });
  if (params.query !== undefined) {
    search.set('query', params.query);
  }
  return `${base(workspaceId)}/trends?${search.toString()}`;
}

export const getTrends = (workspaceId: string, params: TrendParams): Promise<Trends> =>
  api.get<Trends>(trendsPath(workspaceId, params));

export const listCompetitors = (
  workspaceId: string,
): Promise<{ competitors: Competitor[]; suggestions: CompetitorSuggestion[] }> =>
  api.get(`${base(workspaceId)}/competitors`);

export const addCompetitor = async (workspaceId: string, input: CompetitorInput): Promise<Competitor> =>
  (await api.post<{ competitor: Competitor }>(`${base(workspaceId)}/competitors`, input)).competitor;

export const updateCompetitor = async (
  workspaceId: string,
  id: string,
  input: CompetitorInput,
): Promise<Competitor> =>
  (await api.patch<{ competitor: Competitor }>(`${base(workspaceId)}/competitors/${seg(id)}`, input))
    .competitor;

export const removeCompetitor = (workspaceId: string, id: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/competitors/${seg(id)}`);

export const getCompetitorReport = (workspaceId: string, id: string): Promise<CompetitorReport> =>
  api.get(`${base(workspaceId)}/competitors/${seg(id)}/report`);

export const getShareOfVoice = (workspaceId: string, weight: SovWeight): Promise<ShareOfVoice> =>
  api.get(`${base(workspaceId)}/share-of-voice?weight=${weight}`);
