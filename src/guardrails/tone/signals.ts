/** What the analysis models say about a reply and the message it answers. */
import type { Analyzer } from '../../analysis/analyzer.js';
import type { CheckLanguage } from '../types.js';

export interface SentimentScores {
  negative: number;
  neutral: number;
  positive: number;
}

export interface ToneSignals {
  replySentiment: SentimentScores;
  /** Probability that the reply is offensive, in [0, 1]. */
  replyOffensive: number;
  /** The model's own decision at its per-language threshold; when absent, `replyOffensive` is compared with a default threshold. */
  replyOffensiveFlagged?: boolean;
  originalSentiment?: SentimentScores;
}

/** Runs the analyzer on the reply (and the original, when there is one) to get the tone signals. */
export function toneSignalsFrom(
  analyzer: Analyzer,
  reply: string,
  original?: string,
  language?: CheckLanguage,
): ToneSignals {
  const options = language === undefined ? {} : { language };
  const analysis = analyzer.analyze(reply, options);
  const signals: ToneSignals = {
    replySentiment: analysis.sentiment.scores,
    replyOffensive: analysis.offensive.score,
    replyOffensiveFlagged: analysis.offensive.label === 'offensive',
  };
  if (original !== undefined && original.trim() !== '') {
    signals.originalSentiment = analyzer.analyze(original, options).sentiment.scores;
  }
  return signals;
}
