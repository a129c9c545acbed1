import { describe, expect, it } from 'vitest';
import type { Explanation, SpikeExplanation } from './alerts.api';
import { explanationLines, formattersFor, titleLine } from './explain';

const f = formattersFor('en', 'UTC');
const spike: SpikeExplanation = {
  kind: 'volume_spike',
  outcome: 'fired',
  windowStart: '2026-03-30T10:00:00.000Z',
  windowEnd: '2026-03-30T11:00:00.000Z',
  windowHours: 1,
  weeksWanted: 4,
  weeksUsed: 3,
  weeks: [
    { weeksAgo: 1, start: '2026-03-23T10:00:00.000Z', end: '', total: 4, negative: 0, used: true },
    { weeksAgo: 2, start: '2026-03-16T10:00:00.000Z', end: '', total: 6, negative: 0, used: true },
    { weeksAgo: 3, start: '2026-03-09T10:00:00.000Z', end: '', total: 5, negative: 0, used: true },
    { weeksAgo: 4, start: '2026-03-02T10:00:00.000Z', end: '', total: 0, negative: 0, used: false },
  ],
  observed: 12,
  mean: 5,
  sd: 1,
  spread: 1,
  sdWasZero: false,
  z: 7,
  thresholds: { z: 3, minVolume: 10, minBaselineWeeks: 2 },
  samples: [],
};

describe('alert explanations in words', () => {
  it('lists the window, the baseline weeks used, the missing ones, the statistics and z', () => {
    const lines = explanationLines(spike, f);
    expect(lines.map((line) => line.key)).toEqual([
      'spikeWindow',
      'baseline',
      'weeksMissing',
      'spikeStats',
      'spikeZ',
    ]);
    expect(lines[1]?.values).toMatchObject({ used: '3', wanted: '4' });
    expect(lines[1]?.values.weeks).toContain(': 4, ');
    expect(lines[2]?.values).toEqual({ count: '1' });
    expect(lines[4]?.values).toMatchObject({
      observed: '12',
      mean: '5',
      spread: '1',
      z: '7',
      threshold: '3',
      minVolume: '10',
    });
  });

  it('says when the baseline never varied, and when history was too short', () => {
    expect(explanationLines({ ...spike, sd: 0, sdWasZero: true, spread: 2.2360679 }, f)[3]).toEqual({
      key: 'spikeStatsFlat',
      values: { mean: '5', spread: '2.24' },
    });
    const short = explanationLines(
      { ...spike, outcome: 'too_little_history', mean: null, sd: null, spread: null, z: null },
      f,
    );
    expect(short.at(-1)).toEqual({ key: 'tooLittleHistory', values: { needed: '2' } });
  });

  it('formats shares as percentages in the reader’s language and notes the 1 % floor', () => {
    const surge: Explanation = {
      ...spike,
      kind: 'negative_surge',
      negative: 2,
      observed: 20,
      share: 0.1,
      baselineTotal: 75,
      baselineNegative: 0,
      baselineShare: 0,
      baselineShareUsed: 0.01,
      ratio: 10,
      z: 4.045,
      thresholds: { z: 3, minMentions: 20, minRatio: 1.5, minBaselineWeeks: 2 },
    };
    const lines = explanationLines(surge, formattersFor('fr', 'Europe/Paris'));
    expect(lines.find((line) => line.key === 'surgeShareFloored')?.values).toMatchObject({
      share: '0\u00a0%',
      used: '1\u00a0%',
    });
    expect(titleLine(surge, f)).toEqual({ key: 'negative_surge', values: { share: '10%', baseline: '0%' } });
  });

  it('titles mention alerts with the author', () => {
    const mention = {
      id: 'm',
      network: 'bluesky',
      author: 'star.example',
      authorName: null,
      followers: 120_000,
      text: 't',
      url: null,
      createdAt: '2026-03-30T10:00:00.000Z',
      sentiment: null,
    };
    expect(titleLine({ kind: 'high_reach', followers: 120_000, threshold: 10_000, mention }, f)).toEqual({
      key: 'high_reach',
      values: { author: '@star.example', followers: '120,000' },
    });
    expect(
      titleLine(
        {
          kind: 'opportunity',
          intent: 'complaint',
          query: { id: 'q', name: 'Zorvalta', tag: 'competitor' },
          mention,
        },
        f,
      ).key,
    ).toBe('opportunity_complaint');
  });
});
