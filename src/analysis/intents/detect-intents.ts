/**
 * Intent detection: which of question, complaint, praise, purchase_intent, feature_request and
 * support_request a text expresses, each with a probability. Rules and lexicons (fr, en; es, de,
 * it, pt lighter) plus the sentiment model's scores, combined by a hand-weighted logistic per label
 * (weights.ts). Pure and deterministic; regexes are compiled once at module load.
 */
import { INTENT_LABELS } from '../types.js';
import type { IntentLabel, Scored } from '../types.js';
import { extractIntentFeatures } from './features.js';
import type { IntentFeatureName, IntentFeatures, SentimentScores } from './features.js';
import { normalizeForIntents } from './normalize-for-intents.js';
import { INTENT_THRESHOLDS, INTENT_WEIGHTS } from './weights.js';

export interface IntentInput {
  text: string;
  /** ISO 639-1 code, or `und`. */
  language: string;
  sentiment: SentimentScores;
}

type Term = readonly [IntentFeatureName, number];
// Flattened once so scoring a text allocates nothing per label.
const TERMS = {} as Record<IntentLabel, readonly Term[]>;
for (const label of INTENT_LABELS) {
  TERMS[label] = Object.entries(INTENT_WEIGHTS[label].weights) as Term[];
}

/** Every label's probability, thresholds not applied (for evaluation and threshold studies). */
export function scoreIntents(input: IntentInput): Record<IntentLabel, number> {
  const features = extractIntentFeatures(normalizeForIntents(input.text), input.language, input.sentiment);
  return scoreFeatures(features);
}

/** The labels whose probability reaches their threshold, highest first; may be empty. */
export function detectIntents(input: IntentInput): Scored<IntentLabel>[] {
  const scores = scoreIntents(input);
  const found: Scored<IntentLabel>[] = [];
  for (const label of INTENT_LABELS) {
    if (scores[label] >= INTENT_THRESHOLDS[label]) {
      found.push({ label, score: scores[label] });
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

function scoreFeatures(features: IntentFeatures): Record<IntentLabel, number> {
  const scores = {} as Record<IntentLabel, number>;
  for (const label of INTENT_LABELS) {
    let logit = INTENT_WEIGHTS[label].bias;
    for (const [name, weight] of TERMS[label]) {
      logit += weight * features[name];
    }
    // Four decimals: stable JSON across platforms, and finer than any threshold needs.
    scores[label] = Math.round(10_000 / (1 + Math.exp(-logit))) / 10_000;
  }
  return scores;
}
