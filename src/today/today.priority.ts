/**
 * How Today orders what there is to do: a score from 0 to 100 per item, by these rules, highest
 * first; equal scores put the earliest due first (items without a due time after), then the oldest.
 *
 *   what                                                        score
 *   a conversation past its service level                       80 + min(20, conversation priority / 5)
 *   an account whose credentials fail, with posts scheduled     90
 *   a post that failed to publish                               75
 *   a post whose outcome is unknown (unconfirmed)               72
 *   an account whose credentials fail, nothing scheduled        70
 *   an alert: negative surge / volume spike / high reach /      70 / 65 / 60 / 50
 *     opportunity (unread, fired in the last 72 h)
 *   a conversation due within 30 minutes                        60 + min(20, conversation priority / 5)
 *   a post awaiting approval, to publish within 24 h (or late)  65; otherwise 45
 *   a relationship next step past its date                      55; due within a day: 40
 *   a high-priority conversation (priority ≥ 50), not yet due   40 + min(20, conversation priority / 5)
 *   a question the community keeps asking (this week)           30 + min(10, times asked − 2)
 *   a rising trend                                              20 + min(10, round(ratio))
 *
 * Reasoning: promises already broken (a late answer) and things that silently stop the work (an
 * account that cannot publish, a post that did not go out) come first; then what turns into a broken
 * promise soon; then content ideas, which never expire on the hour.
 */
import type { AlertKind } from '../listening/alerts/alerts.tables.js';
import type { TodayItem } from './today.types.js';

/** A conversation at or above this priority is listed even before it falls due. */
export const HIGH_PRIORITY = 50;
/** A service level this close (minutes) counts as due now. */
export const DUE_SOON_MINUTES = 30;
/** Unread alerts fired in this many hours are fresh. */
export const FRESH_ALERT_HOURS = 72;
/** Next steps due within this many hours are listed. */
export const NEXT_STEP_HORIZON_HOURS = 24;
/** A post awaiting approval that publishes within this many hours is urgent. */
export const APPROVAL_URGENT_HOURS = 24;

const bonus = (conversationPriority: number): number => Math.min(20, Math.round(conversationPriority / 5));

export const PRIORITY = {
  conversationOverdue: (p: number): number => 80 + bonus(p),
  conversationDueSoon: (p: number): number => 60 + bonus(p),
  conversationHigh: (p: number): number => 40 + bonus(p),
  account: (scheduledPosts: number): number => (scheduledPosts > 0 ? 90 : 70),
  postFailed: 75,
  postUnconfirmed: 72,
  alert: { negative_surge: 70, volume_spike: 65, high_reach: 60, opportunity: 50 } satisfies Record<
    AlertKind,
    number
  >,
  approval: (urgent: boolean): number => (urgent ? 65 : 45),
  nextStep: (overdue: boolean): number => (overdue ? 55 : 40),
  question: (times: number): number => 30 + Math.max(0, Math.min(10, times - 2)),
  trend: (ratio: number): number => 20 + Math.max(0, Math.min(10, Math.round(ratio))),
} as const;

/** Highest priority first; then the earliest due (none last), the oldest, and the id. */
type Sortable = Pick<TodayItem, 'id' | 'priority' | 'due' | 'at'>;

export function compareItems(a: Sortable, b: Sortable): number {
  if (a.priority !== b.priority) {
    return b.priority - a.priority;
  }
  if (a.due !== b.due) {
    return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
  }
  if (a.at !== b.at) {
    return a.at === null ? 1 : b.at === null ? -1 : a.at < b.at ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
