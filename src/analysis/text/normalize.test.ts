import { describe, expect, it } from 'vitest';
import { normalizeForModel } from './normalize.js';

describe('normalizeForModel', () => {
  it('decodes literal \\uXXXX escapes, including surrogate pairs', () => {
    expect(normalizeForModel('It\\u2019s great\\u002c really \\ud83d\\ude00')).toBe("it's great, really 😀");
  });

  it('replaces URLs and handles like TweetEval, keeps emoji, lower-cases', () => {
    expect(normalizeForModel('Hey @Some_Brand look https://example.com/x?y=1 😡 NOW')).toBe('hey @user look http 😡 now');
  });

  it('composes to NFC and squeezes long runs and spaces', () => {
    expect(normalizeForModel('Cafe\u0301   trooooop   bien!!!!!!')).toBe('café trooop bien!!!');
  });

  it('keeps e-mail-like text from becoming a handle', () => {
    expect(normalizeForModel('write to a@b.fr')).toBe('write to a@b.fr');
  });
});
