import { describe, expect, it } from 'vitest';
import type { NSpellInternals } from './nspell-internals.js';
import { buildSuggestionIndex, suggestableForms } from './suggestion-index.js';

describe('buildSuggestionIndex', () => {
  const index = buildSuggestionIndex(['accommodation', 'accumulation', 'abomination', 'commandant', 'cat', 'développement', 'enveloppement']);

  it('finds the words sharing most letter pairs with a word several edits away', () => {
    expect(index.similar('acomodation', 1)).toEqual(['accommodation']);
    expect(index.similar('acomodation', 3)).toContain('accumulation');
    expect(index.similar('developement', 1)).toEqual(['développement']);
    expect(index.size).toBe(7);
  });

  it('leaves out words of a very different length', () => {
    expect(index.similar('acomodation', 5, 1)).not.toContain('cat');
    expect(index.similar('ca', 5)).toEqual(['cat']);
  });
});

describe('suggestableForms', () => {
  it('keeps one spelling per word, lower case first, without elisions, numbers or NOSUGGEST words and their inflections', () => {
    const internals: NSpellInternals = {
      data: {
        paris: [],
        Paris: ['M'],
        Lyon: ['M'],
        "l'arbre": [],
        arbre: ['S'],
        '2CV': [],
        damn: ['!'],
        damned: [],
        damnation: [],
      },
      flags: { NOSUGGEST: '!' },
      replacementTable: [],
      compoundRules: [],
      conversionIn: [],
    };
    expect(suggestableForms(internals).sort()).toEqual(['Lyon', 'arbre', 'damnation', 'paris']);
  });
});
