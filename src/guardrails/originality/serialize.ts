/**
 * The snapshot format, little-endian: "HOR1", the five key-shaping options (shingle size, window,
 * bands, rows as u8; seed as u32), the document count (u32), then per document: id length (u32) and
 * UTF-8 id, kind (u8), shingle count (u32) and the shingle hashes (u32 each). Keys are not stored:
 * they derive from the shingles and the options, which keeps a million tweets near 80 MB.
 */
import { SOURCE_KINDS, type OriginalityDocument } from './store.js';

const MAGIC = 0x31524f48; // "HOR1" read as a little-endian u32

export interface SnapshotHeader {
  shingleSize: number;
  window: number;
  bands: number;
  rows: number;
  seed: number;
}

class Writer {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  u8(value: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
      next.set(this.bytes);
      this.bytes = next;
      this.view = new DataView(next.buffer);
    }
  }
}

/** Encodes a snapshot of the documents under the options that shaped their keys. */
export function encodeSnapshot(header: SnapshotHeader, documents: Iterable<OriginalityDocument>): Uint8Array {
  const out = new Writer();
  const encoder = new TextEncoder();
  out.u32(MAGIC);
  out.u8(header.shingleSize);
  out.u8(header.window);
  out.u8(header.bands);
  out.u8(header.rows);
  out.u32(header.seed);
  const countAt = out.length;
  out.u32(0);
  let count = 0;
  for (const document of documents) {
    const id = encoder.encode(document.id);
    out.u32(id.length);
    out.raw(id);
    out.u8(SOURCE_KINDS.indexOf(document.kind));
    out.u32(document.shingles.length);
    // Copy through a fresh little-endian view: the platform's own byte order must not leak in.
    const shingles = new Uint8Array(document.shingles.length * 4);
    const view = new DataView(shingles.buffer);
    document.shingles.forEach((hash, i) => view.setUint32(i * 4, hash, true));
    out.raw(shingles);
    count++;
  }
  const bytes = out.result();
  new DataView(bytes.buffer).setUint32(countAt, count, true);
  return bytes;
}

/** Decodes a snapshot lazily (a million documents need not all be held at once); throws on a foreign or corrupt one. */
export function decodeSnapshot(bytes: Uint8Array): {
  header: SnapshotHeader;
  documents: Iterable<OriginalityDocument>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || view.getUint32(0, true) !== MAGIC) {
    throw new Error('not an originality index snapshot');
  }
  const header: SnapshotHeader = {
    shingleSize: view.getUint8(4),
    window: view.getUint8(5),
    bands: view.getUint8(6),
    rows: view.getUint8(7),
    seed: view.getUint32(8, true),
  };
  return { header, documents: readDocuments(bytes, view, view.getUint32(12, true)) };
}

function* readDocuments(bytes: Uint8Array, view: DataView, count: number): Generator<OriginalityDocument> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 16;
  for (let d = 0; d < count; d++) {
    if (at + 9 > bytes.byteLength) {
      throw new Error('truncated originality index snapshot');
    }
    const idLength = view.getUint32(at, true);
    const id = decoder.decode(bytes.subarray(at + 4, at + 4 + idLength));
    at += 4 + idLength;
    const kind = SOURCE_KINDS[view.getUint8(at)];
    const n = view.getUint32(at + 1, true);
    at += 5;
    if (kind === undefined || at + n * 4 > bytes.byteLength) {
      throw new Error('truncated or corrupt originality index snapshot');
    }
    const shingles = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      shingles[i] = view.getUint32(at + i * 4, true);
    }
    at += n * 4;
    yield { id, kind, shingles };
  }
}
