import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../text/normalize.js';
import { extractFeatures } from './features.js';
import { floatLogits, trainLinear } from './train.js';

// A toy task: texts about cats vs dogs. The trainer must separate them and be reproducible.
const texts = ['i love my cat', 'the cat sleeps', 'cats purr', 'a dog barks', 'my dog runs', 'dogs fetch balls'];
const labels = [0, 0, 0, 1, 1, 1];
const x = texts.map((t) => extractFeatures(normalizeForModel(t)));

describe('trainLinear', () => {
  it('learns a separable binary task', () => {
    const head = trainLinear(x, labels, { classes: 2, bits: 12, epochs: 20, nbAlpha: 1, seed: 3 });
    const z = x.map((v) => floatLogits(head, v)[0] ?? 0);
    expect(z.slice(0, 3).every((v) => v < 0)).toBe(true);
    expect(z.slice(3).every((v) => v > 0)).toBe(true);
    expect(floatLogits(head, extractFeatures('the dog'))[0]).toBeGreaterThan(0);
  });

  it('is reproducible with a seed', () => {
    const a = trainLinear(x, labels, { classes: 2, bits: 12, epochs: 3, seed: 5 });
    const b = trainLinear(x, labels, { classes: 2, bits: 12, epochs: 3, seed: 5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });
});
