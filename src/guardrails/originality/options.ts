/** The originality index's tunables, their defaults and why. */
import type { OriginalityStore } from './store.js';

export interface OriginalityOptions {
  /** Words per shingle (MinHash and winnowing alike). 3: short enough for tweets, rarely shared by chance. */
  shingleSize: number;
  /**
   * Winnowing window, in shingles. 6 with 3-word shingles guarantees that any shared passage of
   * 6 + 3 − 1 = 8 words is found (the partial-copy threshold) while indexing ~2/7 of the shingles.
   */
  window: number;
  /** LSH bands × rows = MinHash permutations (32 × 4 = 128: a band matches at Jaccard 0.5 with p ≈ 0.87). */
  bands: number;
  rows: number;
  /** Seed of the hash family: part of the snapshot, since keys built with another seed never match. */
  seed: number;
  /** Texts with fewer words are not checked: a few words in common are not a copy. */
  minWords: number;
  /** A shared run of at least this many words is a partial copy. */
  minPassageWords: number;
  /** Similarity (max of shingle Jaccard and the share of the text in shared shingles) for a near-copy. */
  nearCopySimilarity: number;
  /** Candidates verified per check, best-scored first: bounds latency on huge indexes. */
  maxCandidates: number;
  /** Sources reported per check, most similar first. */
  maxSources: number;
}

export const DEFAULT_OPTIONS: OriginalityOptions = {
  shingleSize: 3,
  window: 6,
  bands: 32,
  rows: 4,
  seed: 0x4f524947,
  minWords: 6,
  minPassageWords: 8,
  nearCopySimilarity: 0.8,
  maxCandidates: 64,
  maxSources: 5,
};

export interface CreateIndexOptions extends Partial<OriginalityOptions> {
  /** Where documents live; an in-memory store by default. */
  store?: OriginalityStore;
}
