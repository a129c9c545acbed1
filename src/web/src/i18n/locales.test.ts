import { describe, expect, it } from 'vitest';
import { englishCatalogue as en, frenchCatalogue as fr } from './catalogues';

type Catalogue = { [key: string]: string | Catalogue };

/** Every leaf of a catalogue as `dotted.key → text`. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      leaves.set(path, value);
    } else {
      for (const [leaf, text] of flatten(value, path)) {
        leaves.set(leaf, text);
      }
    }
  }
  return leaves;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const english = flatten(en);
const french = flatten(fr);

describe('locales', () => {
  it('has every English key in French', () => {
    expect([...english.keys()].filter((key) => !french.has(key))).toEqual([]);
  });

  it('has every French key in English', () => {
    expect([...french.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => {
      const other = french.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...english, ...french].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses French typography: no plain space before a colon or a question mark', () => {
    const wrong = [...french].filter(([, text]) => / [:?!;]/.test(text)).map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('keeps the headings that end-to-end tests look for', () => {
    expect(english.get('workspace.notFoundTitle')).toBe('Workspace not found');
    expect(french.get('workspace.notFoundTitle')).toBe('Espace de travail introuvable');
  });
});
