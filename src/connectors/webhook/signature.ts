/**
 * The signature of a webhook call, as Stripe signs its events: HMAC-SHA256 with the shared secret
 * over `<timestamp>.<raw body>`, sent as `X-Hearth-Signature: sha256=<hex>` beside
 * `X-Hearth-Timestamp: <unix seconds>`. Signing the timestamp lets a receiver refuse replays of old
 * calls (docs/CONNECTORS.md#webhook gives the receiver's recipe).
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hearth-signature';
export const TIMESTAMP_HEADER = 'x-hearth-timestamp';
export const IDEMPOTENCY_HEADER = 'x-hearth-idempotency-key';

/** `sha256=<hex>` for this timestamp (unix seconds, as sent) and raw body. */
export function signatureFor(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
