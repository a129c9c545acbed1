/**
 * Trains a linear head over the shared features: multinomial (≥ 3 classes) or binary logistic
 * regression, optionally NB-scaled (NBSVM: each feature scaled by its class log-count ratio),
 * class-weighted, by AdaGrad with seeded shuffling. Exported so that other heads (intents) can be
 * trained over the same FeatureVector: `trainLinear(features, labels, { classes: 2 })`.
 */
import type { FeatureVector } from './features.js';
import { seededRandom, shuffledIndices } from './random.js';

export interface TrainOptions {
  /** Number of classes; 2 trains a single-output (sigmoid) head. */
  classes: number;
  bits?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty, applied lazily to the weights a sample touches. */
  l2?: number;
  /** NB scaling smoothing α; 0 turns NB scaling off. */
  nbAlpha?: number;
  /** Per-class sample weights; default balances the classes. */
  classWeights?: number[];
  /** Optional per-sample weights (multiplied with the class weights). */
  sampleWeights?: Float32Array;
  seed?: number;
}

export interface FloatHead {
  outputs: number;
  bits: number;
  /** Row-major `[bucket * outputs + k]`, NB scaling already folded in. */
  weights: Float32Array;
  bias: number[];
}

/** Trains and returns float weights (quantise before shipping). */
export function trainLinear(samples: FeatureVector[], labels: ArrayLike<number>, options: TrainOptions): FloatHead {
  const bits = options.bits ?? 18;
  const mask = (2 ** bits - 1) >>> 0;
  const k = options.classes === 2 ? 1 : options.classes;
  const buckets = 2 ** bits;
  const epochs = options.epochs ?? 5;
  const lr = options.learningRate ?? 0.2;
  const l2 = options.l2 ?? 0;
  const classWeights = options.classWeights ?? balancedWeights(labels, options.classes);
  const ratio = (options.nbAlpha ?? 0) > 0 ? nbRatios(samples, labels, options.classes, bits, options.nbAlpha ?? 1, options.sampleWeights) : null;

  const w = new Float32Array(buckets * k);
  const g2 = new Float32Array(buckets * k);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k);
  const random = seededRandom(options.seed ?? 1);
  const z = new Float64Array(k);
  const grad = new Float64Array(k);

  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffledIndices(samples.length, random);
    for (const s of order) {
      const x = samples[s];
      const y = labels[s] ?? 0;
      if (!x) {
        continue;
      }
      const weight = (classWeights[y] ?? 1) * (options.sampleWeights?.[s] ?? 1);
      forward(x, w, ratio, bias, k, mask, z);
      lossGradient(z, y, k, weight, grad);
      for (let c = 0; c < k; c++) {
        const gc = grad[c] ?? 0;
        biasG2[c] = (biasG2[c] ?? 0) + gc * gc;
        bias[c] = (bias[c] ?? 0) - (lr * gc) / Math.sqrt((biasG2[c] ?? 0) + 1e-8);
      }
      for (let i = 0; i < x.length; i++) {
        const row = ((x.indices[i] ?? 0) & mask) * k;
        const v = x.values[i] ?? 0;
        for (let c = 0; c < k; c++) {
          const j = row + c;
          const wj = w[j] ?? 0;
          const gj = (grad[c] ?? 0) * v * (ratio ? (ratio[j] ?? 1) : 1) + l2 * wj;
          if (gj === 0) {
            continue;
          }
          const acc = (g2[j] ?? 0) + gj * gj;
          g2[j] = acc;
          w[j] = wj - (lr * gj) / Math.sqrt(acc);
        }
      }
    }
  }
  if (ratio) {
    for (let j = 0; j < w.length; j++) {
      w[j] = (w[j] ?? 0) * (ratio[j] ?? 1);
    }
  }
  return { outputs: k, bits, weights: w, bias: Array.from(bias) };
}

/** Raw logits of a float head (training-time twin of `logits` in linear.ts). */
export function floatLogits(head: FloatHead, x: FeatureVector): Float64Array {
  const z = new Float64Array(head.outputs);
  forward(x, head.weights, null, Float64Array.from(head.bias), head.outputs, (2 ** head.bits - 1) >>> 0, z);
  return z;
}

function forward(
  x: FeatureVector,
  w: Float32Array,
  ratio: Float32Array | null,
  bias: Float64Array,
  k: number,
  mask: number,
  z: Float64Array,
): void {
  z.set(bias);
  for (let i = 0; i < x.length; i++) {
    const row = ((x.indices[i] ?? 0) & mask) * k;
    const v = x.values[i] ?? 0;
    for (let c = 0; c < k; c++) {
      const j = row + c;
      z[c] = (z[c] ?? 0) + (w[j] ?? 0) * v * (ratio ? (ratio[j] ?? 1) : 1);
    }
  }
}

// d(loss)/d(logit), times the sample weight: sigmoid for one output, softmax otherwise.
function lossGradient(z: Float64Array, y: number, k: number, weight: number, grad: Float64Array): void {
  if (k === 1) {
    const p = 1 / (1 + Math.exp(-(z[0] ?? 0)));
    grad[0] = (p - (y === 1 ? 1 : 0)) * weight;
    return;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    max = Math.max(max, z[c] ?? 0);
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((z[c] ?? 0) - max);
    grad[c] = e;
    total += e;
  }
  for (let c = 0; c < k; c++) {
    grad[c] = ((grad[c] ?? 0) / total - (c === y ? 1 : 0)) * weight;
  }
}

/** Weights making every class weigh the same in total (mean weight 1). */
export function balancedWeights(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] ?? 0;
    counts[y] = (counts[y] ?? 0) + 1;
  }
  return counts.map((count) => (count > 0 ? labels.length / (classes * count) : 0));
}

// NBSVM's log-count ratio per bucket and output: log((p_b/|p|) / (q_b/|q|)), class vs the rest.
// Counts are sample-weighted, so that down-weighted auxiliary data does not dominate the ratios.
function nbRatios(
  samples: FeatureVector[],
  labels: ArrayLike<number>,
  classes: number,
  bits: number,
  alpha: number,
  sampleWeights: Float32Array | undefined,
): Float32Array {
  const k = classes === 2 ? 1 : classes;
  const mask = (2 ** bits - 1) >>> 0;
  const buckets = 2 ** bits;
  const perClass = new Float32Array(buckets * classes);
  const totals = new Float64Array(classes);
  samples.forEach((x, s) => {
    const y = labels[s] ?? 0;
    const weight = sampleWeights?.[s] ?? 1;
    for (let i = 0; i < x.length; i++) {
      const v = (x.values[i] ?? 0) * weight;
      const j = ((x.indices[i] ?? 0) & mask) * classes + y;
      perClass[j] = (perClass[j] ?? 0) + v;
      totals[y] = (totals[y] ?? 0) + v;
    }
  });
  const all = totals.reduce((a, b) => a + b, 0);
  const ratio = new Float32Array(buckets * k);
  for (let b = 0; b < buckets; b++) {
    let rowTotal = 0;
    for (let c = 0; c < classes; c++) {
      rowTotal += perClass[b * classes + c] ?? 0;
    }
    for (let o = 0; o < k; o++) {
      const c = k === 1 ? 1 : o;
      const p = (perClass[b * classes + c] ?? 0) + alpha;
      const q = rowTotal - (perClass[b * classes + c] ?? 0) + alpha;
      const tp = (totals[c] ?? 0) + alpha * buckets;
      const tq = all - (totals[c] ?? 0) + alpha * buckets;
      // Only the magnitude matters to a linear model (the sign is learned); it amplifies informative features.
      ratio[b * k + o] = Math.abs(Math.log(p / tp / (q / tq)));
    }
  }
  return ratio;
}
