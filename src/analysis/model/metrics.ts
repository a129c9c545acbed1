/** Classification figures used by training, evaluation and the benchmark. */

/** confusion[truth][predicted]. */
export function confusion(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const row = m[truth[i] ?? 0];
    const p = predicted[i] ?? 0;
    if (row) {
      row[p] = (row[p] ?? 0) + 1;
    }
  }
  return m;
}

/** Per-class precision, recall and F1 (0 where undefined). */
export function perClass(m: number[][]): { precision: number; recall: number; f1: number }[] {
  return m.map((row, c) => {
    const tp = row[c] ?? 0;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = m.reduce((a, r) => a + (r[c] ?? 0), 0);
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1 };
  });
}

export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number {
  const stats = perClass(confusion(truth, predicted, classes));
  return stats.reduce((a, s) => a + s.f1, 0) / classes;
}

export function macroRecall(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number {
  const stats = perClass(confusion(truth, predicted, classes));
  return stats.reduce((a, s) => a + s.recall, 0) / classes;
}

export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < truth.length; i++) {
    right += truth[i] === predicted[i] ? 1 : 0;
  }
  return truth.length > 0 ? right / truth.length : 0;
}

/** Expected calibration error of the top label, over equal-width confidence bins. */
export function expectedCalibrationError(truth: ArrayLike<number>, probabilities: number[][], bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  probabilities.forEach((p, i) => {
    const top = argmax(p);
    const c = p[top] ?? 0;
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b] = (count[b] ?? 0) + 1;
    conf[b] = (conf[b] ?? 0) + c;
    right[b] = (right[b] ?? 0) + (top === truth[i] ? 1 : 0);
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] ?? 0;
    if (n > 0) {
      ece += Math.abs((right[b] ?? 0) - (conf[b] ?? 0)) / probabilities.length;
    }
  }
  return ece;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) {
      best = i;
    }
  }
  return best;
}
