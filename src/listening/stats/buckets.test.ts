import { describe, expect, it } from 'vitest';
import { bucketKeys, foldHours, MAX_BUCKETS } from './buckets.js';
import { topTerms } from './terms.js';

describe('counts over time', () => {
  it('folds UTC hours into the local days of a zone, across a DST change', () => {
    // Paris moves to UTC+2 at 01:00 UTC on 29 March 2026: 22:00 UTC is then midnight.
    const keys = bucketKeys('day', new Date('2026-03-28T23:00:00Z'), new Date('2026-03-30T22:00:00Z'), 'Europe/Paris');
    expect(keys).toEqual(['2026-03-29', '2026-03-30']);
    const buckets = foldHours(
      'day',
      keys ?? [],
      [
        { hour: '2026-03-29T21', sentiment: 'negative', count: 2 }, // 23:00 in Paris, the 29th
        { hour: '2026-03-29T22', sentiment: null, count: 1 }, // 00:00 in Paris, the 30th
        { hour: '2026-04-02T10', sentiment: 'positive', count: 9 }, // out of range: dropped
      ],
      'Europe/Paris',
    );
    expect(buckets.map((b) => [b.start, b.total, b.negative, b.unknown])).toEqual([
      ['2026-03-29', 2, 2, 0],
      ['2026-03-30', 1, 0, 1],
    ]);
  });

  it('lists every UTC hour of the range, and refuses a chart with too many buckets', () => {
    expect(bucketKeys('hour', new Date('2026-03-01T10:30:00Z'), new Date('2026-03-01T12:00:00Z'), 'UTC')).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
    ]);
    expect(bucketKeys('hour', new Date(0), new Date(MAX_BUCKETS * 3_600_000 + 1), 'UTC')).toBeNull();
  });
});

describe('top terms', () => {
  it('counts each content word once per text, without stop words, numbers or lone letters', () => {
    expect(topTerms(['The lamp, the LAMP and the lampe!', "L'équipe a 2 lampes", 'lamp 2026'], 3)).toEqual([
      { term: 'lamp', count: 2 },
      { term: 'equipe', count: 1 },
      { term: 'lampe', count: 1 },
    ]);
  });
});
