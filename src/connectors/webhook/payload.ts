/**
 * The JSON a webhook receives. A post:
 *   {"type":"post","idempotencyKey":"…","text":"…","images":[{"mimeType":"image/png","altText":"…","dataBase64":"…"}],
 *    "replyTo":null,"language":"fr","sentAt":"2025-05-01T09:00:00.000Z"}
 * and the ping that `verify` sends: {"type":"ping","sentAt":"…"}.
 * Checked before sending: what the receiver could not take is refused here ('permanent').
 */
import { ConnectorError, type PostInput } from '../types.js';
import { WEBHOOK_LIMITS } from './webhook.limits.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~-]{1,64}$/;

export interface PostPayload {
  type: 'post';
  idempotencyKey: string;
  text: string;
  images: { mimeType: string; altText: string; dataBase64: string }[];
  replyTo: string | null;
  language: string | null;
  sentAt: string;
}

export interface PingPayload {
  type: 'ping';
  sentAt: string;
}

export function postPayload(post: PostInput, sentAt: Date): PostPayload {
  checkPost(post);
  return {
    type: 'post',
    idempotencyKey: post.idempotencyKey,
    text: post.text,
    images: (post.images ?? []).map((image) => ({
      mimeType: image.mimeType,
      altText: image.altText,
      dataBase64: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString(
        'base64',
      ),
    })),
    replyTo: post.replyTo ?? null,
    language: post.language ?? null,
    sentAt: sentAt.toISOString(),
  };
}

function checkPost(post: PostInput): void {
  const limits = WEBHOOK_LIMITS;
  if (!IDEMPOTENCY_KEY.test(post.idempotencyKey)) {
    refuse('The idempotency key must be 1–64 characters among A-Z a-z 0-9 . _ ~ -');
  }
  const images = post.images ?? [];
  if (post.text.trim() === '' && images.length === 0) {
    refuse('A post needs text or an image');
  }
  const length = [...post.text].length;
  if (length > limits.maxTextLength) {
    refuse(
      `The text is ${length} characters long; the webhook connector sends at most ${limits.maxTextLength}`,
    );
  }
  if (images.length > limits.maxImages) {
    refuse(`${images.length} images; the webhook connector sends at most ${limits.maxImages}`);
  }
  images.forEach((image, index) => {
    if (image.data.byteLength > limits.maxImageBytes) {
      refuse(
        `Image ${index + 1} is ${image.data.byteLength} bytes; the webhook connector sends at most ${limits.maxImageBytes}`,
      );
    }
    if (image.altText.trim() === '') {
      refuse(`Image ${index + 1} has no description (alt text)`);
    }
    if ([...image.altText].length > limits.maxAltTextLength) {
      refuse(`Image ${index + 1}'s description is longer than ${limits.maxAltTextLength} characters`);
    }
  });
}

function refuse(message: string): never {
  throw new ConnectorError('permanent', message);
}
