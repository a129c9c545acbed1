import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, searchText, tokenize, words } from './text-tokens.js';

const spans = (text: string): string[] => {
  const tokens = tokenize(text);
  return tokens.words.map((_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
};

describe('tokenize', () => {
  it('folds case and accents, and splits elisions, hyphens and punctuation', () => {
    expect(words("L'ÉQUIPE d’Acme a été géniale, week-end compris !")).toEqual([
      'l',
      'equipe',
      'd',
      'acme',
      'a',
      'ete',
      'geniale',
      'week',
      'end',
      'compris',
    ]);
  });

  it('gives spans in the original text, accents and all', () => {
    expect(spans("Bravo à l'Équipe ! #Lumière @alice.bsky.social")).toEqual([
      'Bravo',
      'à',
      'l',
      'Équipe',
      'Lumière',
      'alice',
      'bsky',
      'social',
    ]);
  });

  it('keeps a decomposed accent inside its word and folds it away', () => {
    const text = 'une e\u0301quipe';
    expect(words(text)).toEqual(['une', 'equipe']);
    expect(spans(text)).toEqual(['une', 'e\u0301quipe']);
  });

  it('folds the letters the analysis folds (ß, œ, æ) and keeps other scripts', () => {
    expect(words('Straße CŒUR Æsir naïveté 東京 مرحبا')).toEqual([
      'strasse',
      'coeur',
      'aesir',
      'naivete',
      '東京',
      'مرحبا',
    ]);
  });

  it('separates at emoji and underscores, and reads the "bold" letters of spam and full-width forms', () => {
    const text = 'top🚀notch mot_clé 𝐀𝐜𝐦𝐞 Ａｃｍｅ Acme™ ﬁn';
    expect(words(text)).toEqual(['top', 'notch', 'mot', 'cle', 'acme', 'acme', 'acme', 'fin']);
    expect(spans(text).slice(4, 6)).toEqual(['𝐀𝐜𝐦𝐞', 'Ａｃｍｅ']);
  });

  it('cuts words longer than the limit without splitting a surrogate pair', () => {
    const [long] = words('x'.repeat(MAX_TOKEN_LENGTH - 1) + '東京'.repeat(2) + '\u{20000}');
    expect(long).toBe('x'.repeat(MAX_TOKEN_LENGTH - 1) + '東');
    const [astral] = words('x'.repeat(MAX_TOKEN_LENGTH - 1) + '\u{20000}');
    expect(astral).toBe('x'.repeat(MAX_TOKEN_LENGTH - 1));
    expect(words('a'.repeat(500))[0]).toHaveLength(MAX_TOKEN_LENGTH);
  });

  it('finds nothing in punctuation and emoji', () => {
    expect(words('!!! 🎉 -- ... ')).toEqual([]);
  });
});

describe('searchText', () => {
  it('joins the folded words with single spaces', () => {
    expect(searchText("  L'équipe  #Bravo,  https://x.example/a?b=1 ")).toBe(
      'l equipe bravo https x example a b 1',
    );
  });
});
