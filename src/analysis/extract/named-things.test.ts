import { describe, expect, it } from 'vitest';
import type { NamedThings } from '../types.js';
import { findNamedThings } from './named-things.js';

const named: NamedThings = {
  brand: ['Maison Lumière'],
  products: ['Lumière', 'Bougie Étoile', 'Bougie Étoile XL'],
  competitors: ['Cire & Co', 'Straße Kerzen'],
};

function spans(text: string): string[] {
  return findNamedThings(text, named).map((m) => `${m.kind}:${m.name}=${text.slice(m.start, m.end)}`);
}

describe('findNamedThings', () => {
  it('matches case- and accent-insensitively, with spans in the original text', () => {
    const text = "J'adore MAISON LUMIERE et sa bougie etoile.";
    expect(spans(text)).toEqual([
      'brand:Maison Lumière=MAISON LUMIERE',
      'product:Bougie Étoile=bougie etoile',
    ]);
  });

  it('keeps the longest of overlapping names', () => {
    expect(spans('La Bougie Étoile XL chez Maison Lumière')).toEqual([
      'product:Bougie Étoile XL=Bougie Étoile XL',
      'brand:Maison Lumière=Maison Lumière',
    ]);
  });

  it('matches whole words only', () => {
    expect(spans('Lumièrement parlant, Lumières et lumière.')).toEqual(['product:Lumière=lumière']);
  });

  it('finds names glued in hashtags and handles', () => {
    expect(spans('Merci @maisonlumiere pour #MaisonLumiere2026 et #LumiereParis')).toEqual([
      'brand:Maison Lumière=maisonlumiere',
      'brand:Maison Lumière=MaisonLumiere',
      'product:Lumière=Lumiere',
    ]);
  });

  it('keeps spans right when folding changes lengths (ß, decomposed accents, emoji)', () => {
    const decomposed = 'Mai\u0301son Lumie\u0300re'.replace('i\u0301', 'i');
    const text = `🕯️ STRASSE KERZEN vs ${decomposed} 🔥 cire & co`;
    expect(spans(text)).toEqual([
      'competitor:Straße Kerzen=STRASSE KERZEN',
      `brand:Maison Lumière=${decomposed}`,
      'competitor:Cire & Co=cire & co',
    ]);
    expect(spans('Die Straße Kerzen')).toEqual(['competitor:Straße Kerzen=Straße Kerzen']);
  });

  it('finds nothing without named things', () => {
    expect(findNamedThings('Maison Lumière', {})).toEqual([]);
  });
});
