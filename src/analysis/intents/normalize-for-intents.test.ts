import { describe, expect, it } from 'vitest';
import { normalizeForIntents } from './normalize-for-intents.js';

describe('normalizeForIntents', () => {
  it('folds case, accents and curly apostrophes, and drops handles and links', () => {
    expect(normalizeForIntents("@Brand_Help J’ai  REÇU un colis abîmé https://example.test/x?y=1 #fail")).toBe("j'ai recu un colis abime fail");
  });

  it('keeps question marks, including the Spanish opening one', () => {
    expect(normalizeForIntents('¿Dónde está?')).toBe('?donde esta?');
  });
});
