/**
 * Validation figures of the SHIPPED models, computed from the model files. Used by the training
 * script (for the model cards) and reusable by the benchmark: `evaluateModels(dataDir, models)`.
 * Run: `npx tsx scripts/train/evaluate.ts [--data DIR] [--models DIR]`.
 */
import { pathToFileURL } from 'node:url';
import { gateSpamScore } from '../../src/analysis/classifiers/spam-cues.js';
import { classify, loadModels, type ModelSet } from '../../src/analysis/classifiers/index.js';
import { readMlmaHate, readTweetEval, readUmsab, readYoutubeSpam, UMSAB_LANGUAGES } from '../../src/analysis/datasets/datasets.js';
import { extractFeatures } from '../../src/analysis/model/features.js';
import { probabilities, thresholdFor } from '../../src/analysis/model/linear.js';
import { accuracy, argmax, confusion, expectedCalibrationError, macroF1, macroRecall, perClass } from '../../src/analysis/model/metrics.js';
import { normalizeForModel } from '../../src/analysis/text/normalize.js';
import { parseArgs } from './args.js';
import { isMlmaTrainRow } from './offensive.js';
import { ordinaryTexts, trainSpamOn } from './spam.js';

const pct = (x: number): number => Math.round(x * 1000) / 10;
const features = (text: string): ReturnType<typeof extractFeatures> => extractFeatures(normalizeForModel(text));

export interface Figures {
  sentiment: {
    tweetEvalVal: { macroRecall: number; macroF1: number; accuracy: number; ece: number; n: number };
    umsabValMacroF1: Record<string, number>;
    umsabValEce: Record<string, number>;
  };
  offensive: {
    tweetEvalVal: { macroF1: number; offensiveF1: number; ece: number; threshold: number; frenchThreshold: number; n: number };
    mlmaFrRecall: { recall: number; n: number; flaggedNormal: number; nNormal: number };
    umsabFrenchValFlagged: number;
  };
  spam: {
    leaveOneVideoOut: { spamF1: number; perVideo: Record<string, number> };
    unseenVideos: { spamF1: number; n: number } | null;
  };
  throughputPerSecond: number;
}

function sentimentFigures(dir: string, models: ModelSet): Figures['sentiment'] {
  const val = readTweetEval(dir, 'sentiment', 'val');
  const probs = val.texts.map((t) => probabilities(models.sentiment, features(t)));
  const pred = probs.map((p) => argmax(p));
  const umsabValMacroF1: Record<string, number> = {};
  const umsabValEce: Record<string, number> = {};
  for (const lang of Object.keys(UMSAB_LANGUAGES)) {
    const u = readUmsab(dir, lang, 'val');
    const p = u.texts.map((t) => probabilities(models.sentiment, features(t)));
    umsabValMacroF1[lang] = pct(macroF1(u.labels, p.map((q) => argmax(q)), 3));
    umsabValEce[lang] = Math.round(expectedCalibrationError(u.labels, p) * 1000) / 1000;
  }
  return {
    tweetEvalVal: {
      macroRecall: pct(macroRecall(val.labels, pred, 3)),
      macroF1: pct(macroF1(val.labels, pred, 3)),
      accuracy: pct(accuracy(val.labels, pred)),
      ece: Math.round(expectedCalibrationError(val.labels, probs) * 1000) / 1000,
      n: val.texts.length,
    },
    umsabValMacroF1,
    umsabValEce,
  };
}

function offensiveFigures(dir: string, models: ModelSet): Figures['offensive'] {
  const head = models.offensive;
  // The French sets are judged with the head's French decision threshold, as `classify` does.
  const isOffensive = (text: string): boolean => (probabilities(head, features(text))[1] ?? 0) >= thresholdFor(head, 'fr');
  const val = readTweetEval(dir, 'offensive', 'val');
  const probs = val.texts.map((t) => probabilities(head, features(t)));
  const pred = probs.map((p) => ((p[1] ?? 0) >= thresholdFor(head, 'en') ? 1 : 0));
  const mlma = readMlmaHate(dir, 'fr').filter((_, i) => !isMlmaTrainRow(i));
  const hostile = mlma.filter((t) => t.offensive);
  const normal = mlma.filter((t) => t.hostility.length === 1 && t.hostility[0] === 'normal');
  const frenchVal = readUmsab(dir, 'fr', 'val').texts;
  return {
    tweetEvalVal: {
      macroF1: pct(macroF1(val.labels, pred, 2)),
      offensiveF1: pct(perClass(confusion(val.labels, pred, 2))[1]?.f1 ?? 0),
      ece: Math.round(expectedCalibrationError(val.labels, probs) * 1000) / 1000,
      threshold: head.threshold,
      frenchThreshold: thresholdFor(head, 'fr'),
      n: val.texts.length,
    },
    mlmaFrRecall: {
      recall: pct(hostile.filter((t) => isOffensive(t.text)).length / Math.max(1, hostile.length)),
      n: hostile.length,
      flaggedNormal: pct(normal.filter((t) => isOffensive(t.text)).length / Math.max(1, normal.length)),
      nNormal: normal.length,
    },
    umsabFrenchValFlagged: pct(frenchVal.filter(isOffensive).length / Math.max(1, frenchVal.length)),
  };
}

function spamF1(truth: number[], predicted: number[]): number {
  return Math.round((perClass(confusion(truth, predicted, 2))[1]?.f1 ?? 0) * 1000) / 1000;
}

function spamFigures(dir: string, models: ModelSet): Figures['spam'] {
  const comments = readYoutubeSpam(dir);
  const trained = new Set(Array.isArray(models.spam.meta.videos) ? (models.spam.meta.videos as string[]) : []);
  const videos = [...new Set(comments.map((c) => c.video))].filter((v) => trained.has(v));
  const truth: number[] = [];
  const predicted: number[] = [];
  const perVideo: Record<string, number> = {};
  const ordinary = ordinaryTexts(dir);
  // Retrains with the shipped options on all but one video, since the shipped head saw them all.
  for (const video of videos) {
    const { head } = trainSpamOn(
      comments.filter((c) => c.video !== video && trained.has(c.video)),
      ordinary,
      {},
    );
    const test = comments.filter((c) => c.video === video);
    const p = test.map((c) => (gateSpamScore(probabilities(head, features(c.text))[1] ?? 0, c.text) >= head.threshold ? 1 : 0));
    perVideo[video] = spamF1(test.map((c) => c.label), p);
    truth.push(...test.map((c) => c.label));
    predicted.push(...p);
  }
  const unseen = comments.filter((c) => !trained.has(c.video));
  const unseenPred = unseen.map((c) =>
    gateSpamScore(probabilities(models.spam, features(c.text))[1] ?? 0, c.text) >= models.spam.threshold ? 1 : 0,
  );
  return {
    leaveOneVideoOut: { spamF1: spamF1(truth, predicted), perVideo },
    unseenVideos: unseen.length > 0 ? { spamF1: spamF1(unseen.map((c) => c.label), unseenPred), n: unseen.length } : null,
  };
}

/** Texts per second, one thread: normalise + features + the three heads. */
export function measureThroughput(models: ModelSet, texts: string[], rounds = 3): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) {
      classify(models, extractFeatures(normalizeForModel(t)), 'und', t);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, texts.length / seconds);
  }
  return Math.round(best);
}

/** Every validation figure of the given models on the datasets folder `dir`. */
export function evaluateModels(dir: string, models: ModelSet): Figures {
  return {
    sentiment: sentimentFigures(dir, models),
    offensive: offensiveFigures(dir, models),
    spam: spamFigures(dir, models),
    throughputPerSecond: measureThroughput(models, readTweetEval(dir, 'sentiment', 'val').texts),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const models = loadModels(args.models);
  const loadMs = Math.round(performance.now() - started);
  console.log(JSON.stringify({ version: models.version, loadMs, ...evaluateModels(args.data, models) }, null, 2));
}
