/**
 * The seam between the originality index and where its documents live. The in-memory store is the
 * reference; a database store persists the same three things per document (kind, shingle hashes in
 * text order, and the derived keys in two lookup tables) and is fed incrementally as posts are
 * published and listening ingests items.
 */

export type SourceKind = 'own' | 'competitor' | 'ingested';

export const SOURCE_KINDS: readonly SourceKind[] = ['own', 'competitor', 'ingested'];

/** What is kept of an indexed text: never the text itself, only its word-shingle hashes in order. */
export interface OriginalityDocument {
  id: string;
  kind: SourceKind;
  /** Shingle hashes in text order (duplicates kept): band keys and fingerprints derive from them. */
  shingles: Uint32Array;
}

/** The lookup keys derived from a document's shingles, stored so that lookups need no recomputation. */
export interface IndexKeys {
  /** One LSH key per band of the MinHash signature. */
  bandKeys: Uint32Array;
  /** Distinct winnowed fingerprint hashes. */
  fingerprints: Uint32Array;
}

export interface OriginalityStore {
  readonly size: number;
  /** Adds a document, replacing any with the same id. */
  put(document: OriginalityDocument, keys: IndexKeys): void;
  delete(id: string): boolean;
  get(id: string): OriginalityDocument | undefined;
  /** Adds 1 to `tally[id]` for each band key a live document shares with `keys`. */
  tallyBandKeys(keys: Uint32Array, tally: Map<string, number>): void;
  /** Adds 1 to `tally[id]` for each fingerprint a live document shares with `hashes`. */
  tallyFingerprints(hashes: Uint32Array, tally: Map<string, number>): void;
  /** Every live document, for snapshots and rebuilds. */
  documents(): Iterable<OriginalityDocument>;
}
