/**
 * A conversation's priority reasons as words ("Negative tone", "12,400 followers", "Waiting 3 h"),
 * and the waits and service-level times the inbox shows. Pure: the components translate the result.
 */
import type { PriorityReason, Sla } from './inbox.api';

export const SIMPLE_REASONS = [
  'negative',
  'offensive',
  'complaint',
  'question',
  'purchase_intent',
  'support_request',
] as const;
export type SimpleReason = (typeof SIMPLE_REASONS)[number];

export type ReasonDescription =
  | { kind: 'simple'; code: SimpleReason }
  | { kind: 'reach'; followers: number }
  | { kind: 'waiting'; minutes: number }
  /** A routing rule raised it. */
  | { kind: 'rule'; name: string }
  /** A code this UI does not know yet: shown with its points. */
  | { kind: 'other'; code: string; points: number };

const isSimple = (code: string): code is SimpleReason => (SIMPLE_REASONS as readonly string[]).includes(code);

const numberDetail = (reason: PriorityReason, key: string): number | null => {
  const value = reason.detail?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export function describeReason(reason: PriorityReason): ReasonDescription {
  if (isSimple(reason.code)) {
    return { kind: 'simple', code: reason.code };
  }
  const followers = reason.code === 'reach' ? numberDetail(reason, 'followers') : null;
  if (followers !== null) {
    return { kind: 'reach', followers };
  }
  const minutes = reason.code === 'waiting' ? numberDetail(reason, 'minutes') : null;
  if (minutes !== null) {
    return { kind: 'waiting', minutes };
  }
  const rule = reason.code === 'rule' ? reason.detail?.rule : undefined;
  if (typeof rule === 'string') {
    return { kind: 'rule', name: rule };
  }
  return { kind: 'other', code: reason.code, points: reason.points };
}

/** Reasons by weight, heaviest first: the first ones say why the conversation is high. */
export const byWeight = (reasons: readonly PriorityReason[]): PriorityReason[] =>
  [...reasons].sort((a, b) => b.points - a.points);

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
}

/**
 * A duration as people say it, two units at most: "45 min", "3 h", "3 h 5 min", "2 d 4 h".
 * Below a minute it is "0 min"; minutes are dropped from a day or more.
 */
export function formatDuration(totalMinutes: number, units: DurationUnits): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  const parts =
    days > 0
      ? [`${days} ${units.day}`, hours > 0 ? `${hours} ${units.hour}` : null]
      : hours > 0
        ? [`${hours} ${units.hour}`, rest > 0 ? `${rest} ${units.minute}` : null]
        : [`${rest} ${units.minute}`];
  return parts.filter((part) => part !== null).join(' ');
}

/** A follower count in the reader's language ("12,400", "12 400"). */
export const formatCount = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale).format(value);

export type SlaTone = 'overdue' | 'soon' | 'ok';

/** Within this many minutes of its due time, a conversation is shown as due soon. */
export const SOON_MINUTES = 30;

/** Where a conversation stands against its service level: minutes left, or minutes late. */
export function slaStanding(sla: Sla, now: number): { tone: SlaTone; minutes: number } {
  const diff = Math.round((Date.parse(sla.dueAt) - now) / 60_000);
  if (sla.overdue || diff < 0) {
    return { tone: 'overdue', minutes: Math.max(0, -diff) };
  }
  return { tone: diff <= SOON_MINUTES ? 'soon' : 'ok', minutes: diff };
}
