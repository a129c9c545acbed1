/**
 * A reply draft's idempotency key: the server stores one reply per key, so a double click (or a
 * resend after a lost answer) sends once. randomUUID needs a secure context; plain-HTTP installs on a
 * LAN address are not one, so fall back to getRandomValues.
 */
interface RandomSource {
  randomUUID?: () => string;
  getRandomValues: (array: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
}

export function newDraftKey(source: RandomSource = crypto): string {
  if (typeof source.randomUUID === 'function') {
    return source.randomUUID();
  }
  const bytes = source.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
