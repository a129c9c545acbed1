/** Shingle hashes ⇄ text for the database: base64 of little-endian u32s (one dialect-free text column). */

export function encodeShingles(shingles: Uint32Array): string {
  const bytes = new Uint8Array(shingles.length * 4);
  const view = new DataView(bytes.buffer);
  shingles.forEach((hash, i) => view.setUint32(i * 4, hash, true));
  return Buffer.from(bytes).toString('base64');
}

export function decodeShingles(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) {
    throw new Error('Corrupt shingles: length is not a multiple of 4 bytes');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = view.getUint32(i * 4, true);
  }
  return out;
}
