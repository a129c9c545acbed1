/**
 * The lexicon packages a user would reach for, as one score per text (higher = more positive), so
 * the benchmark can compare them with Hearth's models on the same texts. None ships types: each is
 * loaded through createRequire and given the narrow shape the benchmark uses.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Lexicon {
  name: string;
  /** Languages the package claims; UMSAB French is run only where 'fr' is listed. */
  languages: string[];
  score(text: string, language: string): number;
}

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}
type AfinnConstructor = new () => { analyze(text: string): { comparative: number } };
type WinkSentiment = (text: string) => { normalizedScore: number };
type MultilangSentiment = (text: string, language: string) => { comparative: number };

export function loadLexicons(): Lexicon[] {
  const vader = require('vader-sentiment') as VaderModule;
  const Afinn = require('sentiment') as AfinnConstructor;
  const afinn = new Afinn();
  const wink = require('wink-sentiment') as WinkSentiment;
  const multilang = require('multilang-sentiment') as MultilangSentiment;
  return [
    { name: 'vader-sentiment', languages: ['en'], score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound },
    { name: 'sentiment (AFINN)', languages: ['en'], score: (text) => afinn.analyze(text).comparative },
    { name: 'wink-sentiment', languages: ['en'], score: (text) => wink(text).normalizedScore },
    {
      name: 'multilang-sentiment',
      languages: ['en', 'fr', 'es', 'de', 'it', 'pt', 'ar', 'hi'],
      score: (text, language) => multilang(text, language).comparative,
    },
  ];
}

/**
 * Two thresholds turning a score into negative (0) / neutral (1) / positive (2), chosen on training
 * texts to maximise the given metric: the fairest use of a lexicon on a 3-class task.
 */
export function tuneThresholds(
  scores: number[],
  labels: number[],
  metric: (truth: number[], predicted: number[]) => number,
): { low: number; high: number } {
  const candidates = [...new Set(scores.map((s) => Math.round(s * 100) / 100))].sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(candidates.length / 60));
  const grid = candidates.filter((_, i) => i % step === 0);
  let best = { low: 0, high: 0, value: -1 };
  for (const low of grid) {
    for (const high of grid) {
      if (high < low) {
        continue;
      }
      const value = metric(labels, applyThresholds(scores, { low, high }));
      if (value > best.value) {
        best = { low, high, value };
      }
    }
  }
  return { low: best.low, high: best.high };
}

export function applyThresholds(scores: number[], thresholds: { low: number; high: number }): number[] {
  return scores.map((s) => (s < thresholds.low ? 0 : s > thresholds.high ? 2 : 1));
}
