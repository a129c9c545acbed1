/**
 * The inbound webhook: anything else (forms, review sites, an automation tool) pushes items to a
 * workspace, signed with its webhook source's secret the way Hearth signs its own webhooks
 * (docs/CONNECTORS.md#webhook): `X-Hearth-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + raw
 * body)` beside `X-Hearth-Timestamp` (unix seconds, within 5 minutes), and `X-Hearth-Source` naming
 * the source. The signature is checked on the raw bytes before the body is even parsed.
 */
import { z } from 'zod';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, unauthenticated } from '../core/errors.js';
import { safeEqual } from '../core/hashing.js';
import type { SecretBox } from '../core/secret-box.js';
import { signatureFor } from '../connectors/webhook/signature.js';
import { ingestItems, type IngestResult } from './ingest.service.js';
import type { ListeningDeps } from './listening.deps.js';
import { sourcesRepo } from './sources.repo.js';

export const SOURCE_HEADER = 'x-hearth-source';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../connectors/webhook/signature.js';

/** How far the sender's clock (the signed timestamp) may be from ours. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
export const MAX_ITEMS_PER_CALL = 1_000;

export interface SignedCall {
  workspaceId: string;
  sourceId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
}

/** Too many items in one call: 413, with the limit in the message. */
export class TooManyItemsError extends Error {
  constructor(readonly count: number) {
    super(`At most ${MAX_ITEMS_PER_CALL} items per call (this one has ${count}): split them into several calls`);
    this.name = 'TooManyItemsError';
  }
}

const envelope = z.object({ items: z.array(z.unknown()) });

/** Checks the signature, then ingests the body's items for the webhook source. */
export async function ingestSigned(deps: ListeningDeps & { secrets: SecretBox }, call: SignedCall): Promise<IngestResult> {
  // One answer for every authentication failure: callers learn nothing about which sources exist.
  const refused = unauthenticated(
    `Signature refused: sign "<timestamp>.<raw body>" with HMAC-SHA256 and the source's secret, send it as ` +
      `X-Hearth-Signature: sha256=<hex> with X-Hearth-Timestamp (unix seconds, within ${MAX_CLOCK_SKEW_SECONDS / 60} minutes) and X-Hearth-Source`,
  );
  if (!call.sourceId || !call.timestamp || !call.signature || !/^\d{1,12}$/.test(call.timestamp)) {
    throw refused;
  }
  const source = await sourcesRepo(deps.db).find(call.workspaceId, call.sourceId);
  if (!source || source.kind !== 'webhook' || source.secret === null) {
    throw refused;
  }
  const expected = signatureFor(deps.secrets.decrypt(source.secret), call.timestamp, call.rawBody);
  if (!safeEqual(call.signature, expected)) {
    throw refused;
  }
  const skew = Math.abs(deps.clock.now().getTime() / 1000 - Number(call.timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    throw unauthenticated(`X-Hearth-Timestamp is ${Math.round(skew)} s away from the server's clock (at most ${MAX_CLOCK_SKEW_SECONDS} s): replayed, or a clock is wrong`);
  }
  let body: unknown;
  try {
    body = JSON.parse(call.rawBody);
  } catch {
    throw invalid('body', 'Not valid JSON');
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The body must be {"items": [ … ]}', [{ path: 'body.items', message: 'must be an array of items' }]);
  }
  const items = parsed.data.items;
  if (items.length === 0) {
    throw invalid('body.items', 'No items to ingest');
  }
  if (items.length > MAX_ITEMS_PER_CALL) {
    throw new TooManyItemsError(items.length);
  }
  const result = await ingestItems(deps, call.workspaceId, source.id, items);
  await sourcesRepo(deps.db).recordSuccess(source.id, isoNow(deps.clock));
  return result;
}
