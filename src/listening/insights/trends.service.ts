/**
 * Trends: terms and hashtags rising in a recent window against a baseline, with sample posts.
 *
 * Bounded windows, no persisted counts: only the mentions of the two windows are read (the
 * workspace's stream index, or the saved query's match index), so the cost follows the volume of
 * the windows, not the length of the history. A window holding more than its cap is sampled (one
 * mention in k by sequence number) and its counts scaled by k, which the report says. The baseline's
 * cap is lower: it only has to estimate a rate, and it is the longer window.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { invalid } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { queriesRepo } from '../queries.repo.js';
import { insightsRepo, type WindowPosition, type WindowRow } from './insights.repo.js';
import { presentPost, type PostView } from './posts.js';
import { isRising, scoreTerm, SCORE_FORMULA } from './trend-score.js';
import { termsOf } from './terms.js';
import { hoursBefore, parseInstant } from './windows.js';

export const TREND_DEFAULTS = { recentHours: 24, baselineHours: 168, limit: 20, minCount: 3 } as const;
export const MAX_RECENT_MENTIONS = 50_000;
export const MAX_BASELINE_MENTIONS = 25_000;
const PAGE = 5_000;
const SAMPLES = 3;

export interface TrendOptions {
  /** A saved query's id or name: only the mentions it matched. */
  query?: string;
  recentHours?: number;
  baselineHours?: number;
  limit?: number;
  minCount?: number;
  /** End of the recent window (default now). */
  until?: string;
  bigrams?: boolean;
  /** Sampling caps (tests make them small; the API does not expose them). */
  caps?: { recent: number; baseline: number };
}

export interface TrendWindow {
  since: string;
  until: string;
  hours: number;
  /** Mentions in the window. */
  mentions: number;
  /** 1: every mention read; k > 1: one in k read and the counts multiplied by k. */
  sampledOneIn: number;
}

export interface TrendTerm {
  term: string;
  kind: 'word' | 'bigram' | 'hashtag';
  recent: number;
  baseline: number;
  expected: number;
  score: number;
  ratio: number;
  /** Up to three posts of the recent window holding the term, most engaged first. */
  samples: PostView[];
}

export interface TrendsReport {
  query: { id: string; name: string } | null;
  recent: TrendWindow;
  baseline: TrendWindow;
  minCount: number;
  formula: string;
  terms: TrendTerm[];
}

interface Tally {
  count: number;
  /** The most engaged posts holding the term, best first. */
  samples: { id: string; engagement: number; createdAt: string }[];
}

export async function trendsFor(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  options: TrendOptions,
): Promise<TrendsReport> {
  authorize(access.role, 'listening.read');
  return computeTrends(db, clock, access.workspaceId, options);
}

/** Without an access check: for the CLI and benchmarks. */
export async function computeTrends(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  options: TrendOptions,
): Promise<TrendsReport> {
  const recentHours = bounded('recentHours', options.recentHours ?? TREND_DEFAULTS.recentHours, 1, 24 * 31);
  const baselineHours = bounded(
    'baselineHours',
    options.baselineHours ?? TREND_DEFAULTS.baselineHours,
    1,
    24 * 366,
  );
  const limit = bounded('limit', options.limit ?? TREND_DEFAULTS.limit, 1, 100);
  const minCount = bounded('minCount', options.minCount ?? TREND_DEFAULTS.minCount, 1, 100_000);
  const query =
    options.query === undefined || options.query.trim() === ''
      ? null
      : await findQuery(db, workspaceId, options.query.trim());
  const until = parseInstant('until', options.until, clock.now());
  const split = hoursBefore(until, recentHours);
  const start = hoursBefore(split, baselineHours);
  const repo = insightsRepo(db);
  const queryId = query?.id ?? null;

  const window = async (since: Date, end: Date, hours: number, cap: number): Promise<TrendWindow> => {
    const mentions = await repo.countWindow(workspaceId, queryId, since.toISOString(), end.toISOString());
    return {
      since: since.toISOString(),
      until: end.toISOString(),
      hours,
      mentions,
      sampledOneIn: Math.max(1, Math.ceil(mentions / cap)),
    };
  };
  const recent = await window(split, until, recentHours, options.caps?.recent ?? MAX_RECENT_MENTIONS);
  const baseline = await window(start, split, baselineHours, options.caps?.baseline ?? MAX_BASELINE_MENTIONS);
  const scan = async (of: TrendWindow, visit: (row: WindowRow) => void): Promise<void> => {
    let after: WindowPosition | null = null;
    for (;;) {
      const page = await repo.scanWindow({
        workspaceId,
        queryId,
        since: of.since,
        until: of.until,
        sampleEvery: of.sampledOneIn,
        after,
        limit: PAGE,
      });
      page.rows.forEach(visit);
      if (page.rows.length < PAGE || page.last === null) {
        return;
      }
      after = page.last;
    }
  };

  const tallies = new Map<string, Tally>();
  await scan(recent, (row) => {
    for (const term of termsOf(row.text, { bigrams: options.bigrams ?? true })) {
      let tally = tallies.get(term);
      if (!tally) {
        tally = { count: 0, samples: [] };
        tallies.set(term, tally);
      }
      tally.count += 1;
      keepSample(tally, { id: row.id, engagement: row.engagement, createdAt: row.created_at });
    }
  });
  // Only terms frequent enough now can rise: the baseline is counted for those alone.
  const candidates = new Map<string, number>();
  for (const [term, tally] of tallies) {
    if (tally.count * recent.sampledOneIn >= minCount) {
      candidates.set(term, 0);
    }
  }
  if (candidates.size > 0) {
    await scan(baseline, (row) => {
      for (const term of termsOf(row.text, { bigrams: options.bigrams ?? true })) {
        const count = candidates.get(term);
        if (count !== undefined) {
          candidates.set(term, count + 1);
        }
      }
    });
  }

  const rising: Omit<TrendTerm, 'samples'>[] = [];
  for (const [term, baseCount] of candidates) {
    const recentCount = (tallies.get(term) as Tally).count * recent.sampledOneIn;
    const baselineCount = baseCount * baseline.sampledOneIn;
    const scored = scoreTerm(recentCount, baselineCount, recentHours, baselineHours);
    if (isRising(recentCount, scored.expected, minCount)) {
      rising.push({ term, kind: kindOf(term), recent: recentCount, baseline: baselineCount, ...scored });
    }
  }
  rising.sort((a, b) => b.score - a.score || b.recent - a.recent || a.term.localeCompare(b.term));
  const top = rising.slice(0, limit);
  const sampleIds = [
    ...new Set(top.flatMap((term) => (tallies.get(term.term) as Tally).samples.map((sample) => sample.id))),
  ];
  const posts = new Map(
    (await repo.postsByIds(workspaceId, sampleIds)).map((row) => [row.id, presentPost(row)]),
  );
  return {
    query: query ? { id: query.id, name: query.name } : null,
    recent,
    baseline,
    minCount,
    formula: SCORE_FORMULA,
    terms: top.map((term) => ({
      ...term,
      expected: round(term.expected),
      score: round(term.score),
      ratio: round(term.ratio),
      samples: (tallies.get(term.term) as Tally).samples.flatMap((sample) => posts.get(sample.id) ?? []),
    })),
  };
}

function keepSample(tally: Tally, sample: Tally['samples'][number]): void {
  const samples = tally.samples;
  const worst = samples[samples.length - 1];
  if (samples.length === SAMPLES && worst && !better(sample, worst)) {
    return;
  }
  samples.push(sample);
  samples.sort((a, b) => (better(a, b) ? -1 : 1));
  if (samples.length > SAMPLES) {
    samples.pop();
  }
}

/** More engaged, then newer, then by id. */
function better(a: Tally['samples'][number], b: Tally['samples'][number]): boolean {
  return a.engagement !== b.engagement
    ? a.engagement > b.engagement
    : a.createdAt !== b.createdAt
      ? a.createdAt > b.createdAt
      : a.id < b.id;
}

function kindOf(term: string): TrendTerm['kind'] {
  return term.startsWith('#') ? 'hashtag' : term.includes(' ') ? 'bigram' : 'word';
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function bounded(path: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

async function findQuery(
  db: Kysely<Database>,
  workspaceId: string,
  idOrName: string,
): Promise<{ id: string; name: string }> {
  const repo = queriesRepo(db);
  const found = (await repo.find(workspaceId, idOrName)) ?? (await repo.findByName(workspaceId, idOrName));
  if (!found) {
    throw invalid('query', `No saved query "${idOrName}" in this workspace`);
  }
  return { id: found.id, name: found.name };
}
