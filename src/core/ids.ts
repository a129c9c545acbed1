import { randomBytes } from 'node:crypto';

/**
 * Time-ordered ids, like ULID: 48-bit milliseconds then 80 random bits, in Crockford base32, so
 * rows sort by creation on both databases without an auto-increment column. Within one millisecond
 * the random part is incremented (monotonic), so ids made by one process never sort out of order.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_DIGITS = 16;

// Last random part per recent millisecond. Several clocks may interleave (the request-id clock and
// a test's fixed clock), so one "last" value would reset the sequence; a few entries suffice.
const recent = new Map<number, number[]>();
const RECENT_LIMIT = 16;

function freshRandom(): number[] {
  const bytes = randomBytes(RANDOM_DIGITS);
  return Array.from(bytes, (b) => b % 32);
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return freshRandom(); // 2^80 ids in one millisecond: not reachable in practice.
}

export function newId(now: number = Date.now()): string {
  const previous = recent.get(now);
  const random = previous ? increment(previous) : freshRandom();
  recent.delete(now);
  recent.set(now, random);
  if (recent.size > RECENT_LIMIT) {
    recent.delete(recent.keys().next().value!);
  }
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((d) => ALPHABET[d]).join('');
}

/** A URL-safe secret with 256 bits of entropy (session cookies, invitation links, API tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
