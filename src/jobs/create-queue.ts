import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/database.js';
import { EmbeddedJobQueue } from './embedded.queue.js';
import { PgBossJobQueue } from './pgboss.queue.js';
import type { JobQueue } from './queue.js';

export interface CreateJobQueueOptions {
  logger: Logger;
  /** Embedded: run times, leases, backoff and cron. pg-boss: cron only (the rest follows PostgreSQL's clock). */
  clock?: Clock;
  /** Idle polling interval (defaults: embedded 500 ms, pg-boss 1000 ms). */
  pollIntervalMs?: number;
  /** PostgreSQL only: the schema pg-boss keeps its tables in (default "pgboss"). */
  bossSchema?: string;
}

/** The queue that fits the database: embedded on SQLite, pg-boss on PostgreSQL. */
export function createJobQueue(db: Db, options: CreateJobQueueOptions): JobQueue {
  const { logger, clock, pollIntervalMs, bossSchema } = options;
  switch (db.dialect) {
    case 'sqlite':
      return new EmbeddedJobQueue(db, { logger, clock, pollIntervalMs });
    case 'postgres':
      return new PgBossJobQueue(db, { logger, clock, pollIntervalMs, schema: bossSchema });
  }
}
