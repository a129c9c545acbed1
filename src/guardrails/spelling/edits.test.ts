import { describe, expect, it } from 'vitest';
import { accentCandidates, oneEditCandidates, replacementCandidates, type Lookup } from './edits.js';

const lookupOf = (...words: string[]): Lookup => {
  const known = new Map(words.map((w) => [w.toLowerCase(), w]));
  return (candidate) => known.get(candidate);
};

describe('oneEditCandidates', () => {
  it('finds deletions, swaps, replacements and insertions, in the dictionary spelling', () => {
    const lookup = lookupOf('commande', 'comande', 'commando', 'America');
    expect(oneEditCandidates('comande', 'fr', lookupOf('commande', 'romande')).sort()).toEqual(['commande', 'romande']);
    expect(oneEditCandidates('amerca', 'en', lookup)).toEqual(['America']);
  });

  it('inserts an apostrophe in French too ("aujourdhui")', () => {
    expect(oneEditCandidates('aujourdhui', 'fr', lookupOf("aujourd'hui"))).toEqual(["aujourd'hui"]);
  });
});

describe('accentCandidates', () => {
  it('restores several dropped accents at once, as one edit cannot', () => {
    const lookup = lookupOf('élevée', 'événement', 'déjà', 'élevé');
    expect(accentCandidates('elevee', 'fr', lookup)).toEqual(['élevée']);
    expect(accentCandidates('evenement', 'fr', lookup)).toEqual(['événement']);
    expect(accentCandidates('deja', 'fr', lookup)).toEqual(['déjà']);
  });

  it('corrects a wrong accent and stops at the try limit', () => {
    expect(accentCandidates('événemént', 'fr', lookupOf('événement'))).toEqual(['événement']);
    let tries = 0;
    accentCandidates('eeeeeeeeeeee', 'fr', () => {
      tries++;
      return undefined;
    }, 3, 100);
    expect(tries).toBeLessThanOrEqual(100);
  });
});

describe('replacementCandidates', () => {
  it('applies the REP table once per match, "_" standing for a space, every word known', () => {
    const table: [string, string][] = [
      ['alot', 'a_lot'],
      ['f', 'ph'],
    ];
    expect(replacementCandidates('alot', table, lookupOf('a', 'lot'))).toEqual(['a lot']);
    expect(replacementCandidates('fysics', table, lookupOf('physics'))).toEqual(['physics']);
    // One replacement at a time: "fotograf" is two away from "photograph".
    expect(replacementCandidates('fotograf', table, lookupOf('photograph'))).toEqual([]);
  });
});
