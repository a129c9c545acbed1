/**
 * A workspace's scoring settings (community_settings.scoring, JSON): how much each kind of activity
 * weighs in the engagement score, how fast it fades, how much one month may count at most, and the
 * engagement values the levels start at. Defaults until a user sets them; a stored value is read
 * leniently (missing keys take the default), a value a user sends is validated strictly.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { ACTIVITY_TYPES, type ActivityType } from '../community.tables.js';

export interface ScoringSettings {
  /** Weight of one activity of each type in the engagement score. */
  weights: Record<ActivityType, number>;
  /** Each whole month (30.4375 days) before the scoring instant multiplies an activity's weight by this. */
  monthlyDecay: number;
  /** The most one month's weighted activities count for (null: no cap, the plain Orbit "love"). */
  monthlyCap: number | null;
  /** The engagement value each level starts at (below `participating`: exploring). */
  levels: { participating: number; contributing: number; leading: number };
}

/**
 * The defaults. Talking (a reply, an answer, a comment, a quote, a mention, a message, a question)
 * weighs 3; a repost, a follow or a post of their own 2; a like 1.
 *
 * The monthly cap of 3 — one substantive interaction fills a month — was chosen on the Stack Exchange
 * benchmark (bench/community, calibrated at T = 5, 6 and 7 years before the end of the log only):
 * what predicts who stays engaged is in how many months someone showed up, far more than how much they
 * wrote in their busiest month (see bench/community/README.md for the figures).
 *
 * Levels, with the cap of 3: a month with one interaction is worth 3 then, 2.7 a month later, 1.05
 * after 10 months; someone who shows up every month reaches 3 × (1 − 0.9^12) / 0.1 ≈ 21.5 after a year
 * (30 at most). Participating: at least one interaction of this month's worth (≥ 3); contributing:
 * roughly active one month in two over the last year (≥ 10); leading: active nearly every month (≥ 20).
 */
export const DEFAULT_SCORING: ScoringSettings = {
  weights: {
    mention: 3,
    reply: 3,
    quote: 3,
    comment: 3,
    message: 3,
    question: 3,
    answer: 3,
    post: 2,
    repost: 2,
    follow: 2,
    like: 1,
  },
  monthlyDecay: 0.9,
  monthlyCap: 3,
  levels: { participating: 3, contributing: 10, leading: 20 },
};

const weight = z.number().min(0).max(1000);

/** What a user may send (PUT /scoring): every field, checked. */
export const scoringSettingsSchema = z
  .object({
    weights: z
      .object(
        Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, weight])) as Record<
          ActivityType,
          typeof weight
        >,
      )
      .strict(),
    monthlyDecay: z
      .number()
      .gt(0)
      .max(1)
      .describe('per whole month before the scoring instant; 1 = no decay'),
    monthlyCap: z.number().gt(0).max(100_000).nullable().describe('null = no cap (plain Orbit love)'),
    levels: z
      .object({
        participating: z.number().min(0).max(1_000_000),
        contributing: z.number().min(0).max(1_000_000),
        leading: z.number().min(0).max(1_000_000),
      })
      .strict()
      .refine(
        (levels) => levels.participating < levels.contributing && levels.contributing < levels.leading,
        {
          message: 'levels must increase: participating < contributing < leading',
        },
      ),
  })
  .strict();

/** A stored value, read leniently: anything missing or out of range takes the default. */
export function parseStoredScoring(json: string | null | undefined): ScoringSettings {
  if (!json) {
    return DEFAULT_SCORING;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SCORING;
  }
  const stored =
    typeof raw === 'object' && raw !== null ? (raw as Partial<Record<keyof ScoringSettings, unknown>>) : {};
  const storedWeights =
    typeof stored.weights === 'object' && stored.weights !== null
      ? (stored.weights as Record<string, unknown>)
      : {};
  const weights = Object.fromEntries(
    ACTIVITY_TYPES.map((type) => {
      const parsed = weight.safeParse(storedWeights[type]);
      return [type, parsed.success ? parsed.data : DEFAULT_SCORING.weights[type]];
    }),
  ) as Record<ActivityType, number>;
  const candidate = {
    weights,
    monthlyDecay: stored.monthlyDecay ?? DEFAULT_SCORING.monthlyDecay,
    monthlyCap: stored.monthlyCap === undefined ? DEFAULT_SCORING.monthlyCap : stored.monthlyCap,
    levels: stored.levels ?? DEFAULT_SCORING.levels,
  };
  const parsed = scoringSettingsSchema.safeParse(candidate);
  if (parsed.success) {
    return parsed.data;
  }
  // Keep what is valid, field by field.
  const field = <K extends keyof ScoringSettings>(key: K): ScoringSettings[K] => {
    const one = scoringSettingsSchema.shape[key].safeParse(candidate[key]);
    return one.success ? (one.data as ScoringSettings[K]) : DEFAULT_SCORING[key];
  };
  return {
    weights,
    monthlyDecay: field('monthlyDecay'),
    monthlyCap: field('monthlyCap'),
    levels: field('levels'),
  };
}

/** The workspace's scoring settings, defaults filled in. */
export async function loadScoringSettings(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ScoringSettings> {
  const row = await db
    .selectFrom('community_settings')
    .select('scoring')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return parseStoredScoring(row?.scoring);
}
