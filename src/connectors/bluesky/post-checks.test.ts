import { describe, expect, it } from 'vitest';
import { isConnectorError, type ImageInput, type PostInput } from '../types.js';
import { checkPost } from './post-checks.js';

const image = (extra: Partial<ImageInput> = {}): ImageInput => ({
  data: new Uint8Array(10),
  mimeType: 'image/png',
  altText: 'A chart of the week',
  ...extra,
});

const post = (extra: Partial<PostInput> = {}): PostInput => ({
  idempotencyKey: 'k-1',
  text: 'Hello',
  ...extra,
});

function refusal(input: PostInput): string | undefined {
  try {
    checkPost(input);
    return undefined;
  } catch (error) {
    expect(isConnectorError(error) && error.kind).toBe('permanent');
    return (error as Error).message;
  }
}

describe('checkPost', () => {
  it('accepts what Bluesky accepts: 300 graphemes, 4 described images, a language', () => {
    expect(refusal(post({ text: 'é'.repeat(300) }))).toBeUndefined();
    expect(refusal(post({ text: '👩‍👩‍👧'.repeat(100) }))).toBeUndefined(); // 100 graphemes, 1,800 bytes
    expect(
      refusal(post({ images: [image(), image(), image(), image()], language: 'fr-CA' })),
    ).toBeUndefined();
    expect(refusal(post({ text: '', images: [image()] }))).toBeUndefined();
  });

  it('counts graphemes, and the 3,000-byte ceiling too', () => {
    expect(refusal(post({ text: 'a'.repeat(301) }))).toMatch(/301 characters long; Bluesky allows 300/);
    expect(refusal(post({ text: '👩‍👩‍👧‍👦'.repeat(200) }))).toMatch(/bytes; Bluesky allows 3000/);
  });

  it.each([
    ['an empty post', post({ text: '  ' }), /text or an image/],
    ['five images', post({ images: [image(), image(), image(), image(), image()] }), /5 images/],
    ['a heavy image', post({ images: [image({ data: new Uint8Array(2_000_001) })] }), /2000001 bytes/],
    ['a video', post({ images: [image({ mimeType: 'video/mp4' })] }), /not an image/],
    ['an image without alt text', post({ images: [image({ altText: ' ' })] }), /no description/],
    ['a long alt text', post({ images: [image({ altText: 'x'.repeat(2_001) })] }), /description is 2001/],
    ['a bad language', post({ language: 'french!' }), /BCP-47/],
    ['a bad idempotency key', post({ idempotencyKey: 'a b' }), /idempotency key/],
    ['a long idempotency key', post({ idempotencyKey: 'k'.repeat(65) }), /idempotency key/],
  ])('refuses %s', (_what, input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});
