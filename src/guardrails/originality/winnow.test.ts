import { describe, expect, it } from 'vitest';
import { winnow } from './winnow.js';

describe('winnow', () => {
  it('keeps the minimum of every window, once per position', () => {
    const hashes = Uint32Array.from([77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98]);
    // The example of Schleimer et al. (2003), window 4: 17 17 8 39 17.
    expect(winnow(hashes, 4).map((f) => f.hash)).toEqual([17, 17, 8, 39, 17]);
  });

  it('keeps the minimum of a text shorter than the window', () => {
    expect(winnow(Uint32Array.from([5, 3, 9]), 6)).toEqual([{ hash: 3, position: 1 }]);
  });

  it('finds a fingerprint in every run of at least w shingles', () => {
    const hashes = Uint32Array.from({ length: 200 }, (_, i) => (i * 2654435761) >>> 0);
    const positions = winnow(hashes, 6).map((f) => f.position);
    for (let start = 0; start + 6 <= hashes.length; start++) {
      expect(positions.some((p) => p >= start && p < start + 6)).toBe(true);
    }
  });
});
