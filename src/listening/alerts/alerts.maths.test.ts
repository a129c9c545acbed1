import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  inCooldown,
  judgeNegativeSurge,
  judgeVolumeSpike,
  meanAndSd,
  WEEK_MS,
  type HourCounts,
} from './alerts.maths.js';
import { negativeSurgeParams, volumeSpikeParams } from './alerts.rules.js';

const END = Date.parse('2026-03-23T11:00:00.000Z');
const spike = volumeSpikeParams.parse({
  baselineWeeks: 4,
  minBaselineWeeks: 2,
  zThreshold: 3,
  minVolume: 10,
});
const surge = negativeSurgeParams.parse({
  windowHours: 1,
  baselineWeeks: 4,
  minBaselineWeeks: 2,
  minMentions: 20,
  zThreshold: 3,
  minRatio: 1.5,
});

/** Counts for the 10:00–11:00 window now and `weeks` ago. */
function hourly(now: HourCounts, weeks: HourCounts[]): Map<number, HourCounts> {
  const map = new Map<number, HourCounts>([[END - HOUR_MS, now]]);
  weeks.forEach((counts, index) => map.set(END - HOUR_MS - (index + 1) * WEEK_MS, counts));
  return map;
}
const totals = (now: number, weeks: number[]) =>
  hourly(
    { total: now, negative: 0 },
    weeks.map((total) => ({ total, negative: 0 })),
  );
const LONG_AGO = END - 52 * WEEK_MS;

describe('meanAndSd', () => {
  it('is the sample standard deviation (n − 1)', () => {
    expect(meanAndSd([4, 6, 5, 5])).toEqual({ mean: 5, sd: Math.sqrt(2 / 3) });
    expect(meanAndSd([7])).toEqual({ mean: 7, sd: 0 });
    expect(meanAndSd([])).toEqual({ mean: 0, sd: 0 });
  });
});

describe('volume spike', () => {
  it('compares the window with the same hour and weekday of the previous weeks (z = (12 − 5) / 0.816 = 8.57)', () => {
    const verdict = judgeVolumeSpike(spike, totals(12, [4, 6, 5, 5]), END, LONG_AGO);
    expect(verdict.outcome).toBe('fired');
    expect(verdict.observed).toBe(12);
    expect(verdict.mean).toBe(5);
    expect(verdict.sd).toBeCloseTo(0.8165, 4);
    expect(verdict.z).toBeCloseTo(8.573, 3);
    expect(verdict.weeksUsed).toBe(4);
    expect(verdict.weeks.map((week) => [week.start, week.total])).toEqual([
      ['2026-03-16T10:00:00.000Z', 4],
      ['2026-03-09T10:00:00.000Z', 6],
      ['2026-03-02T10:00:00.000Z', 5],
      ['2026-02-23T10:00:00.000Z', 5],
    ]);
    expect(verdict.windowStart).toBe('2026-03-23T10:00:00.000Z');
  });

  it('divides by max(1, √mean) when the baseline never varied (sd = 0): (10 − 4) / 2 = 3 fires at z ≥ 3', () => {
    const verdict = judgeVolumeSpike(spike, totals(10, [4, 4, 4, 4]), END, LONG_AGO);
    expect(verdict).toMatchObject({ sd: 0, sdWasZero: true, spread: 2, z: 3, outcome: 'fired' });
    const quiet = judgeVolumeSpike({ ...spike, minVolume: 1 }, totals(3, [0, 0, 0, 0]), END, LONG_AGO);
    expect(quiet).toMatchObject({ mean: 0, spread: 1, z: 3, outcome: 'fired' });
  });

  it('says when there is too little history instead of guessing', () => {
    // The first mention was 1.5 weeks ago: only last week's window is after it.
    const verdict = judgeVolumeSpike(spike, totals(50, [4, 6, 5, 5]), END, END - 1.5 * WEEK_MS);
    expect(verdict).toMatchObject({ outcome: 'too_little_history', weeksUsed: 1, mean: null, z: null });
    expect(verdict.weeks.map((week) => week.used)).toEqual([true, false, false, false]);
    expect(judgeVolumeSpike(spike, totals(50, []), END, null).outcome).toBe('too_little_history');
  });

  it('needs the minimum volume and the z threshold', () => {
    expect(judgeVolumeSpike(spike, totals(9, [1, 2, 1, 2]), END, LONG_AGO).outcome).toBe('below_min_volume');
    // mean 10, sd √(8/3) = 1.633: 14 is z = 2.45.
    const verdict = judgeVolumeSpike(spike, totals(14, [8, 12, 10, 10]), END, LONG_AGO);
    expect(verdict.z).toBeCloseTo(2.449, 3);
    expect(verdict.outcome).toBe('below_threshold');
  });

  it('sums several hours for longer windows', () => {
    const map = new Map<number, HourCounts>();
    for (let hour = 1; hour <= 3; hour += 1) {
      map.set(END - hour * HOUR_MS, { total: 5, negative: 0 });
      map.set(END - hour * HOUR_MS - WEEK_MS, { total: 1, negative: 0 });
      map.set(END - hour * HOUR_MS - 2 * WEEK_MS, { total: 2, negative: 0 });
    }
    const verdict = judgeVolumeSpike({ ...spike, windowHours: 3 }, map, END, LONG_AGO);
    expect(verdict.observed).toBe(15);
    expect(verdict.weeks.slice(0, 2).map((week) => week.total)).toEqual([3, 6]);
    expect(verdict.windowStart).toBe('2026-03-23T08:00:00.000Z');
  });
});

describe('negative surge', () => {
  const weeks = (negatives: number[], total = 25) => negatives.map((negative) => ({ total, negative }));

  it('tests the window’s negative share against the pooled baseline share (z = (0.4 − 0.1) / √(0.1·0.9/30) = 5.48)', () => {
    const verdict = judgeNegativeSurge(
      surge,
      hourly({ total: 30, negative: 12 }, weeks([2, 3, 2, 3])),
      END,
      LONG_AGO,
    );
    expect(verdict).toMatchObject({
      outcome: 'fired',
      share: 0.4,
      baselineTotal: 100,
      baselineNegative: 10,
      baselineShare: 0.1,
      baselineShareUsed: 0.1,
    });
    expect(verdict.z).toBeCloseTo(5.477, 3);
    expect(verdict.ratio).toBeCloseTo(4, 6);
  });

  it('needs the minimum mentions, a baseline, and both z and ratio', () => {
    expect(
      judgeNegativeSurge(surge, hourly({ total: 10, negative: 9 }, weeks([2, 3, 2, 3])), END, LONG_AGO)
        .outcome,
    ).toBe('too_few_mentions');
    expect(
      judgeNegativeSurge(surge, hourly({ total: 30, negative: 20 }, weeks([0, 0, 0, 0], 0)), END, LONG_AGO)
        .outcome,
    ).toBe('too_little_history');
    // Baseline 40 %: 50 % of 30 is z = 1.12, ratio 1.25.
    const mild = judgeNegativeSurge(
      surge,
      hourly({ total: 30, negative: 15 }, weeks([10, 10, 10, 10])),
      END,
      LONG_AGO,
    );
    expect(mild.outcome).toBe('below_threshold');
    expect(mild.z).toBeCloseTo(1.118, 3);
  });

  it('keeps a baseline share of 0 at 1 % so the spread is not 0', () => {
    const verdict = judgeNegativeSurge(
      surge,
      hourly({ total: 20, negative: 2 }, weeks([0, 0, 0, 0])),
      END,
      LONG_AGO,
    );
    expect(verdict.baselineShare).toBe(0);
    expect(verdict.baselineShareUsed).toBe(0.01);
    // (0.1 − 0.01) / √(0.01·0.99/20) = 4.045; ratio 10.
    expect(verdict.z).toBeCloseTo(4.045, 3);
    expect(verdict.outcome).toBe('fired');
  });
});

describe('cooldown', () => {
  it('suppresses events closer than the cooldown to the last one fired, either side', () => {
    expect(inCooldown(null, END, 60)).toBe(false);
    expect(inCooldown(END - 59 * 60_000, END, 60)).toBe(true);
    expect(inCooldown(END - 60 * 60_000, END, 60)).toBe(false);
    expect(inCooldown(END + 10 * 60_000, END, 60)).toBe(true);
    expect(inCooldown(END, END, 0)).toBe(false);
  });
});
