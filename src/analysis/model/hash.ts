/** 32-bit string hashing for the hashed feature space: fast, allocation-free and stable across runs. */

const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units [start, end) of `s`, starting from `seed`. */
export function fnv1a(s: string, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads FNV's weak low bits so that masking to a bucket count is uniform. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of an ordered pair of hashes (word bigrams, tagged features). */
export function combine(a: number, b: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ b);
}
