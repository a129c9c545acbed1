import type { Kysely } from 'kysely';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { SecretBox } from '../core/secret-box.js';
import type { Database } from '../db/schema.js';
import type { CheckResult } from '../guardrails/check.js';
import type { NetworkName } from '../guardrails/types.js';
import type { WorkspaceOriginalityIndexes } from '../originality/originality.indexes.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';

/** The guardrails as publishing uses them: one outgoing text, for one account, at its time. */
export interface GateRequest {
  /** Whose check it is: the member scheduling the post. */
  access: WorkspaceAccess;
  text: string;
  network?: NetworkName;
  /** The account's voice override, merged over the workspace's voice profile. */
  accountVoice?: unknown;
  images?: { altText: string | null }[];
  publishAt?: Date;
  partnership?: boolean;
  language?: 'fr' | 'en';
  /** Sources to ignore: the post's own published copies. */
  excludeSourceIds?: string[];
}

export type PostGate = (request: GateRequest) => Promise<CheckResult>;

/** Puts a target's publish job on the queue for `runAt` (the task re-checks everything when it runs). */
export type PublishDispatch = (targetId: string, runAt: Date) => Promise<void>;

/** What the publishing capability needs from the house; built by the container or by tests. */
export interface PublishingDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: SecretBox;
  connectors: ConnectorRegistry;
  logger: Logger;
  originality: WorkspaceOriginalityIndexes;
  gate: PostGate;
  dispatch: PublishDispatch;
}
