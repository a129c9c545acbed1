/** 32-bit hashing for shingles, MinHash and LSH: fast (Math.imul), deterministic, no dependencies. */

/** MurmurHash3's finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised with fmix32 (FNV alone mixes its high bits poorly). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Order-sensitive combination: fmix32 is a bijection, so chaining it keeps (a, b) ≠ (b, a). */
export function combine(seed: number, value: number): number {
  return fmix32((seed ^ Math.imul(value, 0x9e3779b1)) >>> 0);
}

/** A deterministic stream of 32-bit integers (SplitMix32-like) to draw hash-family parameters. */
export function seededStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}
