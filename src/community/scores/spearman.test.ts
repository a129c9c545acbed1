import { describe, expect, it } from 'vitest';
import { averageRanks, pearson, spearman, topK, topOverlap } from './spearman.js';

describe('rank statistics', () => {
  it('ranks from 1, ties sharing the average of their ranks', () => {
    expect(averageRanks([10, 30, 20])).toEqual([1, 3, 2]);
    // 5 and 5 take ranks 2 and 3 → 2.5 each; the three 9s take 4, 5, 6 → 5.
    expect(averageRanks([5, 1, 9, 5, 9, 9])).toEqual([2.5, 1, 5, 2.5, 5, 5]);
    expect(averageRanks([])).toEqual([]);
  });

  it('computes Spearman without ties as 1 − 6 Σd² / (n (n² − 1))', () => {
    // ranks x: 1 2 3 4 5, ranks y: 2 1 4 3 5 → d² = 1+1+1+1+0 = 4 → 1 − 24 / 120 = 0.8
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // Monotone but not linear: still 1.
    expect(spearman([1, 2, 3, 4], [1, 10, 100, 1000])).toBeCloseTo(1, 12);
  });

  it('computes Spearman with ties as the Pearson correlation of average ranks', () => {
    // x = [1, 2, 2, 3] → ranks 1, 2.5, 2.5, 4; y = [0, 0, 1, 1] → ranks 1.5, 1.5, 3.5, 3.5.
    // Centered (mean 2.5): x −1.5, 0, 0, 1.5; y −1, −1, 1, 1.
    // Σxy = 1.5 + 0 + 0 + 1.5 = 3; Σx² = 4.5; Σy² = 4 → 3 / √18 = 0.7071…
    expect(spearman([1, 2, 2, 3], [0, 0, 1, 1])).toBeCloseTo(3 / Math.sqrt(18), 12);
  });

  it('is undefined (NaN) for a constant side or a single pair, and refuses lengths that differ', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
    expect(() => pearson([1, 2], [1])).toThrow(/2 values against 1/);
  });

  it('takes the top k deterministically and counts the overlap of two top ks', () => {
    const score = new Map([
      ['a', 5],
      ['b', 9],
      ['c', 5],
      ['d', 1],
    ]);
    expect(topK(score, 3)).toEqual(['b', 'a', 'c']);
    const future = new Map([
      ['a', 0],
      ['b', 3],
      ['c', 0],
      ['d', 7],
    ]);
    // top 2 of score: b, a; top 2 of future: d, b → {b}.
    expect(topOverlap(score, future, 2)).toBe(1);
    expect(topOverlap(score, future, 4)).toBe(4);
  });
});
