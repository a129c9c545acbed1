/**
 * The record key of a Hearth post on Bluesky, derived from its idempotency key: the same key always
 * names the same record, and the PDS refuses a second record under a key that exists, so a retry can
 * never publish twice.
 *
 * The PDS requires a TID for `app.bsky.feed.post` (13 base32-sortable characters: 53 bits of
 * microseconds since 1970, then a 10-bit clock id), and `listRecords` returns records in key order.
 * Hearth's idempotency keys start with a Hearth id (10 characters of Crockford base32 milliseconds,
 * the time the draft was made): the TID keeps that time to about 72 minutes (2^32 µs) and fills the
 * other 42 bits from a SHA-256 of the key, so Hearth's posts sort roughly by draft among the
 * account's posts. A key without a Hearth time gets a time between 2000 and 2020 from the hash (it
 * sorts before every real Bluesky post) and 59 bits of hash. Two keys of one account collide only when
 * their hour and 42 hash bits match (2^-42 per pair; ~10^-9 for 100 drafts in one hour).
 *
 * Never change this derivation: a retry after the change would not find the first attempt's record.
 */
import { createHash } from 'node:crypto';

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const HEARTH_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const HEARTH_ID_TIME = /^[0-9a-hjkmnp-tv-z]{10}/;
const DOMAIN = 'hearth/bluesky/record-key/v1\n';

const WINDOW_BITS = 32n;
const WINDOW_MASK = (1n << WINDOW_BITS) - 1n;
const EARLIEST_KEY_TIME_MS = Date.UTC(2020, 0, 1);
const LATEST_KEY_TIME_MS = Date.UTC(2200, 0, 1);
const FALLBACK_START_US = BigInt(Date.UTC(2000, 0, 1)) * 1000n;
const FALLBACK_SPAN_US = BigInt(Date.UTC(2020, 0, 1) - Date.UTC(2000, 0, 1)) * 1000n;

/** The TID record key for an idempotency key (deterministic, valid for app.bsky.feed.post). */
export function recordKeyFor(idempotencyKey: string): string {
  const bits = createHash('sha256').update(DOMAIN).update(idempotencyKey).digest().readBigUInt64BE(0);
  const clockId = bits & 0x3ffn;
  const hashed = bits >> 10n;
  const keyTimeMs = hearthIdTime(idempotencyKey);
  const micros =
    keyTimeMs === undefined
      ? FALLBACK_START_US + (hashed % FALLBACK_SPAN_US)
      : ((BigInt(keyTimeMs) * 1000n) & ~WINDOW_MASK) | (hashed & WINDOW_MASK);
  return encodeTid(micros, clockId);
}

/** The time a TID carries (to the microsecond, truncated to the millisecond). */
export function tidTime(tid: string): Date {
  let value = 0n;
  for (const char of tid) {
    value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(char));
  }
  return new Date(Number((value >> 10n) / 1000n));
}

function encodeTid(micros: bigint, clockId: bigint): string {
  let value = (micros << 10n) | clockId; // micros < 2^53, so the top bit stays 0
  let tid = '';
  for (let i = 0; i < 13; i++) {
    tid = TID_ALPHABET[Number(value & 31n)]! + tid;
    value >>= 5n;
  }
  return tid;
}

/** The milliseconds of a leading Hearth id, when the key starts with one of a plausible time. */
function hearthIdTime(key: string): number | undefined {
  const prefix = HEARTH_ID_TIME.exec(key)?.[0];
  if (prefix === undefined) {
    return undefined;
  }
  let ms = 0;
  for (const char of prefix) {
    ms = ms * 32 + HEARTH_ID_ALPHABET.indexOf(char);
  }
  return ms >= EARLIEST_KEY_TIME_MS && ms < LATEST_KEY_TIME_MS ? ms : undefined;
}
