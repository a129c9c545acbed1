/** Rank statistics for judging a score against what happened next: Spearman's ρ and top-k overlap. Pure. */

/** Ranks from 1 (smallest value), ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) {
      end += 1;
    }
    // Positions start..end (0-based) hold ranks start+1..end+1: their average.
    const rank = (start + end) / 2 + 1;
    for (let at = start; at <= end; at++) {
      ranks[order[at]?.index ?? 0] = rank;
    }
    start = end + 1;
  }
  return ranks;
}

/** Pearson's correlation; NaN when either side is constant or there are fewer than 2 pairs. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new Error(`pearson: ${x.length} values against ${y.length}`);
  }
  const n = x.length;
  if (n < 2) {
    return Number.NaN;
  }
  const meanX = x.reduce((sum, v) => sum + v, 0) / n;
  const meanY = y.reduce((sum, v) => sum + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - meanX;
    const dy = (y[i] ?? 0) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ: Pearson's correlation of the average ranks (the correct form with ties). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** The keys of the k highest values, ties broken by key (ascending) so the result is deterministic. */
export function topK(values: ReadonlyMap<string, number>, k: number): string[] {
  return [...values]
    .sort(([keyA, a], [keyB, b]) => b - a || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, k)
    .map(([key]) => key);
}

/** |top k of a ∩ top k of b|. */
export function topOverlap(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  k: number,
): number {
  const top = new Set(topK(b, k));
  return topK(a, k).filter((key) => top.has(key)).length;
}
