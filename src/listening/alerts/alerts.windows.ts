/**
 * Window rules over stored mentions: one grouped query counts the mentions per UTC hour over every
 * range the windows and their baselines need, then the pure maths judges each window. Live
 * evaluation judges the windows that just closed; the backtest judges every window of a period.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  HOUR_MS,
  judgeNegativeSurge,
  judgeVolumeSpike,
  WEEK_MS,
  type HourCounts,
  type WindowVerdict,
} from './alerts.maths.js';
import { alertsRepo, type TimeRange } from './alerts.repo.js';
import type { WindowRuleSpec } from './alerts.rules.js';

/** Ranges sorted and merged where they touch or overlap. */
export function mergeRanges(
  ranges: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** Judges the windows ending at `ends` (whole UTC hours, ascending). */
export async function judgeWindows(
  db: Kysely<Database>,
  workspaceId: string,
  spec: WindowRuleSpec,
  ends: readonly number[],
): Promise<WindowVerdict[]> {
  const first = ends[0];
  const last = ends.at(-1);
  if (first === undefined || last === undefined) {
    return [];
  }
  const { windowHours, baselineWeeks } = spec.params;
  const repo = alertsRepo(db);
  const ranges: { start: number; end: number }[] = [];
  for (let weeksAgo = 0; weeksAgo <= baselineWeeks; weeksAgo += 1) {
    ranges.push({
      start: first - windowHours * HOUR_MS - weeksAgo * WEEK_MS,
      end: last - weeksAgo * WEEK_MS,
    });
  }
  const asIso: TimeRange[] = mergeRanges(ranges).map((range) => ({
    start: iso(range.start),
    end: iso(range.end),
  }));
  const [rows, historyStart] = await Promise.all([
    repo.hourlyCounts(workspaceId, spec.queryId, asIso),
    repo.historyStart(workspaceId, spec.queryId),
  ]);
  const hourly = new Map<number, HourCounts>(
    rows.map((row) => [Date.parse(`${row.hour}:00:00.000Z`), { total: row.total, negative: row.negative }]),
  );
  const historyMs = historyStart === null ? null : Date.parse(historyStart);
  return ends.map((end) =>
    spec.kind === 'volume_spike'
      ? judgeVolumeSpike(spec.params, hourly, end, historyMs)
      : judgeNegativeSurge(spec.params, hourly, end, historyMs),
  );
}

const iso = (ms: number): string => new Date(ms).toISOString();
