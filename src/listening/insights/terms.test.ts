import { describe, expect, it } from 'vitest';
import { scoreTerm, isRising } from './trend-score.js';
import { termsOf } from './terms.js';

describe('termsOf', () => {
  it('folds words like the query language, drops stop words, short tokens and numbers, keeps hashtags apart', () => {
    expect([...termsOf("L'Équipe adore les #Soldes_Été 2026 !")].sort()).toEqual([
      '#soldesete',
      'adore',
      'equipe',
      'equipe adore',
    ]);
  });

  it('leaves out links and @handles, and never pairs words across them or punctuation', () => {
    expect(
      [
        ...termsOf(
          'Promo folle https://shop.example/promo-folle chez @zorvalta.bsky.social, vraiment. Lampe douce',
        ),
      ].sort(),
    ).toEqual(['douce', 'folle', 'lampe', 'lampe douce', 'promo', 'promo folle']);
  });

  it('counts a term once per post', () => {
    expect([...termsOf('lampe lampe lampe')]).toEqual(['lampe']);
  });
});

describe('scoreTerm', () => {
  it('compares the recent count with the baseline rate over the same hours', () => {
    // 12 in the baseline week = 12 × 24/168 ≈ 1.714 expected in a day.
    const { expected, score, ratio } = scoreTerm(9, 12, 24, 168);
    expect(expected).toBeCloseTo(1.7143, 4);
    expect(score).toBeCloseTo((9 - 12 / 7) / Math.sqrt(12 / 7 + 1), 10);
    expect(ratio).toBeCloseTo(10 / (12 / 7 + 1), 10);
    expect(scoreTerm(4, 0, 24, 168).score).toBe(4);
    expect(isRising(2, 0, 3)).toBe(false);
    expect(isRising(3, 3, 3)).toBe(false);
    expect(isRising(3, 2.9, 3)).toBe(true);
  });
});
