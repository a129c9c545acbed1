import { describe, expect, it } from 'vitest';
import { bytesToBase64, formatBytes, imageProblem } from './media';

describe('post images', () => {
  it('takes up to four images of the networks’ formats, up to 1 MB', () => {
    expect(imageProblem({ type: 'image/png', size: 1_000_000 }, 3)).toBeNull();
    expect(imageProblem({ type: 'image/png', size: 1_000_001 }, 0)).toBe('size');
    expect(imageProblem({ type: 'image/svg+xml', size: 10 }, 0)).toBe('type');
    expect(imageProblem({ type: 'image/jpeg', size: 10 }, 4)).toBe('count');
  });

  it('encodes large images in base64 without overflowing the stack', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  it('says sizes in the reader’s language', () => {
    expect(formatBytes(830_000, 'en')).toBe('830 kB');
    expect(formatBytes(1_200_000, 'fr')).toBe('1,2\u202fMo');
  });
});
