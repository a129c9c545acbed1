import { describe, expect, it } from 'vitest';
import { filterWords, parseWords } from './dictionary';

describe('parseWords', () => {
  it('splits on spaces, commas, semicolons and new lines, each word once', () => {
    expect(parseWords(' Lumibox, Aube;\nClairlune  Lumibox\t')).toEqual(['Lumibox', 'Aube', 'Clairlune']);
  });

  it('keeps case and inner punctuation: they are part of a brand name', () => {
    expect(parseWords('iPhone Hôtel-Dieu O’Brien')).toEqual(['iPhone', 'Hôtel-Dieu', 'O’Brien']);
  });

  it('reads nothing from blanks', () => {
    expect(parseWords(' ,\n ')).toEqual([]);
  });
});

describe('filterWords', () => {
  const words = ['Aube', 'Café', 'Lumibox', 'Zorvalta'];

  it('matches anywhere in the word, ignoring case and accents', () => {
    expect(filterWords(words, 'CAFE')).toEqual(['Café']);
    expect(filterWords(words, 'box')).toEqual(['Lumibox']);
  });

  it('returns every word for an empty query', () => {
    expect(filterWords(words, '  ')).toEqual(words);
  });
});
