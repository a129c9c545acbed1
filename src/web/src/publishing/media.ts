/** Images attached to a post: what the server takes (≤ 4, ≤ 1 MB, PNG/JPEG/WebP/GIF) and their base64 upload. */

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const MAX_IMAGE_BYTES = 1_000_000;
export const MAX_IMAGES = 4;

export type ImageProblem = 'type' | 'size' | 'count';

/** Why this file cannot be attached, or null when it can. */
export function imageProblem(file: { type: string; size: number }, attached: number): ImageProblem | null {
  if (attached >= MAX_IMAGES) {
    return 'count';
  }
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return 'type';
  }
  return file.size > MAX_IMAGE_BYTES ? 'size' : null;
}

/** Base64 of bytes, in chunks (a spread of a whole image would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export const fileToBase64 = async (file: Blob): Promise<string> =>
  bytesToBase64(new Uint8Array(await file.arrayBuffer()));

/** `1.2 MB`, `830 kB`, in the reader's language. */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1_000, 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
