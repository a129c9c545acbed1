/**
 * Sentiment head: TweetEval sentiment train (en) + UMSAB train of every language but English
 * (UMSAB English overlaps TweetEval val), with any text also found in a validation split removed.
 */
import { readTweetEval, readUmsab, UMSAB_LANGUAGES, type UmsabLanguage } from '../../src/analysis/datasets/datasets.js';
import { fitHead, featurise, holdOut, SEED, type Fitted } from './common.js';
import { dedupeKey } from './dedupe.js';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'];
export const SENTIMENT_OPTIONS = { bits: 18, epochs: 5, learningRate: 0.2, nbAlpha: 1, seed: SEED };

/** Trains the sentiment head from the datasets folder `dir`. */
export function trainSentiment(dir: string, meta: Record<string, unknown>): Fitted & { trainedOn: Record<string, number> } {
  const validation = new Set<string>();
  readTweetEval(dir, 'sentiment', 'val').texts.forEach((t) => validation.add(dedupeKey(t)));
  for (const lang of Object.keys(UMSAB_LANGUAGES)) {
    readUmsab(dir, lang, 'val').texts.forEach((t) => validation.add(dedupeKey(t)));
  }
  const texts: string[] = [];
  const labels: number[] = [];
  const trainedOn: Record<string, number> = {};
  const add = (source: string, data: { texts: string[]; labels: number[] }): void => {
    let kept = 0;
    data.texts.forEach((t, i) => {
      if (!validation.has(dedupeKey(t))) {
        texts.push(t);
        labels.push(data.labels[i] ?? 1);
        kept++;
      }
    });
    trainedOn[source] = kept;
  };
  add('tweeteval/sentiment train', readTweetEval(dir, 'sentiment', 'train'));
  for (const lang of Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]) {
    if (lang !== 'en') {
      add(`umsab/${UMSAB_LANGUAGES[lang]} train`, readUmsab(dir, lang, 'train'));
    }
  }
  const x = featurise(texts);
  const { train, held } = holdOut(x.length, 0.1, SEED);
  const fitted = fitHead('sentiment', SENTIMENT_LABELS, x, labels, train, held, SENTIMENT_OPTIONS, { ...meta, trainedOn });
  return { ...fitted, trainedOn };
}
