import { randomBytes } from 'node:crypto';

/**
 * Time-ordered ids (48-bit milliseconds + 80 random bits, base32 Crockford, like ULID) so that
 * rows sort by creation on both databases without an auto-increment column.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    rand += ALPHABET[bytes[i]! % 32];
  }
  return time + rand;
}

/** A URL-safe secret with 256 bits of entropy (session cookies, invitation links, API tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
