/**
 * The binary model file: "HRTH", format version (u32 LE), header length (u32 LE), a JSON header
 * (everything but the weights), then the int8 weights. Small, with no parsing cost for the bulk.
 */
import type { LinearHead } from './linear.js';

const MAGIC = 'HRTH';
const FORMAT_VERSION = 1;

type Header = Omit<LinearHead, 'weights'> & { weightCount: number };

/** Serialises a head (weights already int8). */
export function encodeHead(head: LinearHead): Uint8Array {
  const { weights, ...rest } = head;
  const header: Header = { ...rest, weightCount: weights.length };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(12 + json.length + weights.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.length), 12 + json.length);
  return out;
}

/** Parses a model file; throws on a wrong magic, format or size. */
export function decodeHead(bytes: Uint8Array): LinearHead {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error('Not a Hearth model file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== FORMAT_VERSION) {
    throw new Error(`Unsupported model file format ${format}`);
  }
  const jsonLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  const start = 12 + jsonLength;
  const expected = 2 ** header.bits * header.outputs;
  if (header.weightCount !== expected || bytes.length !== start + expected) {
    throw new Error(`Model file ${header.name}: expected ${expected} weights`);
  }
  // A copy, so the head owns its memory (a Node Buffer may be a view into a shared pool).
  const weights = new Int8Array(expected);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + start, expected));
  const { weightCount: _count, ...rest } = header;
  return { ...rest, weights };
}
