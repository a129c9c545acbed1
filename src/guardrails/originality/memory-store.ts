/**
 * The in-memory OriginalityStore: documents in slots, shingles in one growable typed-array arena
 * (a typed array per document would cost ~100 bytes of overhead each), keys in two multimaps.
 * Removal is lazy: a removed slot's postings stay in the multimaps and are skipped at lookup; a
 * snapshot and restore compacts them away.
 */
import { UintMultiMap } from './multimap.js';
import { SOURCE_KINDS, type IndexKeys, type OriginalityDocument, type OriginalityStore } from './store.js';

export interface MemoryStoreOptions {
  /** Postings kept per band key or fingerprint (see UintMultiMap). */
  maxPostingsPerKey?: number;
}

export interface MemoryStoreStats {
  documents: number;
  removedSlots: number;
  bandPostings: number;
  fingerprintPostings: number;
  /** Bytes held in typed arrays (multimaps, arena, per-slot columns). */
  typedArrayBytes: number;
}

export class MemoryOriginalityStore implements OriginalityStore {
  private ids: (string | undefined)[] = [];
  private kinds = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private arena = new Uint32Array(16_384);
  private arenaUsed = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly bands: UintMultiMap;
  private readonly fingerprints: UintMultiMap;

  constructor(options: MemoryStoreOptions = {}) {
    const max = options.maxPostingsPerKey ?? 256;
    this.bands = new UintMultiMap(max);
    this.fingerprints = new UintMultiMap(max);
  }

  get size(): number {
    return this.slotOf.size;
  }

  put(document: OriginalityDocument, keys: IndexKeys): void {
    this.delete(document.id);
    const slot = this.ids.length;
    this.ensureSlots(slot + 1);
    this.ensureArena(this.arenaUsed + document.shingles.length);
    this.ids.push(document.id);
    this.kinds[slot] = SOURCE_KINDS.indexOf(document.kind);
    this.starts[slot] = this.arenaUsed;
    this.lengths[slot] = document.shingles.length;
    this.arena.set(document.shingles, this.arenaUsed);
    this.arenaUsed += document.shingles.length;
    this.slotOf.set(document.id, slot);
    for (const key of keys.bandKeys) {
      this.bands.add(key, slot);
    }
    for (const hash of keys.fingerprints) {
      this.fingerprints.add(hash, slot);
    }
  }

  delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) {
      return false;
    }
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    return true;
  }

  get(id: string): OriginalityDocument | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.documentAt(slot, id);
  }

  tallyBandKeys(keys: Uint32Array, tally: Map<string, number>): void {
    this.tally(this.bands, keys, tally);
  }

  tallyFingerprints(hashes: Uint32Array, tally: Map<string, number>): void {
    this.tally(this.fingerprints, hashes, tally);
  }

  *documents(): Iterable<OriginalityDocument> {
    for (let slot = 0; slot < this.ids.length; slot++) {
      const id = this.ids[slot];
      if (id !== undefined) {
        yield this.documentAt(slot, id);
      }
    }
  }

  stats(): MemoryStoreStats {
    return {
      documents: this.size,
      removedSlots: this.ids.length - this.size,
      bandPostings: this.bands.postings,
      fingerprintPostings: this.fingerprints.postings,
      typedArrayBytes:
        this.bands.bytes +
        this.fingerprints.bytes +
        this.arena.byteLength +
        this.kinds.byteLength +
        this.starts.byteLength +
        this.lengths.byteLength,
    };
  }

  private tally(map: UintMultiMap, keys: Uint32Array, tally: Map<string, number>): void {
    for (const key of keys) {
      map.forEach(key, (slot) => {
        const id = this.ids[slot];
        if (id !== undefined) {
          tally.set(id, (tally.get(id) ?? 0) + 1);
        }
      });
    }
  }

  private documentAt(slot: number, id: string): OriginalityDocument {
    const start = this.starts[slot] as number;
    return {
      id,
      kind: SOURCE_KINDS[this.kinds[slot] as number] ?? 'ingested',
      shingles: this.arena.subarray(start, start + (this.lengths[slot] as number)),
    };
  }

  private ensureSlots(count: number): void {
    if (count <= this.kinds.length) {
      return;
    }
    const capacity = Math.max(count, this.kinds.length * 2);
    this.kinds = grown(this.kinds, new Uint8Array(capacity));
    this.starts = grown(this.starts, new Int32Array(capacity));
    this.lengths = grown(this.lengths, new Int32Array(capacity));
  }

  private ensureArena(count: number): void {
    if (count > this.arena.length) {
      this.arena = grown(this.arena, new Uint32Array(Math.max(count, this.arena.length * 2)));
    }
  }
}

function grown<T extends Uint8Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
