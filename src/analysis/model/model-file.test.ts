import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { logits, type LinearHead } from './linear.js';
import { decodeHead, encodeHead } from './model-file.js';
import { quantize } from './quantize.js';
import { seededRandom } from './random.js';

function randomWeights(n: number): Float32Array {
  const random = seededRandom(7);
  return Float32Array.from({ length: n }, () => (random() - 0.5) * 2);
}

describe('model file', () => {
  const bits = 10;
  const float = randomWeights(2 ** bits * 3);
  const q = quantize(float);
  const head: LinearHead = {
    name: 'test',
    labels: ['a', 'b', 'c'],
    outputs: 3,
    bits,
    weights: q.weights,
    scale: q.scale,
    bias: [0.1, -0.2, 0.3],
    calibration: { scale: 0.8, shift: [0, 0, 0] },
    threshold: 0.5,
    meta: { version: 'x', featureVersion: 1 },
  };

  it('round-trips every field and weight', () => {
    const back = decodeHead(encodeHead(head));
    expect({ ...back, weights: null }).toEqual({ ...head, weights: null });
    expect(Array.from(back.weights)).toEqual(Array.from(head.weights));
  });

  it('decodes from a Buffer that is a view into a larger pool', () => {
    const bytes = encodeHead(head);
    const pooled = Buffer.concat([Buffer.from('padding'), Buffer.from(bytes)]).subarray(7);
    expect(Array.from(decodeHead(pooled).weights)).toEqual(Array.from(head.weights));
  });

  it('bounds the quantisation error by half a step per weight', () => {
    for (let i = 0; i < float.length; i++) {
      expect(Math.abs((head.weights[i] ?? 0) * head.scale - (float[i] ?? 0))).toBeLessThanOrEqual(head.scale / 2 + 1e-7);
    }
    const x = extractFeatures('a short text');
    const exact = new Float64Array(3);
    for (let i = 0; i < x.length; i++) {
      for (let c = 0; c < 3; c++) {
        exact[c] = (exact[c] ?? 0) + (float[((x.indices[i] ?? 0) & 1023) * 3 + c] ?? 0) * (x.values[i] ?? 0);
      }
    }
    const approx = logits(head, x);
    for (let c = 0; c < 3; c++) {
      expect(Math.abs((approx[c] ?? 0) - (head.bias[c] ?? 0) - (exact[c] ?? 0))).toBeLessThan(0.05);
    }
  });

  it('refuses a file that is not a model', () => {
    expect(() => decodeHead(new TextEncoder().encode('not a model at all'))).toThrow(/Not a Hearth model/);
  });
});
