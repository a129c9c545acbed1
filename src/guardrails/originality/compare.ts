/**
 * Verification of one candidate: which words of the checked text lie in shingles the source also
 * has, the shared runs (passages), and the similarities. Exact on the shingle sets, so the MinHash
 * estimate only chooses candidates and never decides a finding.
 */

export interface QueryShingles {
  /** Shingle hash → shingle positions in the checked text. */
  positions: Map<number, number[]>;
  /** Words in the checked text. */
  words: number;
}

export interface Comparison {
  /** Jaccard similarity of the two texts' distinct shingle sets. */
  jaccard: number;
  /** Share of the checked text's words covered by a shingle the source also has. */
  coverage: number;
  /** Words of the checked text covered by a shared shingle. */
  sharedWords: number;
  /** Shared runs of words, [first, last] word indices inclusive, longest first. */
  passages: Array<{ first: number; last: number }>;
}

/** Indexes the checked text's shingles once, for every candidate. */
export function indexQuery(shingles: Uint32Array, words: number): QueryShingles {
  const positions = new Map<number, number[]>();
  shingles.forEach((hash, position) => {
    const list = positions.get(hash);
    if (list === undefined) {
      positions.set(hash, [position]);
    } else {
      list.push(position);
    }
  });
  return { positions, words };
}

/** Compares the checked text with one source's shingles (k words each). */
export function compareWith(query: QueryShingles, source: Uint32Array, k: number): Comparison {
  const covered = new Uint8Array(query.words);
  const distinct = new Set(source);
  let shared = 0;
  for (const hash of distinct) {
    const positions = query.positions.get(hash);
    if (positions !== undefined) {
      shared++;
      for (const position of positions) {
        covered.fill(1, position, position + k);
      }
    }
  }
  const union = query.positions.size + distinct.size - shared;
  const passages: Array<{ first: number; last: number }> = [];
  let coveredWords = 0;
  let runStart = -1;
  for (let i = 0; i <= query.words; i++) {
    if (i < query.words && covered[i] === 1) {
      coveredWords++;
      if (runStart < 0) {
        runStart = i;
      }
    } else if (runStart >= 0) {
      passages.push({ first: runStart, last: i - 1 });
      runStart = -1;
    }
  }
  passages.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  return {
    jaccard: union === 0 ? 0 : shared / union,
    coverage: query.words === 0 ? 0 : coveredWords / query.words,
    sharedWords: coveredWords,
    passages,
  };
}
