/**
 * A stand-in sentiment for evaluation when the caller has no sentiment model to pass: VADER
 * (English lexicon, a devDependency). The facade passes the trained model's scores instead.
 */
import { createRequire } from 'node:module';
import type { SentimentScores } from '../../src/analysis/intents/features.js';

interface Vader {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as Vader;

/** VADER's compound score in [-1, 1] spread over negative / neutral / positive. */
export function vaderSentiment(text: string): SentimentScores {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  const negative = Math.max(0, -compound);
  const positive = Math.max(0, compound);
  return { negative, neutral: 1 - negative - positive, positive };
}
