/** The shapes of Today's list: one item per thing to do now, each saying why it is there. */

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

/**
 * One reason an item is on the list, as a code and the facts behind it, so that each reader (the
 * API's English `why`, the web app in French or English, the CLI) writes its own sentence.
 */
export type TodayReason = { code: string; values: Record<string, string | number> };

export interface TodayItem {
  /** Stable across refreshes: `kind:ref` (the conversation's, post's, account's… id, or the term). */
  id: string;
  kind: TodayKind;
  /** 0–100, by the rules of today.priority.ts: the list is sorted by it, highest first. */
  priority: number;
  /** What it is about: a conversation's subject, a post's first line, an account's handle, a term. */
  title: string;
  /** Why it is on the list, in English words. */
  why: string;
  reasons: TodayReason[];
  /** Where to act on it in the web app (a path starting with /w/). */
  link: string;
  /** When it started (the message waits since, the post was submitted, the alert fired…). */
  at: string | null;
  /** When it is due (a service level, a publish time, a next step's date); null when nothing is. */
  due: string | null;
}

export interface TodayList {
  generatedAt: string;
  /** Changes when the list changes (not when only the minutes in its sentences do). */
  fingerprint: string;
  items: TodayItem[];
  counts: Record<TodayKind, number>;
}
