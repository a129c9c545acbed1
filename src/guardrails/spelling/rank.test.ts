import { describe, expect, it } from 'vitest';
import { parseWordCounts } from './frequencies.js';
import { editCost, matchCase, rankSuggestions, suggestionScore } from './rank.js';

const counts = parseWordCounts('the\t5000\narmy\t300\nlot\t900\na\t9000\ndon\'t\t2000\ndone\t400\n');

describe('editCost', () => {
  it('prices accents, doubled letters, swaps and vowels below arbitrary edits', () => {
    expect(editCost('recu', 'reçu', 'fr')).toBe(0.25);
    expect(editCost('comande', 'commande', 'fr')).toBe(0.5);
    expect(editCost('teh', 'the', 'en')).toBe(0.5);
    expect(editCost('seperate', 'separate', 'en')).toBeLessThan(editCost('sererate', 'separate', 'en'));
    // g and h are neighbours on a QWERTY keyboard, g and p are not.
    expect(editCost('tge', 'the', 'en')).toBeLessThan(editCost('tpe', 'the', 'en'));
  });
});

describe('suggestionScore', () => {
  it('puts a common word before a rare one at the same distance', () => {
    expect(rankSuggestions('aray', ['array', 'army'], 'en', 5, { counts })[0]).toBe('army');
    expect(rankSuggestions('aray', ['array', 'army'], 'en', 5)[0]).toBe('array');
  });

  it('counts a multi-word fix by its rarest word', () => {
    expect(suggestionScore('alot', 'a lot', 'en', { counts })).toBeLessThan(suggestionScore('alot', 'allot', 'en', { counts }));
  });

  it('penalises a name for a lower-case word, but not the name itself, "I" or a contraction', () => {
    expect(suggestionScore('parsi', 'Paris', 'en')).toBeGreaterThan(suggestionScore('parsi', 'pars', 'en'));
    expect(rankSuggestions('paris', ['pairs', 'Paris'], 'en')[0]).toBe('Paris');
    expect(suggestionScore('im', "I'm", 'en')).toBe(editCost('im', "I'm", 'en'));
    expect(rankSuggestions('dont', ['done', "don't"], 'en', 5, { counts })[0]).toBe("don't");
  });

  it('penalises a possessive the writer did not type', () => {
    expect(rankSuggestions('affidavite', ["affidavit's", 'affidavit'], 'en')[0]).toBe('affidavit');
  });
});

describe('matchCase', () => {
  it("keeps the writer's capitalisation", () => {
    expect(matchCase('Definately', 'definitely')).toBe('Definitely');
    expect(matchCase('RECIEVE', 'receive')).toBe('RECEIVE');
    expect(matchCase('paris', 'Paris')).toBe('Paris');
  });
});
