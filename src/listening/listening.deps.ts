import type { Kysely } from 'kysely';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/schema.js';
import type { WorkspaceOriginalityIndexes } from '../originality/originality.indexes.js';

/** What listening needs from the house; built by the container (listening.tasks.ts), the HTTP layer or tests. */
export interface ListeningDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** The text analyzer, loaded on first use. */
  analyzer: () => Promise<Analyzer>;
  /** Everything listening stores feeds the workspace's originality index ('ingested'). */
  originality: WorkspaceOriginalityIndexes;
}
