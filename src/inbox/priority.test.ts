import { describe, expect, it } from 'vitest';
import { contentPriority, waitingReason } from './priority.js';

describe('conversation priority', () => {
  it('adds up its reasons: a negative complaint from a large account comes first', () => {
    const { score, reasons } = contentPriority({
      sentiment: 'negative',
      offensive: false,
      intents: ['complaint', 'question'],
      followers: 25_000,
      answered: false,
    });
    expect(reasons.map((r) => r.code)).toEqual(['negative', 'complaint', 'question', 'reach']);
    expect(score).toBe(25 + 20 + 15 + 18);
    expect(reasons.at(-1)).toEqual({ code: 'reach', points: 18, detail: { followers: 25_000 } });
  });

  it('drops the unanswered-question reason once answered, and caps at 100', () => {
    expect(
      contentPriority({
        sentiment: 'neutral',
        offensive: false,
        intents: ['question'],
        followers: null,
        answered: true,
      }),
    ).toEqual({ score: 0, reasons: [] });
    const worst = contentPriority({
      sentiment: 'negative',
      offensive: true,
      intents: ['complaint', 'purchase_intent', 'support_request', 'question'],
      followers: 1_000_000,
      answered: false,
    });
    expect(worst.score).toBe(100);
  });

  it('counts waiting time: a point per 10 minutes, at most 20', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(waitingReason(null, now)).toBeNull();
    expect(waitingReason('2026-12-07T11:55:00Z', now)).toBeNull();
    expect(waitingReason('2026-12-07T11:00:00Z', now)).toEqual({
      code: 'waiting',
      points: 6,
      detail: { minutes: 60 },
    });
    expect(waitingReason('2026-12-06T12:00:00Z', now)?.points).toBe(20);
  });
});
