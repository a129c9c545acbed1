/** Small statistics the KPIs share: nearest-rank percentiles, ratios that say "no data" as null. */

/** The nearest-rank percentile (p in 0–1) of `values`: an observed value, never an interpolation; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** numerator ÷ denominator, rounded to 4 decimals; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** The change from `previous` to `current`, relative (0.25 = +25 %); null when either is missing or previous is 0. */
export function relativeDelta(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) {
    return null;
  }
  return Math.round(((current - previous) / Math.abs(previous)) * 10_000) / 10_000;
}
