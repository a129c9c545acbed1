/**
 * When a rule would have fired over the stored history: window rules judge every hourly window of the
 * period from one grouped count per hour (the database aggregates, never row by row here), mention
 * rules read the matching mentions; both apply the cooldown as live evaluation does.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Explanation } from './alerts.explanation.js';
import { mentionFirings } from './alerts.evaluate.js';
import { floorToHour, HOUR_MS, inCooldown, type SpikeOutcome, type SurgeOutcome } from './alerts.maths.js';
import { isWindowRule, type RuleSpec } from './alerts.rules.js';
import { judgeWindows } from './alerts.windows.js';

export const DEFAULT_BACKTEST_DAYS = 30;
export const MAX_BACKTEST_DAYS = 365;
/** Firings listed at most (the counts cover them all). */
export const MAX_BACKTEST_FIRINGS = 200;
/** Mentions a mention rule's backtest reads at most. */
const MAX_BACKTEST_MENTIONS = 5_000;

export interface BacktestFiring {
  at: string;
  explanation: Explanation;
}

export interface BacktestResult {
  from: string;
  to: string;
  /** Window rules: the hourly windows judged, and how each ended. */
  windows: number;
  outcomes: Partial<Record<SpikeOutcome | SurgeOutcome, number>>;
  /** Would have fired but fell in the cooldown of the previous one. */
  suppressedByCooldown: number;
  fired: number;
  /** The first MAX_BACKTEST_FIRINGS, oldest first. */
  firings: BacktestFiring[];
  truncated: boolean;
}

export async function backtest(
  db: Kysely<Database>,
  workspaceId: string,
  spec: RuleSpec,
  options: { now: Date; days: number },
): Promise<BacktestResult> {
  const days = Math.min(MAX_BACKTEST_DAYS, Math.max(1, Math.floor(options.days)));
  // Windows up to the last whole hour; mentions up to now.
  const to = isWindowRule(spec) ? floorToHour(options.now.getTime()) : options.now.getTime();
  const from = to - days * 24 * HOUR_MS;
  const result: BacktestResult = {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    windows: 0,
    outcomes: {},
    suppressedByCooldown: 0,
    fired: 0,
    firings: [],
    truncated: false,
  };
  let lastFired: number | null = null;
  const take = (at: string, explanation: Explanation): void => {
    const ms = Date.parse(at);
    if (inCooldown(lastFired, ms, spec.params.cooldownMinutes)) {
      result.suppressedByCooldown += 1;
      return;
    }
    lastFired = ms;
    result.fired += 1;
    if (result.firings.length < MAX_BACKTEST_FIRINGS) {
      result.firings.push({ at, explanation });
    } else {
      result.truncated = true;
    }
  };
  if (isWindowRule(spec)) {
    const ends: number[] = [];
    for (let end = from + HOUR_MS; end <= to; end += HOUR_MS) {
      ends.push(end);
    }
    result.windows = ends.length;
    for (const verdict of await judgeWindows(db, workspaceId, spec, ends)) {
      result.outcomes[verdict.outcome] = (result.outcomes[verdict.outcome] ?? 0) + 1;
      if (verdict.outcome === 'fired') {
        // Samples are read for live alerts only: a backtest stays one aggregate query.
        take(verdict.windowEnd, { ...verdict, samples: [] });
      }
    }
    return result;
  }
  const firings = await mentionFirings({ db }, workspaceId, spec, {
    createdSince: result.from,
    createdUntil: result.to,
    limit: MAX_BACKTEST_MENTIONS,
  });
  for (const firing of firings) {
    take(firing.eventAt, firing.explanation);
  }
  result.truncated ||= firings.length === MAX_BACKTEST_MENTIONS;
  return result;
}
