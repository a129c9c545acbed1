/**
 * How every score explains itself: its value, the formula in words, and the parts that made it for
 * this person. Stored as JSON in people.scores, returned by the API and the CLI as they are.
 */
import { z } from 'zod';
import { ENGAGEMENT_LEVELS } from '../community.tables.js';

export const scorePart = z.object({
  /** What the part is, in words ("3 replies, weight 3, decayed"). */
  label: z.string(),
  value: z.number(),
});

export const scoreExplanation = z.object({
  value: z.number(),
  /** The formula, written out. */
  formula: z.string(),
  parts: z.array(scorePart),
  /** Reasons in words (ambassador: why ranked or why excluded). */
  reasons: z.array(z.string()),
});

export const scoreExplanations = z.object({
  /** The instant the scores were computed as of: only activities before it count. */
  asOf: z.string(),
  engagement: scoreExplanation.extend({ level: z.enum(ENGAGEMENT_LEVELS) }),
  reach: scoreExplanation,
  ambassador: scoreExplanation.extend({ eligible: z.boolean() }),
  influencer: scoreExplanation,
});

export type ScorePart = z.infer<typeof scorePart>;
export type ScoreExplanation = z.infer<typeof scoreExplanation>;
export type ScoreExplanations = z.infer<typeof scoreExplanations>;
