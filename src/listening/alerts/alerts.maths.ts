/**
 * The maths of window alerts, pure: counts per UTC hour in, a verdict with every number that led to
 * it out. The baseline of a window is the same window (same weekday, same hour) 1…N weeks earlier;
 * weeks before the scope's first stored mention are not used, and too few of them is said, not
 * guessed around. Standard deviations are of samples (n − 1).
 */
import type { NegativeSurgeParams, VolumeSpikeParams } from './alerts.rules.js';

export const HOUR_MS = 3_600_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;
/** A negative share is never taken below 1 % or above 99 % for the z-test (its spread would be 0). */
export const SHARE_FLOOR = 0.01;

export type HourCounts = {
  total: number;
  negative: number;
};

/** Counts by the start of their UTC hour (ms since the epoch); hours without mentions are absent. */
export type HourlyCounts = ReadonlyMap<number, HourCounts>;

export type BaselineWeek = {
  weeksAgo: number;
  start: string;
  end: string;
  total: number;
  negative: number;
  /** False when the window lies before the first stored mention of the scope. */
  used: boolean;
};

type WindowFacts = {
  windowStart: string;
  windowEnd: string;
  windowHours: number;
  weeksWanted: number;
  weeksUsed: number;
  weeks: BaselineWeek[];
};

export type SpikeOutcome = 'fired' | 'too_little_history' | 'below_min_volume' | 'below_threshold';
export type SurgeOutcome = 'fired' | 'too_little_history' | 'too_few_mentions' | 'below_threshold';

export type SpikeVerdict = WindowFacts & {
  kind: 'volume_spike';
  outcome: SpikeOutcome;
  observed: number;
  mean: number | null;
  sd: number | null;
  /** What z divides by: the sd, or max(1, √mean) when the baseline never varied (sd = 0). */
  spread: number | null;
  sdWasZero: boolean;
  z: number | null;
  thresholds: { z: number; minVolume: number; minBaselineWeeks: number };
};

export type SurgeVerdict = WindowFacts & {
  kind: 'negative_surge';
  outcome: SurgeOutcome;
  observed: number;
  negative: number;
  share: number | null;
  baselineTotal: number;
  baselineNegative: number;
  baselineShare: number | null;
  /** The baseline share used in the test, kept within [1 %, 99 %]. */
  baselineShareUsed: number | null;
  z: number | null;
  ratio: number | null;
  thresholds: { z: number; minMentions: number; minRatio: number; minBaselineWeeks: number };
};

export type WindowVerdict = SpikeVerdict | SurgeVerdict;

export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) {
    return { mean: 0, sd: 0 };
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length < 2) {
    return { mean, sd: 0 };
  }
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}

export const floorToHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** Sum of the hours in [endMs − hours, endMs). */
export function windowCounts(hourly: HourlyCounts, endMs: number, hours: number): HourCounts {
  const sum = { total: 0, negative: 0 };
  for (let hour = endMs - hours * HOUR_MS; hour < endMs; hour += HOUR_MS) {
    const counts = hourly.get(hour);
    if (counts) {
      sum.total += counts.total;
      sum.negative += counts.negative;
    }
  }
  return sum;
}

function windowFacts(
  hourly: HourlyCounts,
  endMs: number,
  hours: number,
  weeksWanted: number,
  historyStartMs: number | null,
): WindowFacts {
  const weeks: BaselineWeek[] = [];
  for (let weeksAgo = 1; weeksAgo <= weeksWanted; weeksAgo += 1) {
    const end = endMs - weeksAgo * WEEK_MS;
    const start = end - hours * HOUR_MS;
    const used = historyStartMs !== null && start >= floorToHour(historyStartMs);
    const counts = used ? windowCounts(hourly, end, hours) : { total: 0, negative: 0 };
    weeks.push({ weeksAgo, start: iso(start), end: iso(end), ...counts, used });
  }
  return {
    windowStart: iso(endMs - hours * HOUR_MS),
    windowEnd: iso(endMs),
    windowHours: hours,
    weeksWanted,
    weeksUsed: weeks.filter((week) => week.used).length,
    weeks,
  };
}

/** Is the window ending at `endMs` a volume spike against its baseline? */
export function judgeVolumeSpike(
  params: VolumeSpikeParams,
  hourly: HourlyCounts,
  endMs: number,
  historyStartMs: number | null,
): SpikeVerdict {
  const facts = windowFacts(hourly, endMs, params.windowHours, params.baselineWeeks, historyStartMs);
  const observed = windowCounts(hourly, endMs, params.windowHours).total;
  const thresholds = {
    z: params.zThreshold,
    minVolume: params.minVolume,
    minBaselineWeeks: params.minBaselineWeeks,
  };
  const verdict: SpikeVerdict = {
    kind: 'volume_spike',
    ...facts,
    outcome: 'too_little_history',
    observed,
    mean: null,
    sd: null,
    spread: null,
    sdWasZero: false,
    z: null,
    thresholds,
  };
  if (facts.weeksUsed < params.minBaselineWeeks) {
    return verdict;
  }
  const { mean, sd } = meanAndSd(facts.weeks.filter((week) => week.used).map((week) => week.total));
  const spread = sd > 0 ? sd : Math.max(1, Math.sqrt(mean));
  const z = (observed - mean) / spread;
  const outcome: SpikeOutcome =
    observed < params.minVolume ? 'below_min_volume' : z >= params.zThreshold ? 'fired' : 'below_threshold';
  return { ...verdict, outcome, mean, sd, spread, sdWasZero: sd === 0, z };
}

/** Is the negative share of the window ending at `endMs` a surge against its baseline share? */
export function judgeNegativeSurge(
  params: NegativeSurgeParams,
  hourly: HourlyCounts,
  endMs: number,
  historyStartMs: number | null,
): SurgeVerdict {
  const facts = windowFacts(hourly, endMs, params.windowHours, params.baselineWeeks, historyStartMs);
  const now = windowCounts(hourly, endMs, params.windowHours);
  const used = facts.weeks.filter((week) => week.used);
  const baselineTotal = used.reduce((sum, week) => sum + week.total, 0);
  const baselineNegative = used.reduce((sum, week) => sum + week.negative, 0);
  const verdict: SurgeVerdict = {
    kind: 'negative_surge',
    ...facts,
    outcome: 'too_little_history',
    observed: now.total,
    negative: now.negative,
    share: now.total > 0 ? now.negative / now.total : null,
    baselineTotal,
    baselineNegative,
    baselineShare: baselineTotal > 0 ? baselineNegative / baselineTotal : null,
    baselineShareUsed: null,
    z: null,
    ratio: null,
    thresholds: {
      z: params.zThreshold,
      minMentions: params.minMentions,
      minRatio: params.minRatio,
      minBaselineWeeks: params.minBaselineWeeks,
    },
  };
  // A share of a baseline with no mentions at all is no baseline.
  if (facts.weeksUsed < params.minBaselineWeeks || verdict.baselineShare === null) {
    return verdict;
  }
  if (verdict.share === null || now.total < params.minMentions) {
    return { ...verdict, outcome: 'too_few_mentions' };
  }
  const p0 = Math.min(1 - SHARE_FLOOR, Math.max(SHARE_FLOOR, verdict.baselineShare));
  const z = (verdict.share - p0) / Math.sqrt((p0 * (1 - p0)) / now.total);
  const ratio = verdict.share / p0;
  const outcome: SurgeOutcome =
    z >= params.zThreshold && ratio >= params.minRatio ? 'fired' : 'below_threshold';
  return { ...verdict, outcome, baselineShareUsed: p0, z, ratio };
}

/** Whether an event at `eventMs` falls within the cooldown of the last one fired. */
export function inCooldown(lastFiredMs: number | null, eventMs: number, cooldownMinutes: number): boolean {
  return lastFiredMs !== null && Math.abs(eventMs - lastFiredMs) < cooldownMinutes * 60_000;
}

const iso = (ms: number): string => new Date(ms).toISOString();
