/**
 * What Bluesky would refuse, checked before anything is sent: a post refused here costs no request
 * and leaves no uploaded blob behind. Failures are ConnectorError('permanent') with a message a
 * community manager can act on.
 */
import { UnicodeString } from '@atproto/api';
import { ConnectorError, type PostInput } from '../types.js';
import { BLUESKY_LIMITS, MAX_TEXT_BYTES } from './bluesky.limits.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~-]{1,64}$/;
// BCP-47 shape (language, then subtags), as app.bsky.feed.post#langs expects.
const LANGUAGE = /^([a-zA-Z]{2,3}|[ixIX])(-[a-zA-Z0-9]{1,8})*$/;

export function checkPost(post: PostInput): void {
  if (!IDEMPOTENCY_KEY.test(post.idempotencyKey)) {
    refuse('The idempotency key must be 1–64 characters among A-Z a-z 0-9 . _ ~ -');
  }
  const text = new UnicodeString(post.text);
  const images = post.images ?? [];
  if (text.graphemeLength > BLUESKY_LIMITS.maxTextLength) {
    refuse(
      `The text is ${text.graphemeLength} characters long; Bluesky allows ${BLUESKY_LIMITS.maxTextLength}`,
    );
  }
  if (text.utf8.byteLength > MAX_TEXT_BYTES) {
    refuse(`The text takes ${text.utf8.byteLength} bytes; Bluesky allows ${MAX_TEXT_BYTES}`);
  }
  if (post.text.trim() === '' && images.length === 0) {
    refuse('A post needs text or an image');
  }
  if (images.length > BLUESKY_LIMITS.maxImages) {
    refuse(`${images.length} images; Bluesky allows ${BLUESKY_LIMITS.maxImages} per post`);
  }
  images.forEach((image, index) => {
    const which = `Image ${index + 1}`;
    if (!image.mimeType.startsWith('image/')) {
      refuse(`${which} is ${image.mimeType}, not an image`);
    }
    if (image.data.byteLength > BLUESKY_LIMITS.maxImageBytes) {
      refuse(
        `${which} weighs ${image.data.byteLength} bytes; Bluesky allows ${BLUESKY_LIMITS.maxImageBytes}`,
      );
    }
    if (image.altText.trim() === '') {
      refuse(`${which} has no description (alt text)`);
    }
    const altLength = new UnicodeString(image.altText).graphemeLength;
    if (altLength > BLUESKY_LIMITS.maxAltTextLength) {
      refuse(
        `${which}'s description is ${altLength} characters; Bluesky allows ${BLUESKY_LIMITS.maxAltTextLength}`,
      );
    }
  });
  if (post.language !== undefined && !LANGUAGE.test(post.language)) {
    refuse(`"${post.language}" is not a BCP-47 language tag`);
  }
}

function refuse(message: string): never {
  throw new ConnectorError('permanent', message);
}
