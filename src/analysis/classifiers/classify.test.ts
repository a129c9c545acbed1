import { beforeAll, describe, expect, it } from 'vitest';
import { extractFeatures } from '../model/features.js';
import { normalizeForModel } from '../text/normalize.js';
import { classify, loadModels, type ModelSet } from './index.js';

// Sentences written for these tests (the datasets hold real handles and names).
let models: ModelSet;
let loadMs = 0;
beforeAll(() => {
  const started = performance.now();
  models = loadModels();
  loadMs = performance.now() - started;
});

const run = (text: string, language: string): ReturnType<typeof classify> =>
  classify(models, extractFeatures(normalizeForModel(text)), language, text);

describe('loadModels', () => {
  it('loads the three heads quickly, with one version', () => {
    expect(loadMs).toBeLessThan(1000);
    expect(models.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('fails clearly on a folder without models', () => {
    expect(() => loadModels('/nonexistent-hearth-models')).toThrow(/ENOENT/);
  });
});

describe('classify', () => {
  it.each([
    ['I absolutely love this new phone, the camera is amazing! 😍', 'en'],
    ['Thank you so much for the quick help, great support team!', 'en'],
    ["J'adore ce produit, merci beaucoup, c'est vraiment génial ! 😊", 'fr'],
    ['Super soirée hier, merci à toute l’équipe, bravo !', 'fr'],
  ])('finds positive sentiment in %s', (text, lang) => {
    expect(run(text, lang).sentiment.label).toBe('positive');
  });

  it.each([
    ['This is the worst service ever, I hate it and I want my money back 😡', 'en'],
    ['My order never arrived and nobody answers, terrible experience.', 'en'],
    ['Quelle honte, encore une panne, c’est insupportable 😡', 'fr'],
  ])('finds negative sentiment in %s', (text, lang) => {
    expect(run(text, lang).sentiment.label).toBe('negative');
  });

  // Known limitations of model 2026.11.1, kept visible: `it.fails` turns red once they are fixed.
  // French has 1,838 labelled tweets; a complaint without strong words reads as neutral.
  it.fails('finds negative sentiment in a mild French complaint', () => {
    expect(run("Service client nul, j'attends depuis trois semaines, je suis vraiment déçu.", 'fr').sentiment.label).toBe('negative');
  });
  // MLMA's French tweets are mostly hostile, which lifts the offensive score of any French text;
  // French texts get their own decision threshold (fitted on held-out MLMA rows).
  it('does not flag a polite French sign-off as offensive', () => {
    expect(run('Bonne journée à tous, rendez-vous lundi pour la suite', 'fr').offensive.label).toBe('not_offensive');
  });
  // YouTube's legitimate comments are all about a song: the head alone finds other friendly English
  // spammy; the cue gate (spam-cues.ts) keeps text without links or calls to action out of spam.
  it('does not flag friendly greetings as spam, but does flag self-promotion', () => {
    for (const text of ['Have a lovely weekend everyone, see you on Monday', 'Thanks for the update', 'Merci pour tout, à lundi !']) {
      expect(run(text, 'und').spam.label, text).toBe('not_spam');
    }
    for (const text of ['Check out my channel and subscribe!!! http://bit.ly/xyz', 'Abonnez-vous à ma chaîne, lien en bio : www.example.fr']) {
      expect(run(text, 'und').spam.label, text).toBe('spam');
    }
  });

  it('gives probabilities that sum to 1', () => {
    for (const text of ['hello', 'the meeting is at 3pm', 'Le train part à 8h.']) {
      const { sentiment, offensive, spam } = run(text, 'und');
      const s = sentiment.scores;
      expect(s.negative + s.neutral + s.positive).toBeCloseTo(1, 9);
      for (const p of [s.negative, s.neutral, s.positive, offensive.score, spam.score]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });

  it.each([
    ['You are a fucking idiot, shut up you stupid moron', 'en'],
    ['Ferme ta gueule espèce de connard, t’es qu’un abruti', 'fr'],
  ])('flags insults as offensive: %s', (text, lang) => {
    expect(run(text, lang).offensive.label).toBe('offensive');
  });

  it.each([
    ['Have a lovely weekend everyone, see you on Monday', 'en'],
    ['Merci pour votre aide, à demain', 'fr'],
  ])('does not flag polite text as offensive: %s', (text, lang) => {
    expect(run(text, lang).offensive.label).toBe('not_offensive');
  });

  it.each([
    ['Bonne journée à tous, rendez-vous lundi pour la suite', 'fr'],
    ['Merci pour votre aide, à demain', 'fr'],
  ])('does not flag ordinary French text as spam: %s', (text, lang) => {
    expect(run(text, lang).spam.label).toBe('not_spam');
  });

  it.each([
    ['Check out my channel and subscribe!!! http://example.com/free-gift', 'en'],
    ['Hey guys please subscribe to my channel, I make music videos, thanks!', 'en'],
  ])('flags spam: %s', (text, lang) => {
    expect(run(text, lang).spam.label).toBe('spam');
  });

  it('is deterministic for a given model version', () => {
    const text = 'Not sure what to think about the update';
    expect(run(text, 'en')).toEqual(run(text, 'en'));
  });
});
