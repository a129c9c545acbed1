import { beforeAll, describe, expect, it } from 'vitest';
import { createSpellChecker } from './spelling.js';
import { FRENCH_FINDINGS, FRENCH_SENTENCE } from './testing/french-sentence.js';

const checker = createSpellChecker();

beforeAll(async () => {
  await Promise.all([checker.ready('en'), checker.ready('fr')]);
}, 120_000);

const flagged = (text: string, language: 'fr' | 'en', workspace?: string[]): string[] =>
  checker.check(text, language, workspace).map((f) => f.text);

describe('French spelling', () => {
  it('flags misspellings with ranked suggestions and spans in the original text', () => {
    const text = 'Nous avons recu votre comande, merci !';
    const findings = checker.check(text, 'fr');
    expect(findings.map((f) => f.text)).toEqual(['recu', 'comande']);
    const [recu, comande] = findings;
    expect(recu?.suggestions[0]).toBe('reçu');
    expect(comande?.suggestions[0]).toBe('commande');
    expect(text.slice(comande?.start, comande?.end)).toBe('comande');
    expect(recu).toMatchObject({ rule: 'spelling.unknown-word', category: 'spelling', severity: 'error' });
  });

  it('gives the findings the threaded checker is held to as well', () => {
    expect(checker.check(FRENCH_SENTENCE, 'fr')).toEqual(FRENCH_FINDINGS);
  });

  it('handles elisions with both apostrophes, compounds and inversions', () => {
    expect(flagged("L'équipe d’Hearth s'occupe de tout jusqu'à demain, lorsqu’il pleut aussi.", 'fr', ['Hearth'])).toEqual([]);
    expect(flagged('Peut-être viendra-t-il aujourd’hui ? Dites-le-moi, voulez-vous.', 'fr')).toEqual([]);
    expect(flagged("C'est l'évenement de l'anée.", 'fr')).toEqual(['évenement', 'anée']);
    expect(flagged('Un arc-en-ciel au-dessus du porte-monnaie.', 'fr')).toEqual([]);
  });

  it('locates a misspelt part of a hyphenated word', () => {
    const text = 'Viendra-t-ill demain ?';
    const [finding] = checker.check(text, 'fr');
    expect(finding?.text).toBe('ill');
    expect(text.slice(finding?.start, finding?.end)).toBe('ill');
  });

  it('never flags numbers, ordinals, prices, times, links, handles, hashtags, e-mails or emoji', () => {
    const text =
      'Rendez-vous le 3e jour à 10h30, 2,5 % de remise, 1er prix 19,90 € 🎉👨‍👩‍👧 ! Écrivez à contact@brandz.fr, suivez @zorglubette et #SoldesZorg sur https://zorgl.example.com/promo?x=abcq';
    expect(flagged(text, 'fr')).toEqual([]);
  });

  it('marks a capitalised unknown word mid-sentence as a possible name (warning)', () => {
    const [finding] = checker.check('Nous travaillons avec Zorglubia depuis mars.', 'fr');
    expect(finding).toMatchObject({ text: 'Zorglubia', severity: 'warning' });
  });
});

describe('English spelling', () => {
  it('flags misspellings with suggestions that keep the case', () => {
    const findings = checker.check('We will recieve your order tomorow. Definately worth it.', 'en');
    expect(findings.map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['recieve', 'receive'],
      ['tomorow', 'tomorrow'],
      ['Definately', 'Definitely'],
    ]);
    expect(findings[2]?.severity).toBe('error');
  });

  it('accepts contractions with both apostrophes, acronyms and ordinals', () => {
    expect(flagged("Don't worry, it’s the 1st of May and NASA's FAQ is up at 9:30 am.", 'en')).toEqual([]);
  });

  it('respects workspace words case-insensitively, with plurals and possessives, and added later', () => {
    const text = 'Our Zorgbox and two zorgboxes ship with Hearthly’s app.';
    expect(flagged(text, 'en')).toEqual(['Zorgbox', 'zorgboxes', 'Hearthly']);
    expect(flagged(text, 'en', ['zorgbox'])).toEqual(['Hearthly']);
    expect(flagged(text, 'en', ['zorgbox', 'Hearthly'])).toEqual([]);
  });

  it('suggests on demand, ranked and capped at five', () => {
    const suggestions = checker.suggest('teh', 'en');
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions[0]).toBe('the');
    expect(checker.suggest('comande', 'fr')[0]).toBe('commande');
  });

  it('attaches suggestions in check quickly, even for long unknown names', () => {
    const started = performance.now();
    const findings = checker.check('Zorglubianiste et Hyperzorgification, voilà nos anticonstitutionellement.', 'fr');
    expect(performance.now() - started).toBeLessThan(500);
    expect(findings.find((f) => f.text === 'anticonstitutionellement')?.suggestions[0]).toBe('anticonstitutionnellement');
  });

  it('refuses to check before the dictionary is loaded', () => {
    expect(() => createSpellChecker().check('hello', 'en')).toThrow(/ready/);
  });
});
