/** A linear head over the shared hashed features, as loaded for prediction (int8 weights). */
import type { FeatureVector } from './features.js';

export interface Calibration {
  /** Logits are multiplied by this (1 / temperature; Platt's slope for one output). */
  scale: number;
  /** Added to the scaled logits, one per output (Platt's intercept for one output). */
  shift: number[];
}

export interface LinearHead {
  name: string;
  /** Class names. A binary head has 2 labels and 1 output: the logit of `labels[1]`. */
  labels: string[];
  outputs: number;
  /** log2 of the bucket count: a feature hash `h` reads row `h & (2^bits - 1)`. */
  bits: number;
  /** Row-major: `weights[bucket * outputs + k]`; real weight = value × `scale`. */
  weights: Int8Array;
  scale: number;
  bias: number[];
  calibration: Calibration;
  /** Binary heads: the probability from which `labels[1]` is predicted (tuned for F1). */
  threshold: number;
  /**
   * Binary heads, optional: decision thresholds for some languages (ISO 639-1), fitted on held-out
   * training rows of that language, where its training data has another class mix than the rest
   * (French offensive data is keyword-sampled and mostly hostile). Other languages use `threshold`.
   */
  languageThresholds?: Record<string, number>;
  /** Everything else the trainer recorded (data, version, figures): kept for the model card. */
  meta: Record<string, unknown>;
}

/** The decision threshold of a binary head for a text in `language` (ISO 639-1 or 'und'). */
export function thresholdFor(head: LinearHead, language: string): number {
  return head.languageThresholds?.[language] ?? head.threshold;
}

/** Raw (uncalibrated) scores of one text, one per output. */
export function logits(head: LinearHead, features: FeatureVector): Float64Array {
  const k = head.outputs;
  const mask = (2 ** head.bits - 1) >>> 0;
  const { weights } = head;
  const { indices, values } = features;
  const out = new Float64Array(k);
  if (k === 1) {
    let sum = 0;
    for (let i = 0; i < features.length; i++) {
      sum += (weights[(indices[i] ?? 0) & mask] ?? 0) * (values[i] ?? 0);
    }
    out[0] = sum * head.scale + (head.bias[0] ?? 0);
    return out;
  }
  for (let i = 0; i < features.length; i++) {
    const row = ((indices[i] ?? 0) & mask) * k;
    const v = values[i] ?? 0;
    for (let c = 0; c < k; c++) {
      out[c] = (out[c] ?? 0) + (weights[row + c] ?? 0) * v;
    }
  }
  for (let c = 0; c < k; c++) {
    out[c] = (out[c] ?? 0) * head.scale + (head.bias[c] ?? 0);
  }
  return out;
}

/** Calibrated probabilities: softmax over the outputs, or for one output [1 − p, p]. */
export function probabilities(head: LinearHead, features: FeatureVector): number[] {
  return calibrate(head.calibration, logits(head, features));
}

/** Applies a calibration to raw logits (exported for the trainer, which fits it). */
export function calibrate(calibration: Calibration, raw: ArrayLike<number>): number[] {
  if (raw.length === 1) {
    const z = (raw[0] ?? 0) * calibration.scale + (calibration.shift[0] ?? 0);
    const p = 1 / (1 + Math.exp(-z));
    return [1 - p, p];
  }
  const z: number[] = [];
  let max = -Infinity;
  for (let c = 0; c < raw.length; c++) {
    const v = (raw[c] ?? 0) * calibration.scale + (calibration.shift[c] ?? 0);
    z.push(v);
    max = Math.max(max, v);
  }
  let total = 0;
  const e = z.map((v) => {
    const x = Math.exp(v - max);
    total += x;
    return x;
  });
  return e.map((x) => x / total);
}
