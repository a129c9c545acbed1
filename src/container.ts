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
import { createAnalyzer, type Analyzer } from './analysis/analyzer.js';
import { createConnectorRegistry, type ConnectorRegistry } from './connectors/registry.js';
import type { SpellingService } from './guardrails/spelling/service.js';
import { createThreadedSpellChecker } from './guardrails/spelling/threaded.js';
import { lazily } from './http/context.js';
import { createWorkspaceOriginalityIndexes, type WorkspaceOriginalityIndexes } from './originality/originality.indexes.js';
import { createSafeFetch } from './core/safe-fetch.js';
import { createListening } from './listening/listening.tasks.js';
import { createAlerting } from './listening/alerts/alerts.tasks.js';
import { mailerFromConfig } from './core/mailer.js';
import { createListeningStreams } from './listening/streams/streams.tasks.js';
import { createQueryHistory } from './listening/history/query-history.tasks.js';
import { createInboxTasks } from './inbox/inbox.tasks.js';
import { createCommunityTasks } from './community/community.tasks.js';
import { createReportTasks } from './reports/reports.tasks.js';
import { createPostGate } from './publishing/gate.js';
import type { PublishOptions } from './publishing/publish.service.js';
import type { PublishingDeps } from './publishing/publishing.deps.js';
import { createPublishing } from './publishing/publishing.tasks.js';
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
  /** The text analyzer, loaded on first use. */
  analyzer: () => Promise<Analyzer>;
  /** Spelling in a worker thread: the French dictionary never blocks the event loop. */
  spelling: SpellingService;
  connectors: ConnectorRegistry;
  publishing: PublishingDeps;
  /** Creates or updates the recurring schedules; the server does it at start. */
  installSchedules(): Promise<void>;
  /** Stops the queue (waiting for in-flight jobs) and closes the database. */
  close(): Promise<void>;
}

export interface OpenOptions {
  clock?: Clock;
  /** Publishing tunables (tests and the crash test shorten the lease). */
  publish?: Partial<PublishOptions>;
}

export async function openHearth(config: HearthConfig, logger: Logger, options: OpenOptions = {}): Promise<Hearth> {
  const clock = options.clock ?? systemClock;
  const secrets = createSecretBox(loadSecretKey(config));
  const { db, migrations } = await openMigratedDatabase(config.database);
  if (migrations.applied.length > 0) {
    logger.info({ applied: migrations.applied }, 'database migrated');
  }
  const queue = createJobQueue(db, { logger, clock });
  const accounts = accountTasks(db.kysely, clock);
  queue.register(...accounts.tasks);
  const analyzer = lazily(() => createAnalyzer());
  const spelling = createThreadedSpellChecker();
  const originality = createWorkspaceOriginalityIndexes(db.kysely);
  const connectors = createConnectorRegistry({ allowPrivateNetworks: config.allowPrivateNetworks, now: () => clock.now() });
  const publishing = createPublishing(
    {
      db: db.kysely,
      clock,
      secrets,
      connectors,
      logger,
      originality,
      gate: createPostGate({ db: db.kysely, clock, analyzer, spelling, originality }),
    },
    queue,
    options.publish ?? publishOptionsFromEnv(),
  );
  queue.register(...publishing.tasks);
  const listeningDeps = {
    db: db.kysely,
    clock,
    logger,
    analyzer,
    originality,
    fetch: createSafeFetch({ allowPrivateNetworks: config.allowPrivateNetworks }),
    // Mastodon sources read a connected account's notifications with its sealed token.
    secrets,
  };
  const listening = createListening(listeningDeps, queue);
  queue.register(...listening.tasks);
  const mailer = mailerFromConfig(config);
  const inbox = createInboxTasks({ db: db.kysely, clock, logger, fetch: listeningDeps.fetch, secrets, mailer });
  queue.register(...inbox.tasks);
  const queryHistory = createQueryHistory(listeningDeps);
  queue.register(...queryHistory.tasks);
  const streams = createListeningStreams(listeningDeps, queue);
  queue.register(...streams.tasks);
  const alerting = createAlerting({ ...listeningDeps, mailer }, queue);
  queue.register(...alerting.tasks);
  const community = createCommunityTasks({ db: db.kysely, clock, logger });
  queue.register(...community.tasks);
  const reports = createReportTasks({ db: db.kysely, clock, logger, secrets, mailer, fetch: listeningDeps.fetch }, queue);
  queue.register(...reports.tasks);
  return {
    config,
    logger,
    clock,
    db,
    secrets,
    migrations,
    queue,
    originality,
    analyzer,
    spelling,
    connectors,
    publishing: publishing.deps,
    installSchedules: async () => {
      await accounts.schedule(queue);
      await publishing.schedule(queue);
      await listening.schedule(queue);
      await queryHistory.schedule(queue);
      await inbox.schedule(queue);
      await streams.schedule(queue);
      await alerting.schedule(queue);
      await community.schedule(queue);
      await reports.schedule(queue);
    },
    close: async () => {
      // pg-boss opens its own pool on first use; only stop() releases it.
      await queue.stop();
      await spelling.close();
      await db.close();
    },
  };
}

/** HEARTH_PUBLISH_LEASE_SECONDS shortens how long a crashed publishing attempt holds its post (tests). */
function publishOptionsFromEnv(): Partial<PublishOptions> {
  const lease = Number(process.env.HEARTH_PUBLISH_LEASE_SECONDS);
  return Number.isFinite(lease) && lease > 0 ? { leaseMs: lease * 1000 } : {};
}
