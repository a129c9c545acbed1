/** Fits the probability calibration and decision threshold of a head on held-out logits. */
import { calibrate, type Calibration } from './linear.js';
import { macroF1 } from './metrics.js';

/** Mean negative log-likelihood of the labels under a calibration. */
export function logLoss(calibration: Calibration, raw: Float64Array[], labels: ArrayLike<number>): number {
  let loss = 0;
  raw.forEach((z, i) => {
    const p = calibrate(calibration, z)[labels[i] ?? 0] ?? 0;
    loss -= Math.log(Math.max(p, 1e-12));
  });
  return loss / Math.max(1, raw.length);
}

/**
 * Softmax temperature only (no per-class shift), so that calibration never changes the predicted
 * class: class-balanced training chose the decision rule, calibration only makes scores honest.
 */
export function fitTemperature(raw: Float64Array[], labels: ArrayLike<number>): Calibration {
  const k = raw[0]?.length ?? 3;
  let best: Calibration = { scale: 1, shift: new Array<number>(k).fill(0) };
  let bestLoss = Infinity;
  for (let step = -40; step <= 40; step++) {
    const candidate = { scale: Math.exp(step / 20), shift: new Array<number>(k).fill(0) };
    const loss = logLoss(candidate, raw, labels);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = candidate;
    }
  }
  return best;
}

/** Platt scaling for one output: p = σ(a·z + b), fitted by Newton's method on the log-loss. */
export function fitPlatt(raw: Float64Array[], labels: ArrayLike<number>): Calibration {
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    raw.forEach((zs, i) => {
      const z = zs[0] ?? 0;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - (labels[i] === 1 ? 1 : 0);
      const h = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += h * z * z;
      hab += h * z;
      hbb += h;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) {
      break;
    }
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) {
      break;
    }
  }
  return { scale: a, shift: [b] };
}

/** The probability threshold maximising macro F1 of a binary head on held-out data. */
export function fitThreshold(positive: number[], labels: ArrayLike<number>): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t < 0.951; t += 0.01) {
    const predicted = positive.map((p) => (p >= t ? 1 : 0));
    const f1 = macroF1(labels, predicted, 2);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
