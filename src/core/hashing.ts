import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a high-entropy secret (session, token, invitation): stored instead of the secret. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
