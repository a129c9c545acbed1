import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from './dictionaries.js';
import { oneEditCandidates } from './edits.js';
import { fastCorrect, nspellInternals } from './nspell-internals.js';
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

  it('restores dropped accents, even several in one word, in the quick suggestions of check', () => {
    const findings = checker.check("Il est deja parti, c'est tres bien : elle a été elevee à Lyon.", 'fr');
    expect(findings.map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['deja', 'déjà'],
      ['tres', 'très'],
      ['elevee', 'élevée'],
    ]);
  });

  it('flags an elision the dictionary does not allow, as Hunspell does, and finds the missing apostrophe', () => {
    const findings = checker.check("J'entend bien, mais aujourdhui c'est fermé.", 'fr');
    expect(findings.map((f) => f.text)).toEqual(["J'entend", 'aujourdhui']);
    expect(findings[0]?.suggestions).toContain("J'entends");
    expect(findings[1]?.suggestions[0]).toBe("aujourd'hui");
    // Allowed elisions, and one before a workspace word, are still accepted.
    expect(flagged("J'entends qu'il viendra lorsqu'on l'appellera, d'après l'équipe d'Hearth.", 'fr', ['Hearth'])).toEqual([]);
  });

  it('suggests words more than one edit away on demand', () => {
    expect(checker.suggest('developement', 'fr')[0]).toBe('développement');
    expect(checker.suggest('interressant', 'fr')[0]).toBe('intéressant');
    expect(checker.suggest('apeller', 'fr')[0]).toBe('appeler');
  }, 60_000);
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

  it('accepts British and American spellings alike, and still flags misspellings of either', () => {
    const text = 'The colour of the centre is grey, the color of the center is gray; we analysed and analyzed our favourite catalogue.';
    expect(flagged(text, 'en')).toEqual([]);
    const findings = checker.check('The colur of the centre was lovley.', 'en');
    expect(findings.map((f) => f.text)).toEqual(['colur', 'lovley']);
    expect(findings[0]?.suggestions.slice(0, 2).sort()).toEqual(['color', 'colour']);
    expect(findings[1]?.suggestions[0]).toBe('lovely');
  });

  it('suggests the name for a name written in lower case, and common words first', () => {
    const findings = checker.check('We flew from paris to america, I dont know how.', 'en');
    expect(findings.map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['paris', 'Paris'],
      ['america', 'America'],
      ['dont', "don't"],
    ]);
    expect(checker.suggest('alot', 'en')[0]).toBe('a lot');
  });

  it('finds words two or more edits away on demand, ranked by how likely they are', () => {
    expect(checker.suggest('acomodation', 'en')[0]).toBe('accommodation');
    expect(checker.suggest('definatly', 'en')[0]).toBe('definitely');
    expect(checker.suggest('embarassing', 'en')[0]).toBe('embarrassing');
    expect(checker.suggest('ameraca', 'en')[0]).toBe('America');
  }, 60_000);

  it('never suggests words the dictionary marks as not to be suggested, nor their inflections', () => {
    const quick = checker.check('What the fuckk, this is shitt.', 'en').flatMap((f) => f.suggestions);
    const full = [...checker.suggest('fuckk', 'en'), ...checker.suggest('fuckingg', 'en'), ...checker.suggest('shitt', 'en')];
    for (const suggestion of [...quick, ...full]) {
      expect(suggestion).not.toMatch(/^(fuck|shit)/u);
    }
    expect(full.length).toBeGreaterThan(0);
  }, 60_000);

  it('ranks a keyboard slip by the neighbouring key', () => {
    expect(checker.check('Tge order ships today.', 'en')[0]?.suggestions[0]).toBe('The');
  });

  it('refuses to check before the dictionary is loaded', () => {
    expect(() => createSpellChecker().check('hello', 'en')).toThrow(/ready/);
  });
});

describe('the fast dictionary lookup behind suggestions', () => {
  it('answers as nspell.correct does, for every one-edit candidate of real words, both cases, both languages', async () => {
    const words = {
      en: ['recieve', 'tomorow', 'colur', 'Pittsburg', 'dont', 'acomodation', '1st', 'naive', 'teh', 'amerca'],
      fr: ['recu', 'comande', 'evenement', 'aujourdhui', 'jentends', 'hopital', 'Marseile', 'oeuvre', 'deja', 'interressant'],
    } as const;
    for (const language of ['en', 'fr'] as const) {
      const { spell } = await loadDictionary(language);
      const internals = nspellInternals(spell);
      expect(internals).toBeDefined();
      const fast = fastCorrect(internals as NonNullable<typeof internals>);
      let compared = 0;
      for (const word of words[language]) {
        const candidates = new Set<string>();
        oneEditCandidates(word, language, (candidate) => {
          candidates.add(candidate);
          candidates.add(candidate.charAt(0).toUpperCase() + candidate.slice(1));
          return undefined;
        });
        for (const candidate of candidates) {
          const answer = fast(candidate);
          if (answer !== undefined) {
            compared++;
            expect([candidate, answer]).toEqual([candidate, spell.correct(candidate)]);
          }
        }
      }
      expect(compared).toBeGreaterThan(5_000);
    }
  }, 60_000);
});
