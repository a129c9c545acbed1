/**
 * Verification of one candidate: which words of the checked text lie in shingles the source also
 * has, the shared runs (passages), and the similarities. Exact on the shingle sets, so the MinHash
 * estimate only chooses candidates and never decides a finding.
 *
 * Besides words, it counts shared CONTENT words (see stopwords.ts), distinct: a stock phrase ("i may
 * or may not be obsessed with") or a run of stop words covers many words of a short text while
 * sharing almost none of its content, and a phrase repeated in the checked text must not count twice.
 */
import type { Token } from './normalize.js';
import { isContentWord } from './stopwords.js';

export interface QueryShingles {
  /** Shingle hash → shingle positions in the checked text. */
  positions: Map<number, number[]>;
  /** Tokens in the checked text (a word split at an apostrophe is two, see Token.joined). */
  tokens: number;
  /** Per word: the id of its distinct content word, or −1 (stop word, number, lone letter, tag). */
  contentIds: Int32Array;
  /** Distinct content words in the checked text. */
  contentWords: number;
  /** Per word: 1 when it is the second piece of a word split at an apostrophe (see Token.joined). */
  joined: Uint8Array;
}

export interface Passage {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** Words in the run, a word split at an apostrophe counting once ("don't", "l'été"). */
  words: number;
  /** Distinct content words in the run. */
  contentWords: number;
}

export interface Comparison {
  /** Jaccard similarity of the two texts' distinct shingle sets. */
  jaccard: number;
  /** Share of the checked text's tokens covered by a shingle the source also has. */
  coverage: number;
  /** Words of the checked text covered by a shared shingle ("don't" counting once). */
  sharedWords: number;
  /** Share of the checked text's distinct content words covered by a shared shingle (0 when it has none). */
  contentCoverage: number;
  /** Distinct content words of the checked text covered by a shared shingle. */
  sharedContentWords: number;
  /** Shared runs of words, longest first. */
  passages: Passage[];
}

/** Indexes the checked text's shingles (k words each, in token order) once, for every candidate. */
export function indexQuery(shingles: Uint32Array, tokens: readonly Token[]): QueryShingles {
  const positions = new Map<number, number[]>();
  shingles.forEach((hash, position) => {
    const list = positions.get(hash);
    if (list === undefined) {
      positions.set(hash, [position]);
    } else {
      list.push(position);
    }
  });
  const ids = new Map<string, number>();
  const contentIds = new Int32Array(tokens.length).fill(-1);
  const joined = new Uint8Array(tokens.length);
  // Hashtags before the first and after the last plain word are tags ("… #MondayMotivation #tbt"),
  // copied on purpose and shared by thousands of posts: no evidence that the wording was copied. A
  // hashtag inside a sentence ("we love #Paris in spring") is a word like any other.
  let lead = 0;
  while (lead < tokens.length && (tokens[lead] as Token).hashtag) {
    lead++;
  }
  let trail = tokens.length;
  while (trail > lead && (tokens[trail - 1] as Token).hashtag) {
    trail--;
  }
  tokens.forEach((token, i) => {
    joined[i] = token.joined ? 1 : 0;
    if (i >= lead && i < trail && isContentWord(token.word)) {
      let id = ids.get(token.word);
      if (id === undefined) {
        id = ids.size;
        ids.set(token.word, id);
      }
      contentIds[i] = id;
    }
  });
  return { positions, tokens: tokens.length, contentIds, contentWords: ids.size, joined };
}

/** Compares the checked text with one source's shingles (k words each). */
export function compareWith(query: QueryShingles, source: Uint32Array, k: number): Comparison {
  const covered = new Uint8Array(query.tokens);
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
  const passages: Passage[] = [];
  // Stamps, so that distinct content words are counted per run and overall without a Set each.
  const runStamp = new Int32Array(query.contentWords);
  const seen = new Uint8Array(query.contentWords);
  let sharedContent = 0;
  let runContent = 0;
  let runWords = 0;
  let coveredTokens = 0;
  let coveredWords = 0;
  let runStart = -1;
  for (let i = 0; i <= query.tokens; i++) {
    if (i < query.tokens && covered[i] === 1) {
      coveredTokens++;
      if (runStart < 0) {
        runStart = i;
        runContent = 0;
        runWords = 0;
      }
      if (i === runStart || query.joined[i] === 0) {
        runWords++;
      }
      const id = query.contentIds[i] as number;
      if (id >= 0) {
        if (runStamp[id] !== passages.length + 1) {
          runStamp[id] = passages.length + 1;
          runContent++;
        }
        if (seen[id] === 0) {
          seen[id] = 1;
          sharedContent++;
        }
      }
    } else if (runStart >= 0) {
      passages.push({ first: runStart, last: i - 1, words: runWords, contentWords: runContent });
      coveredWords += runWords;
      runStart = -1;
    }
  }
  passages.sort((a, b) => b.words - a.words || b.last - b.first - (a.last - a.first) || a.first - b.first);
  return {
    jaccard: union === 0 ? 0 : shared / union,
    coverage: query.tokens === 0 ? 0 : coveredTokens / query.tokens,
    sharedWords: coveredWords,
    contentCoverage: query.contentWords === 0 ? 0 : sharedContent / query.contentWords,
    sharedContentWords: sharedContent,
    passages,
  };
}
