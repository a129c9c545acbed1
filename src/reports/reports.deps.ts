import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Mailer } from '../core/mailer.js';
import type { SecretBox } from '../core/secret-box.js';
import type { Database } from '../db/schema.js';

/** What report rendering and scheduled delivery need. */
export interface ReportsDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  /** null when no SMTP server is configured: the e-mail channel is then unavailable. */
  mailer: Mailer | null;
  /** Guarded against private addresses (core/safe-fetch.ts). */
  fetch: typeof fetch;
}
