import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { joinWordLists, loadDictionary } from './dictionaries.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('joinWordLists', () => {
  it('joins .dic lists for one affix file into a single parse that keeps compound rules working', () => {
    const aff = text('SET UTF-8\nCOMPOUNDMIN 1\nONLYINCOMPOUND c\nCOMPOUNDRULE 1\nCOMPOUNDRULE n*1t\n');
    const dic = joinWordLists(text('3\ncolor\n1/n\n1th/tc\n'), [text('1\ncolour\n')]);
    const spell = nspell({ aff: Buffer.from(aff), dic });
    expect(spell.correct('color')).toBe(true);
    expect(spell.correct('colour')).toBe(true);
    expect(spell.correct('11th')).toBe(true);
    // nspell's own second `dictionary()` call would make the compound rules match anything.
    expect(spell.correct('colur')).toBe(false);
  });
});

describe('the packaged English dictionary', () => {
  it('is dictionary-en and dictionary-en-gb together, with word counts', async () => {
    const { spell, counts } = await loadDictionary('en');
    for (const word of ['colour', 'color', 'analyse', 'analyze', 'aeroplane', 'airplane', 'centre', 'center', 'favourite']) {
      expect(spell.correct(word)).toBe(true);
    }
    expect(spell.correct('colur')).toBe(false);
    expect(counts.count('the')).toBeGreaterThan(10_000);
  }, 30_000);
});
