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
  /**
   * A shared run of at least this many words is a partial copy, a word split at an apostrophe
   * counting once ("don't"): 8 is a sentence's worth, longer than the usual stock phrase.
   */
  minPassageWords: number;
  /**
   * ...when at least this many of them are distinct content words (stopwords.ts): "and i don't know
   * how to feel about" is 8 words but 2 content words, "yankees hit 3 hrs in 8-run 2nd inning" 6.
   */
  minPassageContentWords: number;
  /** Shingle Jaccard at which two texts are near-copies of one another. */
  nearCopySimilarity: number;
  /**
   * Share of the text's words lying in shingles of one source at which the text is a near-copy of it
   * (a truncated copy, or a copy with words inserted), provided at least minPassageWords are shared.
   * 0.75: two words inserted into a 12-word post leave ~0.8; a short original sharing one frame with
   * a longer post ("… and I are going to see X tomorrow") rarely reaches it with 8 words.
   */
  nearCopyCoverage: number;
  /**
   * Distinct content words (stopwords.ts) a near-copy must share with its source: 3 keeps identical
   * stock phrases, scattered function words and shared tags from making a copy.
   */
  minNearCopyContentWords: number;
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
  minPassageContentWords: 3,
  nearCopySimilarity: 0.8,
  nearCopyCoverage: 0.75,
  minNearCopyContentWords: 3,
  maxCandidates: 64,
  maxSources: 5,
};

export interface CreateIndexOptions extends Partial<OriginalityOptions> {
  /** Where documents live; an in-memory store by default. */
  store?: OriginalityStore;
}
