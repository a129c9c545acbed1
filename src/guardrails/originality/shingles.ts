/** Word shingles: hashes of every run of k consecutive folded words, in text order. */
import { combine, hashString } from './hash.js';
import type { Token } from './normalize.js';

/** Shingle i covers tokens [i, i + k); a text of fewer than k words has no shingle. */
export function shingleHashes(tokens: readonly Token[], k: number): Uint32Array {
  const count = Math.max(0, tokens.length - k + 1);
  const out = new Uint32Array(count);
  if (count === 0) {
    return out;
  }
  const words = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    words[i] = hashString((tokens[i] as Token).word);
  }
  for (let i = 0; i < count; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < k; j++) {
      h = combine(h, words[i + j] as number);
    }
    out[i] = h;
  }
  return out;
}
