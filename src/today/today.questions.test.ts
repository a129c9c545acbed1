import { describe, expect, it } from 'vitest';
import { compareItems, PRIORITY } from './today.priority.js';
import { groupQuestions } from './today.questions.js';
import { duration, whyOf } from './today.why.js';

describe('recurring questions', () => {
  it('groups questions by the terms they share, one group per topic, the frequent first', () => {
    const texts = [
      'When will the walnut lamp be back in stock?',
      'Is the walnut lamp back in stock?',
      'Walnut lamp in stock again soon?',
      'Do you deliver to Switzerland?',
      'Can you deliver to Switzerland next week?',
      'Deliver to Switzerland possible?',
      'Is the oak shelf solid wood?',
    ];
    expect(groupQuestions(texts, { minCount: 3, limit: 5 })).toEqual([
      { term: 'walnut lamp', count: 3 },
      { term: 'deliver', count: 3 },
    ]);
    expect(groupQuestions(texts, { minCount: 3, limit: 1 })).toEqual([{ term: 'walnut lamp', count: 3 }]);
    expect(groupQuestions(texts, { minCount: 4, limit: 5 })).toEqual([]);
  });

  it('leaves out the terms it is told to ignore (the brand’s own name)', () => {
    const texts = ['Lumière, are you open Sunday?', 'Lumière open on Sunday?', 'Does Lumière ship abroad?'];
    expect(groupQuestions(texts, { minCount: 3, limit: 3 })).toEqual([{ term: 'lumiere', count: 3 }]);
    expect(groupQuestions(texts, { minCount: 3, limit: 3, ignore: new Set(['lumiere']) })).toEqual([]);
  });
});

describe('priority and words', () => {
  it('puts broken promises first, then what is about to break, then ideas', () => {
    expect(PRIORITY.conversationOverdue(0)).toBeGreaterThan(PRIORITY.postFailed);
    expect(PRIORITY.account(1)).toBeGreaterThan(PRIORITY.account(0));
    expect(PRIORITY.conversationDueSoon(50)).toBeLessThan(PRIORITY.conversationOverdue(0));
    expect(PRIORITY.question(100)).toBe(40);
    expect(PRIORITY.trend(50)).toBe(30);
    const item = (id: string, priority: number, due: string | null, at: string | null) => ({
      id,
      priority,
      due,
      at,
    });
    const sorted = [
      item('d', 50, null, null),
      item('c', 50, '2026-03-30T13:00:00Z', null),
      item('b', 50, '2026-03-30T12:00:00Z', null),
      item('a', 90, null, null),
    ].sort(compareItems);
    expect(sorted.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('writes durations and reasons the way people say them', () => {
    expect([duration(0), duration(42), duration(60), duration(185), duration(3 * 1_440 + 61)]).toEqual([
      '0 min',
      '42 min',
      '1 h',
      '3 h 5 min',
      '3 d 1 h',
    ]);
    expect(
      whyOf(
        [
          { code: 'first_response_overdue', values: { minutes: 42 } },
          { code: 'priority', values: { score: 80, signals: 'negative,complaint,reach', followers: 12_000 } },
        ],
        'Europe/Paris',
      ),
    ).toBe('First response overdue by 42 min; priority 80: negative, complaint, 12k followers');
    expect(whyOf([{ code: 'asked', values: { count: 9, topic: 'delivery' } }], 'UTC')).toBe(
      'Asked 9 times this week',
    );
  });
});
