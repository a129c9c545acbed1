/** Shared steps of the training scripts: featurise, hold out, train, calibrate, quantise. */
import { fitPlatt, fitTemperature, fitThreshold } from '../../src/analysis/model/calibrate.js';
import { extractFeatures, type FeatureVector } from '../../src/analysis/model/features.js';
import { calibrate, type LinearHead } from '../../src/analysis/model/linear.js';
import { quantize } from '../../src/analysis/model/quantize.js';
import { seededRandom } from '../../src/analysis/model/random.js';
import { floatLogits, trainLinear, type FloatHead, type TrainOptions } from '../../src/analysis/model/train.js';
import { normalizeForModel } from '../../src/analysis/text/normalize.js';

export const SEED = 20261125;

export function featurise(texts: string[]): FeatureVector[] {
  return texts.map((t) => extractFeatures(normalizeForModel(t)));
}

/** A seeded split of 0..n-1: `fraction` of the indices held out (for calibration and thresholds). */
export function holdOut(n: number, fraction: number, seed: number): { train: number[]; held: number[] } {
  const random = seededRandom(seed);
  const train: number[] = [];
  const held: number[] = [];
  for (let i = 0; i < n; i++) {
    (random() < fraction ? held : train).push(i);
  }
  return { train, held };
}

export interface Fitted {
  head: LinearHead;
  float: FloatHead;
}

/**
 * Trains on `trainIdx`, fits calibration (and a threshold for binary heads) on `heldIdx`, then
 * quantises. The held-out part stays out of the weights so that calibration sees honest scores.
 */
export function fitHead(
  name: string,
  labelsNames: string[],
  x: FeatureVector[],
  y: number[],
  trainIdx: number[],
  heldIdx: number[],
  options: Omit<TrainOptions, 'classes'> & { sampleWeightsAll?: Float32Array },
  meta: Record<string, unknown>,
): Fitted {
  const classes = labelsNames.length;
  const sampleWeights = options.sampleWeightsAll ? Float32Array.from(trainIdx, (i) => options.sampleWeightsAll?.[i] ?? 1) : undefined;
  const float = trainLinear(
    trainIdx.map((i) => x[i] as FeatureVector),
    trainIdx.map((i) => y[i] ?? 0),
    { ...options, classes, ...(sampleWeights ? { sampleWeights } : {}) },
  );
  const q = quantize(float.weights);
  const heldRaw = heldIdx.map((i) => floatLogits(float, x[i] as FeatureVector));
  const heldY = heldIdx.map((i) => y[i] ?? 0);
  const calibration = classes === 2 ? fitPlatt(heldRaw, heldY) : fitTemperature(heldRaw, heldY);
  const threshold = classes === 2 ? fitThreshold(heldRaw.map((z) => calibrate(calibration, z)[1] ?? 0), heldY) : 0.5;
  const head: LinearHead = {
    name,
    labels: labelsNames,
    outputs: float.outputs,
    bits: float.bits,
    weights: q.weights,
    scale: q.scale,
    bias: float.bias,
    calibration,
    threshold,
    meta,
  };
  return { head, float };
}
