/**
 * Guardrail 6, originality: is the text a copy of one of our own posts, of a competitor's post or of
 * something listening ingested? Candidates come from MinHash + LSH over word 3-shingles (near-copies)
 * and from winnowed fingerprints (shared passages); each candidate is then verified exactly on its
 * shingles, and the shared words are mapped back to spans of the text as typed.
 */
import type { Finding } from '../types.js';
import { compareWith, indexQuery } from './compare.js';
import { findingsFor, similarityOf, type SourceMatch } from './findings.js';
import { MemoryOriginalityStore } from './memory-store.js';
import { bandKeys, createHashFamily, minhashSignature, type HashFamily } from './minhash.js';
import { tokenize } from './normalize.js';
import { DEFAULT_OPTIONS, type CreateIndexOptions, type OriginalityOptions } from './options.js';
import { decodeSnapshot, encodeSnapshot } from './serialize.js';
import { shingleHashes } from './shingles.js';
import type { IndexKeys, OriginalityDocument, OriginalityStore, SourceKind } from './store.js';
import { fingerprintHashes } from './winnow.js';

export { NEAR_COPY_RULE, PARTIAL_COPY_RULE } from './findings.js';
export { MemoryOriginalityStore } from './memory-store.js';
export { DEFAULT_OPTIONS, type CreateIndexOptions, type OriginalityOptions } from './options.js';
export type { IndexKeys, OriginalityDocument, OriginalityStore, SourceKind } from './store.js';

export interface OriginalitySource {
  id: string;
  text: string;
  /** Who wrote it; 'ingested' when omitted. */
  kind?: SourceKind;
}

export interface OriginalityCheckOptions {
  /** Sources to ignore, e.g. the post being edited, already published. */
  excludeIds?: readonly string[];
}

export interface OriginalityIndex {
  readonly options: Readonly<OriginalityOptions>;
  readonly store: OriginalityStore;
  readonly size: number;
  /** Indexes a text, replacing any document with the same id (texts under 3 words are only removed). */
  add(source: OriginalitySource): void;
  /** The document `add` would index (null for texts under 3 words): what a persistent store keeps. */
  documentOf(source: OriginalitySource): OriginalityDocument | null;
  /** Indexes a document made by `documentOf` with the same shingle size, e.g. read back from a database. */
  addDocument(document: OriginalityDocument): void;
  remove(id: string): boolean;
  /** Findings against the indexed sources, most similar source first; [] for texts under minWords. */
  check(text: string, options?: OriginalityCheckOptions): Finding[];
  /** A compact snapshot of the documents (see serialize.ts); the store's keys are rebuilt on restore. */
  serialize(): Uint8Array;
}

/** Creates an originality index over the given store (in memory by default). */
export function createOriginalityIndex(options: CreateIndexOptions = {}): OriginalityIndex {
  const { store = new MemoryOriginalityStore(), ...rest } = options;
  const settings: OriginalityOptions = { ...DEFAULT_OPTIONS, ...rest };
  const family = createHashFamily(settings.bands, settings.rows, settings.seed);
  const documentOf = (source: OriginalitySource): OriginalityDocument | null => {
    const shingles = shingleHashes(tokenize(source.text), settings.shingleSize);
    return shingles.length === 0 ? null : { id: source.id, kind: source.kind ?? 'ingested', shingles };
  };
  const addDocument = (document: OriginalityDocument): void => {
    store.put(document, keysOf(document.shingles, settings, family));
  };
  return {
    options: settings,
    store,
    get size() {
      return store.size;
    },
    add(source) {
      const document = documentOf(source);
      if (document === null) {
        store.delete(source.id);
        return;
      }
      addDocument(document);
    },
    documentOf,
    addDocument,
    remove: (id) => store.delete(id),
    check: (text, checkOptions = {}) => check(text, checkOptions, store, settings, family),
    serialize: () => encodeSnapshot(settings, store.documents()),
  };
}

/** Rebuilds an index from `serialize()` bytes; key-shaping options come from the snapshot. */
export function restoreOriginalityIndex(
  bytes: Uint8Array,
  options: CreateIndexOptions = {},
): OriginalityIndex {
  const { header, documents } = decodeSnapshot(bytes);
  const index = createOriginalityIndex({ ...options, ...header });
  const family = createHashFamily(header.bands, header.rows, header.seed);
  for (const document of documents) {
    index.store.put(document, keysOf(document.shingles, index.options, family));
  }
  return index;
}

function keysOf(shingles: Uint32Array, settings: OriginalityOptions, family: HashFamily): IndexKeys {
  return {
    bandKeys: bandKeys(minhashSignature(shingles, family), family),
    fingerprints: fingerprintHashes(shingles, settings.window),
  };
}

function check(
  text: string,
  checkOptions: OriginalityCheckOptions,
  store: OriginalityStore,
  settings: OriginalityOptions,
  family: HashFamily,
): Finding[] {
  const tokens = tokenize(text);
  if (tokens.length < settings.minWords) {
    return [];
  }
  const shingles = shingleHashes(tokens, settings.shingleSize);
  const keys = keysOf(shingles, settings, family);
  const tally = new Map<string, number>();
  store.tallyBandKeys(keys.bandKeys, tally);
  store.tallyFingerprints(keys.fingerprints, tally);
  for (const id of checkOptions.excludeIds ?? []) {
    tally.delete(id);
  }
  // Most shared keys first; ties by id so that the same index always verifies the same candidates.
  const candidates = [...tally.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, settings.maxCandidates);
  const query = indexQuery(shingles, tokens);
  const matches: SourceMatch[] = [];
  for (const [id] of candidates) {
    const source = store.get(id);
    if (source !== undefined) {
      const comparison = compareWith(query, source.shingles, settings.shingleSize);
      matches.push({ sourceId: id, kind: source.kind, comparison, similarity: similarityOf(comparison) });
    }
  }
  matches.sort((a, b) => b.similarity - a.similarity || (a.sourceId < b.sourceId ? -1 : 1));
  const limits = {
    nearCopySimilarity: settings.nearCopySimilarity,
    nearCopyCoverage: settings.nearCopyCoverage,
    minNearCopyContentWords: settings.minNearCopyContentWords,
    minPassageWords: settings.minPassageWords,
    minPassageContentWords: settings.minPassageContentWords,
    maxPassages: 3,
  };
  const findings: Finding[] = [];
  let sources = 0;
  for (const match of matches) {
    const found = findingsFor(text, tokens, match, limits);
    if (found.length > 0) {
      findings.push(...found);
      if (++sources >= settings.maxSources) {
        break;
      }
    }
  }
  return findings;
}
