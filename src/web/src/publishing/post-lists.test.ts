import { describe, expect, it } from 'vitest';
import { excerpt } from './post-lists';

describe('excerpt', () => {
  it('keeps the first line and cuts it with an ellipsis', () => {
    expect(excerpt('  Hello\nworld')).toBe('Hello');
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('abcde', 5)).toBe('abcde');
  });
});
