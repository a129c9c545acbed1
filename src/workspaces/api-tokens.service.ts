import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { sha256 } from '../core/hashing.js';
import { newId, newSecret } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { apiTokensRepo, type ApiTokenRow } from './api-tokens.repo.js';
import { recordAudit } from './audit.service.js';
import { authorize } from './policy.js';
import type { WorkspaceAccess } from './workspaces.service.js';

/** Recognisable prefix, so leaked tokens can be found by secret scanners. */
export const TOKEN_PREFIX = 'hth_';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** Creates an API token acting as this member in this workspace; the secret is returned once. */
export async function createApiToken(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  name: string,
): Promise<{ token: ApiToken; secret: string }> {
  authorize(access.role, 'tokens.manage-own');
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const row: ApiTokenRow = {
    id: newId(clock.now().getTime()),
    user_id: access.userId,
    workspace_id: access.workspaceId,
    name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    created_at: isoNow(clock),
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await apiTokensRepo(trx).insert(row);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'token.created',
      target: { type: 'api_token', id: row.id },
      details: { name, prefix: row.prefix },
    });
  });
  return { token: toApiToken(row), secret };
}

export async function listApiTokens(db: Kysely<Database>, access: WorkspaceAccess): Promise<ApiToken[]> {
  authorize(access.role, 'tokens.manage-own');
  return (await apiTokensRepo(db).listActive(access.workspaceId, access.userId)).map(toApiToken);
}

export async function revokeApiToken(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, id: string): Promise<void> {
  authorize(access.role, 'tokens.manage-own');
  await db.transaction().execute(async (trx) => {
    if (!(await apiTokensRepo(trx).revoke(access.workspaceId, access.userId, id, isoNow(clock)))) {
      throw notFound('API token');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'token.revoked',
      target: { type: 'api_token', id },
    });
  });
}

export interface TokenIdentity {
  tokenId: string;
  userId: string;
  workspaceId: string;
}

/** The identity behind a Bearer secret, or null when unknown or revoked. Records last use (at most per minute). */
export async function resolveApiToken(db: Kysely<Database>, clock: Clock, secret: string): Promise<TokenIdentity | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) {
    return null;
  }
  const repo = apiTokensRepo(db);
  const row = await repo.findActiveByHash(sha256(secret));
  if (!row) {
    return null;
  }
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await repo.markUsed(row.id, now.toISOString());
  }
  return { tokenId: row.id, userId: row.user_id, workspaceId: row.workspace_id };
}
