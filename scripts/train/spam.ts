/**
 * Spam head: YouTube Spam Collection (3 videos here; the AUTHOR column is never read), plus
 * ordinary tweets as legitimate text: YouTube's legitimate comments all talk about one song, so
 * without them anything off that topic ("have a nice weekend everyone") looks like spam.
 */
import { readTweetEval, readUmsab, readYoutubeSpam, type SpamComment } from '../../src/analysis/datasets/datasets.js';
import { fitHead, featurise, holdOut, SEED, type Fitted } from './common.js';

export const SPAM_LABELS = ['not_spam', 'spam'];
export const SPAM_OPTIONS = { bits: 18, epochs: 10, learningRate: 0.2, nbAlpha: 1, seed: SEED };

/**
 * Total weight of the ordinary texts, relative to the comments'. Zero since the cue gate
 * (src/analysis/classifiers/spam-cues.ts) keeps friendly one-liners out of spam: leave-one-video-out
 * F1 went from 0.902 (share 0.1, gated) to 0.925 (share 0, gated) at threshold 0.5.
 */
export const ORDINARY_SHARE = 0;
/** How many ordinary tweets per language: TweetEval sentiment (en) and UMSAB fr/es/de/it/pt. */
const ORDINARY_PER_LANGUAGE = 600;

/** Ordinary tweets, taken as legitimate (non-spam) text: every k-th, for a fixed sample. */
export function ordinaryTexts(dir: string): string[] {
  const sample = (texts: string[]): string[] => texts.filter((_, i) => i % Math.floor(texts.length / ORDINARY_PER_LANGUAGE) === 0);
  const out = sample(readTweetEval(dir, 'sentiment', 'train').texts);
  for (const lang of ['fr', 'es', 'de', 'it', 'pt']) {
    out.push(...sample(readUmsab(dir, lang, 'train').texts));
  }
  return out;
}

/** Trains a spam head on the given comments plus ordinary texts (legitimate). */
export function trainSpamOn(comments: SpamComment[], ordinary: string[], meta: Record<string, unknown>): Fitted {
  const x = featurise([...comments.map((c) => c.text), ...ordinary]);
  const y = [...comments.map((c) => c.label), ...ordinary.map(() => 0)];
  const ordinaryWeight = (ORDINARY_SHARE * comments.length) / Math.max(1, ordinary.length);
  const weights = Float32Array.from(y, (_, i) => (i < comments.length ? 1 : ordinaryWeight));
  const { train, held } = holdOut(x.length, 0.2, SEED);
  // Threshold and calibration are fitted on held-out comments only: spam is judged among comments.
  const heldComments = held.filter((i) => i < comments.length);
  return fitHead('spam', SPAM_LABELS, x, y, train, heldComments, { ...SPAM_OPTIONS, classWeights: [1, 1], sampleWeightsAll: weights }, meta);
}

/** Trains the shipped spam head on every video in `dir`. */
export function trainSpam(dir: string, meta: Record<string, unknown>): Fitted & { trainedOn: Record<string, number> } {
  const comments = readYoutubeSpam(dir);
  const ordinary = ordinaryTexts(dir);
  const videos = [...new Set(comments.map((c) => c.video))];
  const trainedOn = {
    [`youtube-spam (${videos.join(', ')})`]: comments.length,
    'ordinary tweets as legitimate (tweeteval/sentiment train, umsab fr/es/de/it/pt train; fixed sample)': ordinary.length,
  };
  return { ...trainSpamOn(comments, ordinary, { ...meta, trainedOn, videos }), trainedOn };
}
