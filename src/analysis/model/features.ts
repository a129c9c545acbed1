/**
 * One feature extraction per text, shared by every linear head (sentiment, offensive, spam,
 * intents): hashed word 1–2-grams, negation-marked words, character 2–5-grams inside word
 * boundaries and lexicon cues. Indices are full 32-bit hashes; each head masks them to its own
 * bucket count, so heads of different sizes share the same vector.
 */
import { combine, fnv1a, mix32 } from './hash.js';
import { NEGATORS, PROFANITY } from './lexicon.js';

/** Bumped whenever extraction changes: a model trained on another version is refused at load. */
export const FEATURE_VERSION = 1;

export interface FeatureVector {
  /** 32-bit feature hashes; a head uses `index & mask`. May repeat (counts add up). */
  readonly indices: Uint32Array;
  readonly values: Float32Array;
  readonly length: number;
}

// Salts keep the feature families apart in the shared hash space.
const SEED_WORD = 0x811c9dc5;
const SEED_CHAR = 0x01000193;
const SEED_NEG = 0x5bd1e995;
const SEED_BIGRAM = 0x27d4eb2d;
const SEED_LEX = 0x165667b1;
const MIN_CHAR_N = 2;
const MAX_CHAR_N = 5;
// How many words after a negator are marked as negated, unless punctuation comes first.
const NEGATION_SCOPE = 3;
// Character n-grams outnumber words ~10 to 1; giving each family its own unit norm keeps words audible.
const CHAR_WEIGHT = 1;
const WORD_WEIGHT = 1;
const LEX_VALUE = 0.5;

const TOKEN = /[\p{L}\p{N}\p{M}_@#]+(?:'[\p{L}\p{N}\p{M}]+)*'?|\p{Extended_Pictographic}|[!?]+|[^\s\p{L}\p{N}\p{M}]/gu;
const WORDLIKE = /^[\p{L}\p{N}\p{M}_@#]/u;
const LEX_HASH = mix32(fnv1a('<profanity>', 0, 11, SEED_LEX));

/** Features of an already normalised text (see `normalizeForModel`). Deterministic. */
export function extractFeatures(normalized: string): FeatureVector {
  const tokens = normalized.match(TOKEN) ?? [];
  // Upper bound: ≤ 3 word features and ≤ 4 char n-grams per padded character, per token.
  const capacity = 16 * normalized.length + 16;
  const indices = new Uint32Array(capacity);
  const values = new Float32Array(capacity);
  let n = 0;
  let charCount = 0;

  // Words first, with unit value; rescaled below once their number is known.
  let previous = fnv1a('<s>', 0, 3, SEED_WORD);
  let negated = 0;
  let lexHits = 0;
  for (const token of tokens) {
    const h = fnv1a(token, 0, token.length, SEED_WORD);
    indices[n++] = mix32(h);
    indices[n++] = combine(previous ^ SEED_BIGRAM, h);
    previous = h;
    const wordlike = WORDLIKE.test(token);
    if (!wordlike) {
      negated = 0;
    } else if (negated > 0) {
      indices[n++] = mix32(h ^ SEED_NEG);
      negated--;
    }
    if (NEGATORS.has(token) || token.endsWith("n't") || token.startsWith("n'")) {
      negated = NEGATION_SCOPE;
    }
    if (PROFANITY.has(token) || PROFANITY.has(token.replace(/^#/, ''))) {
      lexHits++;
    }
  }
  indices[n++] = combine(previous ^ SEED_BIGRAM, fnv1a('</s>', 0, 4, SEED_WORD));
  const wordEnd = n;
  const wordValue = WORD_WEIGHT / Math.sqrt(Math.max(1, wordEnd));
  values.fill(wordValue, 0, wordEnd);

  for (const token of tokens) {
    // Boundary markers make prefixes and suffixes distinct n-grams ("<ne" vs "ne>").
    const padded = `<${token}>`;
    const len = padded.length;
    for (let start = 0; start + MIN_CHAR_N <= len; start++) {
      let h = SEED_CHAR;
      const stop = Math.min(len, start + MAX_CHAR_N);
      for (let i = start; i < stop; i++) {
        h = Math.imul(h ^ padded.charCodeAt(i), 0x01000193);
        if (i - start + 1 >= MIN_CHAR_N) {
          indices[n++] = mix32(h);
          charCount++;
        }
      }
    }
  }
  const charValue = CHAR_WEIGHT / Math.sqrt(Math.max(1, charCount));
  values.fill(charValue, wordEnd, n);

  if (lexHits > 0) {
    indices[n] = LEX_HASH;
    values[n++] = LEX_VALUE * Math.min(3, lexHits);
  }
  // Copies, so that a stored vector does not pin the over-sized scratch arrays.
  return { indices: indices.slice(0, n), values: values.slice(0, n), length: n };
}
