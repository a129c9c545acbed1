/**
 * Winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003): from each window of w consecutive shingle
 * hashes keep the minimum (robust winnowing: on a tie the one already chosen stays, else the rightmost),
 * recording a position only when it changes. Any passage shared by two texts that spans at least
 * w + k − 1 words yields a common fingerprint, and about 2 / (w + 1) of the shingles are kept.
 */

export interface Fingerprint {
  hash: number;
  /** Index of the shingle, i.e. of its first word. */
  position: number;
}

/** Robust winnowing; a text with fewer than w shingles keeps the minimum of all of them. */
export function winnow(shingles: Uint32Array, window: number): Fingerprint[] {
  const out: Fingerprint[] = [];
  const n = shingles.length;
  if (n === 0) {
    return out;
  }
  const w = Math.min(window, n);
  let chosen = -1;
  for (let start = 0; start + w <= n; start++) {
    const end = start + w - 1;
    if (chosen < start) {
      // The previous minimum left the window: scan it all (rightmost minimum).
      chosen = start;
      for (let i = start + 1; i <= end; i++) {
        if ((shingles[i] as number) <= (shingles[chosen] as number)) {
          chosen = i;
        }
      }
      out.push({ hash: shingles[chosen] as number, position: chosen });
    } else if ((shingles[end] as number) < (shingles[chosen] as number)) {
      chosen = end;
      out.push({ hash: shingles[chosen] as number, position: chosen });
    }
  }
  return out;
}

/** The distinct fingerprint hashes of a text, for the index. */
export function fingerprintHashes(shingles: Uint32Array, window: number): Uint32Array {
  return Uint32Array.from(new Set(winnow(shingles, window).map((f) => f.hash)));
}
