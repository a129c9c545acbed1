import { describe, expect, it } from 'vitest';
import { scanWords } from './word-scanner.js';

function scan(text: string): string[] {
  const out: string[] = [];
  scanWords(
    text,
    (word) => out.push(word),
    () => out.push('|'),
  );
  return out;
}

describe('scanWords', () => {
  it('keeps inner apostrophes and hyphens, breaks at punctuation and emoji', () => {
    expect(scan("L’été c'est l'e-mail — top🔥fin. -x y'")).toEqual([
      'L’été',
      "c'est",
      "l'e-mail",
      '|',
      'top',
      '|',
      'fin',
      '|',
      '|',
      'x',
      'y',
      // The trailing apostrophe is no word character: only the end's break follows.
      '|',
    ]);
  });

  it('reads accents, non-Latin letters and digits as word characters', () => {
    expect(scan('Ça coûte 12€ à Москва')).toEqual(['Ça', 'coûte', '12', '|', 'à', 'Москва', '|']);
  });
});
