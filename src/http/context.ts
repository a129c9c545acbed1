import type { Kysely } from 'kysely';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { DialectName } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { SpellingService } from '../guardrails/spelling/service.js';
import type { WorkspaceOriginalityIndexes } from '../originality/originality.indexes.js';
import type { PublishingDeps } from '../publishing/publishing.deps.js';

/** What the HTTP layer needs from the rest of the house; built by src/container.ts or by tests. */
export interface HttpDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  options: HttpOptions;
  /** The text analyzer, loaded on first use (its models take up to a second). */
  analyzer: () => Promise<Analyzer>;
  /** One spell checker per server (threaded there: the French dictionary takes seconds to load). */
  spelling: SpellingService;
  /** Each workspace's originality index, in memory, kept in step with the database. */
  originality: WorkspaceOriginalityIndexes;
  /** Accounts, posts and the publish queue. */
  publishing: PublishingDeps;
}

export interface HttpOptions {
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Origin used in links handed to users (invitations); falls back to the request's own origin. */
  publicUrl: string | undefined;
  /** Folder of the built web UI (dist/web); undefined serves the API only. */
  webRoot: string | undefined;
  /** Sign-in attempts allowed per client address per window. */
  signInAttemptsPerWindow: number;
  signInWindowMs: number;
}

export const defaultHttpOptions: HttpOptions = {
  secureCookies: false,
  publicUrl: undefined,
  webRoot: undefined,
  signInAttemptsPerWindow: 10,
  signInWindowMs: 15 * 60 * 1000,
};

/** Loads `create()` once, on first call, and shares the promise (a failed load is retried next time). */
export function lazily<T>(create: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
