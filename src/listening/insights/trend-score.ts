/**
 * The rising score of a term, stated so that anyone can recompute it:
 *
 *   expected = baseline × recentHours / baselineHours      (the baseline's rate, per hour, over the recent window)
 *   score    = (recent − expected) / √(expected + 1)       (a Poisson z-like score, +1 so that new terms stay finite)
 *   ratio    = (recent + 1) / (expected + 1)               (the smoothed ratio, shown beside it)
 *
 * `recent` and `baseline` count posts holding the term (once per post). A term rises when recent ≥
 * minCount and recent > expected; the √ keeps a jump from 1 to 4 below a jump from 100 to 160.
 */

export const SCORE_FORMULA =
  'score = (recent − expected) / √(expected + 1), expected = baseline × recentHours / baselineHours; ' +
  'ratio = (recent + 1) / (expected + 1); counts are posts holding the term; only terms with recent ≥ minCount and recent > expected';

export interface TermScore {
  expected: number;
  score: number;
  ratio: number;
}

export function scoreTerm(
  recent: number,
  baseline: number,
  recentHours: number,
  baselineHours: number,
): TermScore {
  const expected = (baseline * recentHours) / baselineHours;
  return {
    expected,
    score: (recent - expected) / Math.sqrt(expected + 1),
    ratio: (recent + 1) / (expected + 1),
  };
}

/** Whether a term counts as rising. */
export function isRising(recent: number, expected: number, minCount: number): boolean {
  return recent >= minCount && recent > expected;
}
