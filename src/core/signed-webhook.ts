/**
 * A signed JSON POST to a user-given webhook (alerts, inbox department notifications): through the
 * SSRF guard, HMAC-signed like the webhook connector (docs/CONNECTORS.md), with an idempotency key
 * receivers can dedupe on, no redirects (a signed call is not forwarded) and a timeout. Errors name
 * the host only: a chat webhook's path is its secret.
 */
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureFor, TIMESTAMP_HEADER } from '../connectors/webhook/signature.js';
import { UnsafeRequestError } from './safe-fetch.js';

export const WEBHOOK_TIMEOUT_MS = 15_000;

export interface SignedPost {
  fetch: typeof fetch;
  url: string;
  /** The shared secret, in clear. */
  secret: string;
  body: string;
  idempotencyKey: string;
  now: Date;
  timeoutMs?: number;
}

/** Why a POST failed, and whether trying again could help. */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** Posts; resolves on a 2xx, throws WebhookError otherwise. */
export async function postSignedJson(post: SignedPost): Promise<void> {
  const host = new URL(post.url).host;
  const timestamp = String(Math.floor(post.now.getTime() / 1000));
  let response: Response;
  try {
    response = await post.fetch(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signatureFor(post.secret, timestamp, post.body),
        [IDEMPOTENCY_HEADER]: post.idempotencyKey,
      },
      body: post.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer();
  } catch (error) {
    if (error instanceof UnsafeRequestError) {
      throw new WebhookError(error.message, false);
    }
    throw new WebhookError(`${host} did not answer: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (response.status >= 200 && response.status < 300) {
    return;
  }
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  throw new WebhookError(`${host} answered ${response.status}`, retryable);
}
