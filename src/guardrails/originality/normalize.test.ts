import { describe, expect, it } from 'vitest';
import { foldWord, tokenize } from './normalize.js';
import { shingleHashes } from './shingles.js';

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

  it('marks hashtags and the second piece of a word split at an apostrophe', () => {
    const tokens = tokenize("Don't miss l’été #Paris, it's rock 'n' roll");
    expect(tokens.map((t) => [t.word, t.hashtag, t.joined])).toEqual([
      ['don', false, false],
      ['t', false, true],
      ['miss', false, false],
      ['l', false, false],
      ['ete', false, true],
      ['paris', true, false],
      ['it', false, false],
      ['s', false, true],
      ['rock', false, false],
      ['n', false, false],
      ['roll', false, false],
    ]);
  });

  it('yields the same shingle hashes as before the content-word rules (persisted indexes stay valid)', () => {
    const tokens = tokenize("L'équipe d'Hearth can't wait: #Launch day @marie https://x.y/z !");
    expect(Array.from(shingleHashes(tokens, 3))).toEqual([
      4177591900, 1532674200, 2183251092, 1626480249, 4213163678, 2549755435, 1799686616,
    ]);
  });
});
