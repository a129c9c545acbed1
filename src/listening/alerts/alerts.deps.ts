import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Mailer } from '../../core/mailer.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Database } from '../../db/schema.js';

/** What alerting needs from the house; built by the container or by tests. */
export interface AlertingDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** Opens the rules' webhook secrets. */
  secrets: SecretBox;
  /** Null when no SMTP server is configured: e-mail deliveries are then recorded as unavailable. */
  mailer: Mailer | null;
  /** The SSRF-guarded fetch (core/safe-fetch.ts) for webhooks. */
  fetch: typeof fetch;
}

/** Puts one delivery on the queue (the task sends it, with retries). */
export type DispatchDelivery = (deliveryId: string) => Promise<void>;
