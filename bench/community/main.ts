/**
 * npm run bench:community [-- --data FOLDER] [--calibrate]
 *
 * Does the engagement score find the people who stay engaged? On a real community's full log
 * (../shared/datasets/stackexchange-history-meta: History Meta Stack Exchange, 2011–2023; user
 * contributions CC BY-SA 3.0/4.0, attribution: the Stack Exchange network and the post authors, via
 * the data dump copied from github.com/VanAnDuong/Text-analysis-for-the-History-Stack-Exchange):
 *
 *   1. the questions, answers and comments become activity rows (stackexchange.ts) and go through
 *      the generic activity import (importActivities) into a fresh SQLite database;
 *   2. for T = 1, 2, 3, 4 years before the last activity, every person is scored as of T
 *      (scoreWorkspace: activities before T only) and, over the members active before T, the
 *      Spearman correlation (average ranks for ties) of the score with their number of activities in
 *      [T, T + 12 months) is printed, next to the same figure for the naive count of past activity
 *      and for the plain Orbit love (weights 1, decay 0.9, no cap), with the overlap of the top 20s;
 *   3. lifetime: Spearman of the undecayed score with the badges each member earned.
 *
 * --calibrate prints the grid the default monthly cap was chosen on (T = 5, 6, 7 years only, so the
 * figures reported at T = 1–4 are not tuned on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { packageRoot } from '../../src/cli/package-root.js';
import { systemClock } from '../../src/core/clock.js';
import type { Database } from '../../src/db/schema.js';
import { openMigratedDatabase } from '../../src/db/open.js';
import { ACTIVITY_TYPES, type ActivityType } from '../../src/community/community.tables.js';
import { importActivities } from '../../src/community/import/activities.import.js';
import { engagementValue, type PersonFacts } from '../../src/community/scores/compute.js';
import { scoreWorkspace } from '../../src/community/scores/score-people.js';
import { loadFacts } from '../../src/community/scores/scores.repo.js';
import { DEFAULT_SCORING, type ScoringSettings } from '../../src/community/scores/settings.js';
import { spearman, topOverlap } from '../../src/community/scores/spearman.js';
import { readStackExchange, type ActivityLine } from './stackexchange.js';

const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
};
const DATA =
  valueOf('--data') ?? join(packageRoot(), '..', 'shared', 'datasets', 'stackexchange-history-meta');
const CALIBRATE = argv.includes('--calibrate');
const TOP = 20;

const allWeights = (weight: number): Record<ActivityType, number> =>
  Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, weight])) as Record<ActivityType, number>;
/** The plain Orbit love: every activity 1, 0.9 a month, no cap. */
const PLAIN_ORBIT: ScoringSettings = { ...DEFAULT_SCORING, weights: allWeights(1), monthlyCap: null };

const yearsBefore = (end: Date, years: number): Date => {
  const at = new Date(end);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at;
};

const f3 = (value: number): string => (Number.isNaN(value) ? '  n/a' : value.toFixed(3));

interface Window {
  years: number;
  asOf: Date;
  /** Members (SE ids) active before asOf, with their past and future activity counts. */
  past: Map<string, number>;
  future: Map<string, number>;
}

function windowAt(rows: readonly ActivityLine[], end: Date, years: number): Window {
  const asOf = yearsBefore(end, years);
  const until = yearsBefore(end, years - 1);
  const from = asOf.toISOString();
  const to = until.toISOString();
  const past = new Map<string, number>();
  const future = new Map<string, number>();
  for (const row of rows) {
    if (row.at < from) {
      past.set(row.person, (past.get(row.person) ?? 0) + 1);
    } else if (row.at < to) {
      future.set(row.person, (future.get(row.person) ?? 0) + 1);
    }
  }
  return { asOf, years, past, future };
}

/** ρ(score, future) and the top-20 overlap with the future, over the window's members. */
function judge(window: Window, score: ReadonlyMap<string, number>): { rho: number; overlap: number } {
  const members = [...window.past.keys()];
  const scored = new Map(members.map((member) => [member, score.get(member) ?? 0]));
  const future = new Map(members.map((member) => [member, window.future.get(member) ?? 0]));
  return {
    rho: spearman(
      members.map((member) => scored.get(member) ?? 0),
      members.map((member) => future.get(member) ?? 0),
    ),
    overlap: topOverlap(scored, future, TOP),
  };
}

async function engagementBySeId(
  db: Kysely<Database>,
  workspaceId: string,
  asOf: Date,
  settings: ScoringSettings,
  seIdOf: ReadonlyMap<string, string>,
): Promise<Map<string, number>> {
  const scores = await scoreWorkspace(db, workspaceId, { asOf, settings });
  const out = new Map<string, number>();
  for (const [personId, explained] of scores) {
    const seId = seIdOf.get(personId);
    if (seId !== undefined) {
      out.set(seId, explained.engagement.value);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-community-'));
  try {
    const data = await readStackExchange(DATA);
    const { rows } = data;
    const { db: opened } = await openMigratedDatabase({ kind: 'sqlite', path: join(dir, 'hearth.db') });
    const db = opened.kysely;
    const workspaceId = 'ws-bench';
    const now = new Date().toISOString();
    await db
      .insertInto('workspaces')
      .values({
        id: workspaceId,
        name: 'History Meta',
        time_zone: 'UTC',
        languages: '["en"]',
        named_things: '{}',
        voice_profile: '{}',
        approval_policy: 'none',
        created_at: now,
        updated_at: now,
      })
      .execute();

    async function* lines(): AsyncGenerator<string> {
      for (const row of rows) {
        yield JSON.stringify(row);
      }
    }
    const importStart = performance.now();
    const report = await importActivities(db, systemClock, workspaceId, lines());
    const importSeconds = (performance.now() - importStart) / 1000;
    if (report.refused.length > 0) {
      console.error(
        `refused rows: ${report.refused.length}, first: line ${report.refused[0]?.line}: ${report.refused[0]?.reason}`,
      );
    }

    const identities = await db
      .selectFrom('person_identities')
      .select(['person_id', 'account_key'])
      .where('workspace_id', '=', workspaceId)
      .where('network', '=', 'stackexchange')
      .execute();
    const seIdOf = new Map(identities.map((identity) => [identity.person_id, identity.account_key]));
    const last = rows[rows.length - 1];
    if (!last) {
      throw new Error(`no activity read from ${DATA}`);
    }
    const end = new Date(last.at);
    const counts = { question: 0, answer: 0, comment: 0 };
    for (const row of rows) {
      counts[row.type] += 1;
    }

    console.log(
      `\nCommunity engagement on History Meta Stack Exchange (${rows[0]?.at.slice(0, 10)} .. ${last.at.slice(0, 10)}; CC BY-SA, Stack Exchange data dump)`,
    );
    console.log(
      `import: ${report.read} rows (${counts.question} questions, ${counts.answer} answers, ${counts.comment} comments; ${data.skipped} skipped: Community user, deleted accounts, other post types) → ` +
        `${report.imported} activities, ${identities.length} people, in ${importSeconds.toFixed(2)} s (${Math.round(report.read / importSeconds)} rows/s)`,
    );
    const cap = DEFAULT_SCORING.monthlyCap;
    console.log(
      `Hearth engagement: Σ_months ${DEFAULT_SCORING.monthlyDecay}^m × min(Σ weights in month m, ${cap ?? '∞'}) (question/answer/comment weigh ${DEFAULT_SCORING.weights.answer})\n` +
        'plain Orbit: Σ 1 × 0.9^(months ago), no cap; naive: number of activities before T\n' +
        `Spearman ρ with each member's activities in [T, T + 12 months), over members active before T; top ${TOP}: |top ${TOP} by score ∩ top ${TOP} by future activity|\n`,
    );
    console.log(
      'T (years before end)  as of        members  ρ Hearth  ρ Orbit  ρ naive  top20 Hearth  top20 Orbit  top20 naive  scoring',
    );
    const reported = CALIBRATE ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4];
    for (const years of reported) {
      const window = windowAt(rows, end, years);
      const began = performance.now();
      const hearth = await engagementBySeId(db, workspaceId, window.asOf, DEFAULT_SCORING, seIdOf);
      const scoringMs = performance.now() - began;
      const orbit = await engagementBySeId(db, workspaceId, window.asOf, PLAIN_ORBIT, seIdOf);
      const h = judge(window, hearth);
      const o = judge(window, orbit);
      const n = judge(window, window.past);
      console.log(
        `${String(years).padStart(20)}  ${window.asOf.toISOString().slice(0, 10)}  ${String(window.past.size).padStart(7)}  ${f3(h.rho).padStart(8)}  ${f3(o.rho).padStart(7)}  ${f3(n.rho).padStart(7)}  ` +
          `${String(h.overlap).padStart(12)}  ${String(o.overlap).padStart(11)}  ${String(n.overlap).padStart(11)}  ${scoringMs.toFixed(0).padStart(5)} ms`,
      );
    }

    // Lifetime: the undecayed score against the badges each member earned.
    const after = new Date(end.getTime() + 1);
    const members = [...new Set(rows.map((row) => row.person))];
    const badges = members.map((member) => data.badges.get(member) ?? 0);
    const lifetime = async (settings: ScoringSettings): Promise<number> => {
      const score = await engagementBySeId(db, workspaceId, after, settings, seIdOf);
      return spearman(
        members.map((member) => score.get(member) ?? 0),
        badges,
      );
    };
    const activityCount = new Map<string, number>();
    for (const row of rows) {
      activityCount.set(row.person, (activityCount.get(row.person) ?? 0) + 1);
    }
    console.log(
      `\nlifetime, ${members.length} members: Spearman with badges earned — Hearth undecayed (decay 1, cap ${cap ?? '∞'}): ${f3(await lifetime({ ...DEFAULT_SCORING, monthlyDecay: 1 }))}; ` +
        `plain count: ${f3(
          spearman(
            members.map((member) => activityCount.get(member) ?? 0),
            badges,
          ),
        )}`,
    );

    if (CALIBRATE) {
      await calibrate(db, workspaceId, rows, end, seIdOf);
    }
    await opened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The grid the default cap was chosen on: T = 5, 6, 7 years before the end only. */
async function calibrate(
  db: Kysely<Database>,
  workspaceId: string,
  rows: readonly ActivityLine[],
  end: Date,
  seIdOf: ReadonlyMap<string, string>,
): Promise<void> {
  const variants: { name: string; settings: ScoringSettings }[] = [];
  const presets: { name: string; weights: Record<ActivityType, number> }[] = [
    { name: 'defaults (q/a/c 3)', weights: DEFAULT_SCORING.weights },
    { name: 'all 1', weights: allWeights(1) },
    { name: 'q 2, a 2, c 1', weights: { ...allWeights(1), question: 2, answer: 2, comment: 1 } },
  ];
  for (const preset of presets) {
    for (const decay of [0.85, 0.9, 0.95]) {
      for (const capInUnits of [1, 2, 3, 4, 6, null]) {
        const unit = preset.weights.comment;
        variants.push({
          name: `${preset.name.padEnd(20)} decay ${decay}  cap ${capInUnits === null ? 'none' : `${capInUnits} comment${capInUnits === 1 ? '' : 's'}`}`,
          settings: {
            ...DEFAULT_SCORING,
            weights: preset.weights,
            monthlyDecay: decay,
            monthlyCap: capInUnits === null ? null : capInUnits * unit,
          },
        });
      }
    }
  }
  const windows = [5, 6, 7].map((years) => windowAt(rows, end, years));
  const facts = await Promise.all(windows.map((window) => loadFacts(db, workspaceId, window.asOf)));
  console.log('\ncalibration (T = 5, 6, 7 years before the end): ρ with the next 12 months');
  const results = variants.map((variant) => {
    const rhos = windows.map((window, index) => {
      const score = new Map<string, number>();
      for (const [personId, personFacts] of facts[index] ?? new Map<string, PersonFacts>()) {
        const seId = seIdOf.get(personId);
        if (seId !== undefined) {
          score.set(seId, engagementValue(personFacts.months, variant.settings));
        }
      }
      return judge(window, score).rho;
    });
    return { name: variant.name, rhos, mean: rhos.reduce((sum, rho) => sum + rho, 0) / rhos.length };
  });
  for (const result of results) {
    console.log(`${result.name.padEnd(52)} ${result.rhos.map(f3).join('  ')}   mean ${f3(result.mean)}`);
  }
  const best = [...results].sort((a, b) => b.mean - a.mean)[0];
  console.log(`best mean: ${best?.name ?? ''} (${f3(best?.mean ?? Number.NaN)})`);
}

await main();
