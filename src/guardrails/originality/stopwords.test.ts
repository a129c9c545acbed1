import { describe, expect, it } from 'vitest';
import { foldWord } from './normalize.js';
import { isContentWord } from './stopwords.js';

const content = (words: string): string[] => words.split(' ').filter((w) => isContentWord(foldWord(w)));

describe('isContentWord', () => {
  it('keeps the wording of an English sentence and drops its function words', () => {
    expect(content('Thank you so much for all the love and support this year')).toEqual([
      'love',
      'support',
      'year',
    ]);
    expect(content('I may or may not be obsessed with the new lantern')).toEqual([
      'obsessed',
      'new',
      'lantern',
    ]);
  });

  it('works on folded French, elisions included', () => {
    expect(content('Un grand merci à toutes et à tous pour votre soutien')).toEqual(['grand', 'soutien']);
    expect(content('l hiver sera doux à Bayonne qu il pleuve ou non')).toEqual([
      'hiver',
      'doux',
      'Bayonne',
      'pleuve',
    ]);
    expect(isContentWord(foldWord('Être'))).toBe(false);
    expect(isContentWord(foldWord('Équipe'))).toBe(true);
  });

  it('drops the pieces apostrophes leave, lone letters, numbers and social filler', () => {
    expect(content('don t can t i m we re 2024 7 rt via http amp lol')).toEqual([]);
    expect(isContentWord('3rd')).toBe(true);
  });
});
