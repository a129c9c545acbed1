/** Binary classification counts and the figures derived from them. */

export interface BinaryCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export interface BinaryFigures {
  precision: number;
  recall: number;
  f1: number;
  /** Mean of the F1 of the positive and of the negative class. */
  macroF1: number;
  positives: number;
  total: number;
}

export function emptyCounts(): BinaryCounts {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
}

export function addOutcome(counts: BinaryCounts, gold: boolean, predicted: boolean): void {
  if (gold && predicted) {
    counts.truePositive += 1;
  } else if (predicted) {
    counts.falsePositive += 1;
  } else if (gold) {
    counts.falseNegative += 1;
  } else {
    counts.trueNegative += 1;
  }
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export function figures(c: BinaryCounts): BinaryFigures {
  const positiveF1 = f1(c.truePositive, c.falsePositive, c.falseNegative);
  const negativeF1 = f1(c.trueNegative, c.falseNegative, c.falsePositive);
  return {
    precision: c.truePositive + c.falsePositive === 0 ? 0 : c.truePositive / (c.truePositive + c.falsePositive),
    recall: c.truePositive + c.falseNegative === 0 ? 0 : c.truePositive / (c.truePositive + c.falseNegative),
    f1: positiveF1,
    macroF1: (positiveF1 + negativeF1) / 2,
    positives: c.truePositive + c.falseNegative,
    total: c.truePositive + c.falsePositive + c.falseNegative + c.trueNegative,
  };
}
