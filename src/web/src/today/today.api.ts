/** Today's API: the prioritised list of what to do now, and the URL of its live stream. */
import { api, seg } from '../api/client';

export const TODAY_KINDS = [
  'conversation',
  'approval',
  'post_problem',
  'account',
  'alert',
  'next_step',
  'question',
  'trend',
] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

export interface TodayReason {
  code: string;
  values: Record<string, string | number>;
}

export interface TodayItem {
  id: string;
  kind: TodayKind;
  priority: number;
  title: string;
  /** The reasons in English, from the server: shown when this page does not know a reason's code. */
  why: string;
  reasons: TodayReason[];
  link: string;
  at: string | null;
  due: string | null;
}

export interface TodayList {
  generatedAt: string;
  fingerprint: string;
  items: TodayItem[];
  counts: Record<TodayKind, number>;
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/today`;

export const getToday = (workspaceId: string): Promise<TodayList> => api.get<TodayList>(base(workspaceId));

export const todayEventsUrl = (workspaceId: string): string => `/api/v1${base(workspaceId)}/events`;

/** Only links into this app are followed (a path under /w/), whatever the server says. */
export const safeLink = (link: string): string | null =>
  /^\/w\/[^/?#]+(?:[/?#]|$)/.test(link) ? link : null;
