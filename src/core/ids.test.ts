import { describe, expect, it } from 'vitest';
import { newId, newSecret } from './ids.js';

describe('ids', () => {
  it('sort by creation time', () => {
    const earlier = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier).toHaveLength(26);
  });

  it('are unique', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId()));
    expect(ids.size).toBe(5000);
  });

  it('secrets are url-safe and long', () => {
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('ids within one millisecond', () => {
  it('still sort in creation order', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => {
      newId(1_900_000_000_000 + i); // another clock interleaving
      return newId(1_800_000_000_000);
    });
    expect([...ids].sort()).toEqual(ids);
  });
});
