import { describe, expect, it } from 'vitest';
import { isContentLanguage, toUiLanguage } from './languages';

describe('toUiLanguage', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-fr', 'fr'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('maps %s to %s', (tag, expected) => {
    expect(toUiLanguage(tag)).toBe(expected);
  });
});

describe('isContentLanguage', () => {
  it('accepts the analysed languages only', () => {
    expect(['fr', 'en', 'es', 'de', 'it', 'pt'].every(isContentLanguage)).toBe(true);
    expect(isContentLanguage('nl')).toBe(false);
  });
});
