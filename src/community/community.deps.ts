import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/schema.js';

/** What the community CRM's background work needs. */
export interface CommunityDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
}
