/**
 * The composition root: turns a configuration into a running Hearth (database migrated, secret key
 * loaded, job queue with every capability's tasks). `hearth serve`, `hearth worker` and the CLI's
 * one-shot commands all start here, so they share one way of wiring the house.
 */
import { systemClock, type Clock } from './core/clock.js';
import type { HearthConfig } from './core/config.js';
import { loadSecretKey } from './core/config.js';
import type { Logger } from './core/logger.js';
import { createSecretBox, type SecretBox } from './core/secret-box.js';
import type { Db } from './db/database.js';
import { openMigratedDatabase } from './db/open.js';
import type { MigrationReport } from './db/migrator.js';
import { createJobQueue } from './jobs/create-queue.js';
import type { JobQueue } from './jobs/queue.js';
import { createWorkspaceOriginalityIndexes, type WorkspaceOriginalityIndexes } from './originality/originality.indexes.js';
import { accountTasks } from './workspaces/workspaces.tasks.js';

export interface Hearth {
  config: HearthConfig;
  logger: Logger;
  clock: Clock;
  db: Db;
  secrets: SecretBox;
  migrations: MigrationReport;
  /** The job queue, with every capability's tasks registered (not started). */
  queue: JobQueue;
  /** Each workspace's originality index, shared by the checks and the tasks that feed it. */
  originality: WorkspaceOriginalityIndexes;
  /** Creates or updates the recurring schedules; the server does it at start. */
  installSchedules(): Promise<void>;
  /** Stops the queue (waiting for in-flight jobs) and closes the database. */
  close(): Promise<void>;
}

export async function openHearth(config: HearthConfig, logger: Logger, clock: Clock = systemClock): Promise<Hearth> {
  const secrets = createSecretBox(loadSecretKey(config));
  const { db, migrations } = await openMigratedDatabase(config.database);
  if (migrations.applied.length > 0) {
    logger.info({ applied: migrations.applied }, 'database migrated');
  }
  const queue = createJobQueue(db, { logger, clock });
  const accounts = accountTasks(db.kysely, clock);
  queue.register(...accounts.tasks);
  return {
    config,
    logger,
    clock,
    db,
    secrets,
    migrations,
    queue,
    originality: createWorkspaceOriginalityIndexes(db.kysely),
    installSchedules: () => accounts.schedule(queue),
    close: async () => {
      // pg-boss opens its own pool on first use; only stop() releases it.
      await queue.stop();
      await db.close();
    },
  };
}
