import { describe, expect, it } from 'vitest';
import { foldWord, tokenize } from './normalize.js';

describe('tokenize', () => {
  it('folds case, accents and ligatures, and keeps spans in the original text', () => {
    const text = 'Élève  CŒUR, déjà là!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['eleve', 'coeur', 'deja', 'la']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Élève', 'CŒUR', 'déjà', 'là']);
  });

  it('drops URLs and handles, keeps hashtag words, ignores emoji and punctuation', () => {
    const text = 'Merci @marie_dupont 🎉 pour #BlackFriday → https://example.com/a?b=1 !!!';
    expect(tokenize(text).map((t) => t.word)).toEqual(['merci', 'pour', 'blackfriday']);
  });

  it('squeezes long runs of a letter', () => {
    expect(foldWord('Soooooo')).toBe(foldWord('sooo'));
  });
});
