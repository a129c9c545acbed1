/**
 * The trained text classifiers — sentiment, offensive, spam — as linear heads over ONE shared
 * feature vector per text: normalise once, `extractFeatures` once, then `classify`.
 */
import { gateSpamScore } from './spam-cues.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_VERSION, type FeatureVector } from '../model/features.js';
import { probabilities, thresholdFor, type LinearHead } from '../model/linear.js';
import { decodeHead } from '../model/model-file.js';
import { defaultModelsDir } from '../model/models-dir.js';
import type { SentimentLabel } from '../types.js';

export interface ModelSet {
  /** Version shared by the three heads, e.g. "2026.11.1". */
  version: string;
  sentiment: LinearHead;
  offensive: LinearHead;
  spam: LinearHead;
}

export interface Classification {
  sentiment: { label: SentimentLabel; scores: Record<SentimentLabel, number> };
  offensive: { label: 'offensive' | 'not_offensive'; score: number };
  spam: { label: 'spam' | 'not_spam'; score: number };
}

export const MODEL_FILES = { sentiment: 'sentiment.bin', offensive: 'offensive.bin', spam: 'spam.bin' } as const;

/** Reads and checks one head file. */
export function loadHead(path: string): LinearHead {
  const head = decodeHead(readFileSync(path));
  if (head.meta.featureVersion !== FEATURE_VERSION) {
    throw new Error(`${path}: trained on features v${String(head.meta.featureVersion)}, this code extracts v${FEATURE_VERSION}`);
  }
  return head;
}

/** Loads the three heads, synchronously, from `dir` (default: the package's `models/`). */
export function loadModels(dir: string = defaultModelsDir()): ModelSet {
  const sentiment = loadHead(join(dir, MODEL_FILES.sentiment));
  const offensive = loadHead(join(dir, MODEL_FILES.offensive));
  const spam = loadHead(join(dir, MODEL_FILES.spam));
  const versions = new Set([sentiment, offensive, spam].map((h) => String(h.meta.version)));
  if (versions.size !== 1) {
    throw new Error(`Model files in ${dir} come from different trainings: ${[...versions].join(', ')}`);
  }
  return { version: [...versions][0] ?? 'unknown', sentiment, offensive, spam };
}

/**
 * Classifies one text from its features and its original text (for the spam cue gate).
 * `language` (ISO 639-1 or 'und') picks the offensive head's per-language decision threshold where
 * it has one (French); the scores themselves do not depend on it.
 */
export function classify(models: ModelSet, features: FeatureVector, language: string, text: string): Classification {
  const [negative = 0, neutral = 0, positive = 0] = probabilities(models.sentiment, features);
  const label: SentimentLabel = negative >= neutral && negative >= positive ? 'negative' : positive > neutral ? 'positive' : 'neutral';
  const offensive = probabilities(models.offensive, features)[1] ?? 0;
  const spam = gateSpamScore(probabilities(models.spam, features)[1] ?? 0, text);
  return {
    sentiment: { label, scores: { negative, neutral, positive } },
    offensive: { label: offensive >= thresholdFor(models.offensive, language) ? 'offensive' : 'not_offensive', score: offensive },
    spam: { label: spam >= models.spam.threshold ? 'spam' : 'not_spam', score: spam },
  };
}
