import { describe, expect, it } from 'vitest';
import { compareWith, indexQuery, type Comparison } from './compare.js';
import { findingsFor, isNearCopy, type FindingLimits } from './findings.js';
import { tokenize } from './normalize.js';
import { DEFAULT_OPTIONS } from './options.js';
import { shingleHashes } from './shingles.js';

const LIMITS: FindingLimits = { ...DEFAULT_OPTIONS, maxPassages: 3 };

function compare(text: string, source: string): Comparison {
  const tokens = tokenize(text);
  return compareWith(indexQuery(shingleHashes(tokens, 3), tokens), shingleHashes(tokenize(source), 3), 3);
}

function findings(text: string, source: string): Array<[string, string | undefined]> {
  const comparison = compare(text, source);
  const match = { sourceId: 'src', kind: 'competitor' as const, comparison, similarity: comparison.coverage };
  return findingsFor(text, tokenize(text), match, LIMITS).map((f) => [f.rule, f.text]);
}

describe('isNearCopy', () => {
  it('is not fooled by scattered function words covering a short text', () => {
    // The old rule counted 8 covered tokens here (who, s, down, to, go / with, me, tomorrow) and
    // called it a near-copy at 80 % coverage.
    const c = compare(
      "Who's down to go bowling with me tomorrow morning?",
      "Who's down to go to the farmers market with me tomorrow?",
    );
    expect(c.coverage).toBeGreaterThanOrEqual(0.8);
    expect(isNearCopy(c, LIMITS)).toBe(false);
  });

  it('is not fooled by one stock phrase covering a short text', () => {
    const c = compare(
      'I may or may not be obsessed with lemon tart.',
      'Hi, my name is Sam and I may or may not be obsessed with vintage typewriters.',
    );
    expect(c.coverage).toBeGreaterThanOrEqual(0.8);
    expect(isNearCopy(c, LIMITS)).toBe(false);
  });

  it('does not call two identical stock texts copies of one another', () => {
    const c = compare(
      'Merci beaucoup pour votre soutien, à très bientôt !',
      'Merci beaucoup pour votre soutien, à très bientôt',
    );
    expect(c.jaccard).toBe(1);
    expect(isNearCopy(c, LIMITS)).toBe(false);
  });

  it('still calls a copy with two words inserted, or a truncated copy, a near-copy', () => {
    const source =
      'Our new solar lantern charges in four hours and lights a whole campsite for two nights, even in the rain.';
    const inserted = compare(
      'Our brand new solar lantern charges in just four hours and lights a whole campsite for two nights, even in the rain.',
      source,
    );
    expect(inserted.jaccard).toBeLessThan(0.8);
    expect(isNearCopy(inserted, LIMITS)).toBe(true);
    expect(
      isNearCopy(
        compare('Our new solar lantern charges in four hours and lights a whole campsite', source),
        LIMITS,
      ),
    ).toBe(true);
  });

  it('still calls a short French copy a near-copy', () => {
    const source = 'Le marché couvert de Bayonne rouvre ses portes samedi matin après six mois de travaux.';
    expect(
      isNearCopy(compare('Le marché couvert de Bayonne rouvre ses portes samedi matin', source), LIMITS),
    ).toBe(true);
  });
});

describe('findingsFor, partial copies', () => {
  it('ignores a long passage made of a stock phrase', () => {
    expect(
      findings(
        'Thank you so much for all the love and support at the spring plant fair, see you in June!',
        'Thank you so much for all the love and support this year, we could not have done it without you!',
      ),
    ).toEqual([]);
    expect(
      findings(
        'Francesca leaves Milan tomorrow and I don’t know how to feel about it at all',
        'Pumpkin spice is back already and I don’t know how to feel about it, it is still August',
      ),
    ).toEqual([]);
  });

  it('counts "Street\'s" as one word: 8 tokens but 7 words is below the 8-word threshold', () => {
    const text = "Great news, Harbour Street's sourdough wins the regional award again this year";
    const source =
      "Harbour Street's sourdough wins the regional award, and the queue is already around the block";
    expect(compare(text, source).passages[0]).toMatchObject({ first: 2, last: 9, words: 7 });
    expect(findings(text, source)).toEqual([]);
  });

  it('reports a copied headline inside a longer original post', () => {
    expect(
      findings(
        'Big news for the neighbourhood: Harbour Street bakery wins the regional sourdough award for a third year, congratulations to the team!',
        'Harbour Street bakery wins the regional sourdough award for a third year',
      ),
    ).toEqual([
      [
        'originality.partial-copy',
        'Harbour Street bakery wins the regional sourdough award for a third year',
      ],
    ]);
  });
});
