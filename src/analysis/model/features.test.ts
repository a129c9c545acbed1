import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../text/normalize.js';
import { extractFeatures } from './features.js';

const text = normalizeForModel("Je n'aime pas du tout ce service, c'est nul 😡 @Support http://x.y");

describe('extractFeatures', () => {
  it('is deterministic', () => {
    const a = extractFeatures(text);
    const b = extractFeatures(text);
    expect(a.length).toBeGreaterThan(50);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('gives word and character families unit norm each', () => {
    const f = extractFeatures('great product');
    const squares = Array.from(f.values).reduce((s, v) => s + v * v, 0);
    // Two families of unit norm; no profanity cue here.
    expect(squares).toBeCloseTo(2, 4);
  });

  it('differs when a negation precedes a word', () => {
    const plain = new Set(extractFeatures('this is good').indices);
    const negated = extractFeatures('this is not good');
    expect(negated.indices.some((h) => !plain.has(h))).toBe(true);
  });

  it('adds the profanity cue for French and English insults only', () => {
    const clean = extractFeatures('merci beaucoup');
    const rude = extractFeatures('espèce de connard');
    expect(rude.length - rude.indices.filter((h) => clean.indices.includes(h)).length).toBeGreaterThan(0);
    expect(Math.max(...Array.from(rude.values))).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...Array.from(clean.values))).toBeLessThan(0.5);
  });

  it('handles the empty text', () => {
    expect(extractFeatures('').length).toBeGreaterThanOrEqual(1);
  });
});
