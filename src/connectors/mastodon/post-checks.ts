/**
 * What Mastodon would refuse about a post's shape, checked before anything is sent (no request, no
 * uploaded media left behind): the key, the images and their descriptions. The text's length is left
 * to the server, the one authority on its own limit and counting (a 422 becomes 'permanent').
 */
import { ConnectorError, type ConnectorLimits, type PostInput } from '../types.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~-]{1,64}$/;
// Mastodon ids are decimal strings; GoToSocial and Akkoma use other alphanumeric ids.
const STATUS_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function checkPost(post: PostInput, limits: ConnectorLimits): void {
  if (!IDEMPOTENCY_KEY.test(post.idempotencyKey)) {
    refuse('The idempotency key must be 1–64 characters among A-Z a-z 0-9 . _ ~ -');
  }
  const images = post.images ?? [];
  if (post.text.trim() === '' && images.length === 0) {
    refuse('A post needs text or an image');
  }
  if (images.length > limits.maxImages) {
    refuse(`${images.length} images; this Mastodon server allows ${limits.maxImages} per post`);
  }
  images.forEach((image, index) => {
    const which = `Image ${index + 1}`;
    if (!image.mimeType.startsWith('image/')) {
      refuse(`${which} is ${image.mimeType}, not an image`);
    }
    if (image.data.byteLength > limits.maxImageBytes) {
      refuse(
        `${which} is ${image.data.byteLength} bytes; this Mastodon server allows ${limits.maxImageBytes}`,
      );
    }
    if (image.altText.trim() === '') {
      refuse(`${which} has no description (alt text)`);
    }
    if ([...image.altText].length > limits.maxAltTextLength) {
      refuse(
        `${which}'s description is longer than the ${limits.maxAltTextLength} characters Mastodon allows`,
      );
    }
  });
}

/** The status id inside a ref (the ref is the id itself). */
export function decodeStatusRef(ref: string): string {
  if (!STATUS_ID.test(ref)) {
    refuse('Not a reference to a Mastodon post');
  }
  return ref;
}

/** Mastodon takes an ISO 639 language code: the primary subtag of a BCP-47 tag, when it is one. */
export function languageTag(bcp47: string): string | undefined {
  const primary = bcp47.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function refuse(message: string): never {
  throw new ConnectorError('permanent', message);
}
