/**
 * A conversation's priority, with its reasons in words: what a seasoned community manager looks at
 * first. Content and reach are scored when a message arrives (stored, so the list sorts in SQL);
 * the time already waited is added when the conversation is shown (it changes every minute).
 */
import type { IntentLabel, SentimentLabel } from '../analysis/types.js';

export type PriorityCode =
  | 'negative'
  | 'offensive'
  | 'complaint'
  | 'question'
  | 'purchase_intent'
  | 'support_request'
  | 'reach'
  | 'waiting'
  /** A routing rule raised it (detail.rule names it). */
  | 'rule';

export interface PriorityReason {
  code: PriorityCode;
  points: number;
  /** Facts behind it, for the sentence the UI writes ("12,400 followers", "waiting 3 h"). */
  detail?: Record<string, number | string>;
}

export interface PrioritySignals {
  sentiment: SentimentLabel | null;
  offensive: boolean;
  intents: readonly IntentLabel[];
  followers: number | null;
  /** Whether we have answered since their last message. */
  answered: boolean;
}

const WEIGHTS = {
  negative: 25,
  offensive: 15,
  complaint: 20,
  question: 15,
  purchase_intent: 20,
  support_request: 10,
} as const;

/** Followers → points: large audiences make a public complaint costly, and a good answer valuable. */
const REACH_STEPS: readonly { followers: number; points: number }[] = [
  { followers: 100_000, points: 25 },
  { followers: 10_000, points: 18 },
  { followers: 1_000, points: 8 },
];

export function contentPriority(signals: PrioritySignals): { score: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  if (signals.sentiment === 'negative') {
    reasons.push({ code: 'negative', points: WEIGHTS.negative });
  }
  if (signals.offensive) {
    reasons.push({ code: 'offensive', points: WEIGHTS.offensive });
  }
  for (const intent of ['complaint', 'purchase_intent', 'support_request'] as const) {
    if (signals.intents.includes(intent)) {
      reasons.push({ code: intent, points: WEIGHTS[intent] });
    }
  }
  if (signals.intents.includes('question') && !signals.answered) {
    reasons.push({ code: 'question', points: WEIGHTS.question });
  }
  const step =
    signals.followers === null ? undefined : REACH_STEPS.find((s) => (signals.followers ?? 0) >= s.followers);
  if (step && signals.followers !== null) {
    reasons.push({ code: 'reach', points: step.points, detail: { followers: signals.followers } });
  }
  return {
    score: Math.min(
      100,
      reasons.reduce((sum, reason) => sum + reason.points, 0),
    ),
    reasons,
  };
}

/** One point per 10 minutes waited, at most 20. */
export function waitingReason(awaitingSince: string | null, now: Date): PriorityReason | null {
  if (awaitingSince === null) {
    return null;
  }
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(awaitingSince)) / 60_000));
  const points = Math.min(20, Math.floor(minutes / 10));
  return points > 0 ? { code: 'waiting', points, detail: { minutes } } : null;
}
