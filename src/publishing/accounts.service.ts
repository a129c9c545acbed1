/**
 * Connected network accounts: connect (credentials verified by the network, then sealed), list,
 * health checks, per-account voice, removal. Credentials never leave this file unsealed except into
 * a connector; nothing returned to a caller contains them.
 */
import { ZodError } from 'zod';
import { isConnectorError, type Connection, type NetworkId } from '../connectors/types.js';
import { isoNow } from '../core/clock.js';
import { AppError, conflict, invalid, networkUnavailable, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { AccountHealth } from '../db/schema.js';
import { voiceProfileSchema, type VoiceProfile } from '../guardrails/voice/index.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { accountsRepo, type AccountRow } from './accounts.repo.js';
import type { PublishingDeps } from './publishing.deps.js';
import { postsRepo } from './posts.repo.js';

export interface ConnectedAccount {
  id: string;
  network: NetworkId;
  handle: string;
  displayName: string | null;
  url: string | null;
  followers: number | null;
  health: AccountHealth;
  healthMessage: string | null;
  checkedAt: string | null;
  voiceOverride: VoiceProfile | null;
  createdAt: string;
}

type Deps = Pick<PublishingDeps, 'db' | 'clock' | 'secrets' | 'connectors'>;

/** The networks by name, as messages to users write them. */
export const NETWORK_NAMES: Record<NetworkId, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', webhook: 'The webhook' };

export function presentAccount(row: AccountRow): ConnectedAccount {
  return {
    id: row.id,
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    url: row.url,
    followers: row.followers,
    health: row.health,
    healthMessage: row.health_message,
    checkedAt: row.checked_at,
    voiceOverride: row.voice_override === null ? null : voiceProfileSchema.parse(JSON.parse(row.voice_override)),
    createdAt: row.created_at,
  };
}

/** Opens a connection with an account's sealed credentials. */
export function openConnection(deps: Pick<Deps, 'secrets' | 'connectors'>, row: AccountRow): Connection {
  return deps.connectors.connect(row.network, JSON.parse(deps.secrets.decrypt(row.credentials)) as unknown);
}

/** Turns a connector failure during a user's request into a clear 4xx/502. */
function explainConnectFailure(network: NetworkId, error: unknown): AppError {
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ path: ['credentials', ...issue.path].join('.'), message: issue.message }));
    return new AppError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
  }
  if (isConnectorError(error)) {
    switch (error.kind) {
      case 'auth':
      case 'permanent':
        // Connectors name the network in their messages already.
        return invalid('credentials', error.message.includes(NETWORK_NAMES[network].replace('The ', '')) ? error.message : `${NETWORK_NAMES[network]}: ${error.message}`);
      case 'rate_limited':
      case 'transient':
      case 'unknown_outcome':
        return networkUnavailable(`${NETWORK_NAMES[network]} did not answer (${error.message}); try again in a moment`);
    }
  }
  if (error instanceof Error && error.name === 'BlockedAddressError') {
    return invalid('credentials', error.message);
  }
  return networkUnavailable(`${NETWORK_NAMES[network]} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
}

export async function connectAccount(
  deps: Deps,
  access: WorkspaceAccess,
  network: NetworkId,
  credentials: unknown,
): Promise<ConnectedAccount> {
  authorize(access.role, 'accounts.manage');
  let profile;
  try {
    profile = await deps.connectors.connect(network, credentials).verify();
  } catch (error) {
    throw explainConnectFailure(network, error);
  }
  // Only verified credentials are kept: a failed reconnect never wipes working ones.
  const parsed = deps.connectors.connector(network).credentialsSchema.parse(credentials);
  const now = isoNow(deps.clock);
  const sealed = deps.secrets.encrypt(JSON.stringify(parsed));
  const fields = {
    handle: profile.handle,
    display_name: profile.displayName,
    url: profile.url,
    followers: profile.followers,
    credentials: sealed,
    health: 'ok' as const,
    health_message: null,
    checked_at: now,
    updated_at: now,
    removed_at: null,
  };
  const id = await deps.db.transaction().execute(async (trx) => {
    const repo = accountsRepo(trx);
    const existing = await repo.findByIdentity(access.workspaceId, network, profile.externalId);
    const accountId = existing?.id ?? newId(deps.clock.now().getTime());
    if (existing) {
      await repo.update(existing.id, fields);
    } else {
      await repo.insert({
        id: accountId,
        workspace_id: access.workspaceId,
        network,
        external_id: profile.externalId,
        voice_override: null,
        created_by: access.userId,
        created_at: now,
        ...fields,
      });
    }
    if (profile.followers !== null) {
      await repo.recordFollowers(accountId, profile.followers, now);
    }
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: existing ? 'account.reconnected' : 'account.connected',
      target: { type: 'account', id: accountId },
      details: { network, handle: profile.handle },
    });
    return accountId;
  });
  return getAccount(deps, access, id);
}

export async function listAccounts(deps: Pick<Deps, 'db'>, access: WorkspaceAccess): Promise<ConnectedAccount[]> {
  authorize(access.role, 'workspace.read');
  return (await accountsRepo(deps.db).list(access.workspaceId)).map(presentAccount);
}

export async function getAccount(deps: Pick<Deps, 'db'>, access: WorkspaceAccess, accountId: string): Promise<ConnectedAccount> {
  authorize(access.role, 'workspace.read');
  const row = await accountsRepo(deps.db).find(access.workspaceId, accountId);
  if (!row) {
    throw notFound('Account');
  }
  return presentAccount(row);
}

export async function setAccountVoice(
  deps: Pick<Deps, 'db' | 'clock'>,
  access: WorkspaceAccess,
  accountId: string,
  voice: VoiceProfile | null,
): Promise<ConnectedAccount> {
  authorize(access.role, 'accounts.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await accountsRepo(trx).find(access.workspaceId, accountId))) {
      throw notFound('Account');
    }
    await accountsRepo(trx).update(accountId, { voice_override: voice === null ? null : JSON.stringify(voice), updated_at: isoNow(deps.clock) });
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'account.voice_changed',
      target: { type: 'account', id: accountId },
      details: { voice },
    });
  });
  return getAccount(deps, access, accountId);
}

/** Removes an account; refused while posts are scheduled on it, so nothing is silently dropped. */
export async function removeAccount(deps: Pick<Deps, 'db' | 'clock'>, access: WorkspaceAccess, accountId: string): Promise<void> {
  authorize(access.role, 'accounts.manage');
  await deps.db.transaction().execute(async (trx) => {
    const row = await accountsRepo(trx).find(access.workspaceId, accountId);
    if (!row) {
      throw notFound('Account');
    }
    const pending = await postsRepo(trx).countOpenTargetsOfAccount(accountId);
    if (pending > 0) {
      throw conflict(
        `${pending === 1 ? 'A post is' : `${pending} posts are`} scheduled or being published on ${row.handle}: cancel ${pending === 1 ? 'it' : 'them'} or move ${pending === 1 ? 'it' : 'them'} to another account first`,
      );
    }
    const now = isoNow(deps.clock);
    // The sealed credentials are dropped with the account: a removed account cannot publish.
    await accountsRepo(trx).update(accountId, { removed_at: now, updated_at: now, credentials: '' });
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'account.removed',
      target: { type: 'account', id: accountId },
      details: { network: row.network, handle: row.handle },
    });
  });
}

/** Asks the network whether the account's credentials still work and records the answer. */
export async function checkAccountHealth(deps: Deps, row: AccountRow): Promise<AccountHealth> {
  let health: AccountHealth = 'ok';
  let message: string | null = null;
  const changes: Partial<AccountRow> = {};
  try {
    const profile = await openConnection(deps, row).verify();
    Object.assign(changes, { handle: profile.handle, display_name: profile.displayName, followers: profile.followers, url: profile.url });
  } catch (error) {
    // Only a refusal of the credentials makes an account failing; a network outage is not the account's fault.
    if (isConnectorError(error) && error.kind !== 'auth') {
      return row.health;
    }
    health = 'failing';
    message = error instanceof Error ? error.message : String(error);
  }
  const now = isoNow(deps.clock);
  await accountsRepo(deps.db).update(row.id, { ...changes, health, health_message: message, checked_at: now, updated_at: now });
  if (typeof changes.followers === 'number') {
    await accountsRepo(deps.db).recordFollowers(row.id, changes.followers, now);
  }
  return health;
}

export async function checkAccountNow(deps: Deps, access: WorkspaceAccess, accountId: string): Promise<ConnectedAccount> {
  authorize(access.role, 'workspace.read');
  const row = await accountsRepo(deps.db).find(access.workspaceId, accountId);
  if (!row) {
    throw notFound('Account');
  }
  await checkAccountHealth(deps, row);
  return getAccount(deps, access, accountId);
}
