/**
 * MinHash signatures and LSH band keys. With b bands of r rows, two texts of Jaccard J share a band
 * with probability 1 − (1 − J^r)^b: for 32 × 4 that is 0.87 at J = 0.5, 0.9999 at J = 0.8 and
 * 0.03 at J = 0.2, so near-copies are almost always candidates and unrelated texts rarely are.
 */
import { combine, fmix32, seededStream } from './hash.js';

export interface HashFamily {
  bands: number;
  rows: number;
  /** Multipliers (odd) and offsets of the permutations x ↦ a·x + b mod 2³². */
  a: Uint32Array;
  b: Uint32Array;
}

/** Draws bands × rows permutations from a seed: same seed, same family, same keys across processes. */
export function createHashFamily(bands: number, rows: number, seed: number): HashFamily {
  const n = bands * rows;
  const next = seededStream(seed);
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = (next() | 1) >>> 0;
    b[i] = next();
  }
  return { bands, rows, a, b };
}

/**
 * The signature: per permutation, the minimum over the distinct shingles. Shingle hashes are already
 * fmix-ed, so a cheap linear permutation is enough (a full fmix per hash would triple build time).
 */
export function minhashSignature(shingles: Uint32Array, family: HashFamily): Uint32Array {
  const n = family.a.length;
  const signature = new Uint32Array(n).fill(0xffffffff);
  const { a, b } = family;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < n; i++) {
      const h = (Math.imul(x, a[i] as number) + (b[i] as number)) >>> 0;
      if (h < (signature[i] as number)) {
        signature[i] = h;
      }
    }
  }
  return signature;
}

/** One key per band; the band number is hashed in so that equal rows in different bands differ. */
export function bandKeys(signature: Uint32Array, family: HashFamily): Uint32Array {
  const keys = new Uint32Array(family.bands);
  for (let band = 0; band < family.bands; band++) {
    let h = fmix32(band + 0x6a09e667);
    for (let row = 0; row < family.rows; row++) {
      h = combine(h, signature[band * family.rows + row] as number);
    }
    keys[band] = h;
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function estimateJaccard(left: Uint32Array, right: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < left.length; i++) {
    if (left[i] === right[i]) {
      equal++;
    }
  }
  return left.length === 0 ? 0 : equal / left.length;
}
