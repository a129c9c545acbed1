/**
 * A workspace's listening sources: feeds it polls, webhooks that push to it, imports. Adding,
 * listing with their health, removing (a tombstone: their mentions stay), polling now, and the
 * webhook's secret (sealed at rest, shown once).
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isoNow, type Clock } from '../core/clock.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { newId, newSecret } from '../core/ids.js';
import type { SecretBox } from '../core/secret-box.js';
import { isUniqueViolation } from '../db/dialects/errors.js';
import type { Database, ListeningSourceKind } from '../db/schema.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { getAccount } from '../publishing/accounts.service.js';
import { compileQuery } from './query/index.js';
import { DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from './sources/polling.js';
import {
  blueskySettingsSchema,
  keywordQuery,
  mastodonSettingsSchema,
  type BlueskySettings,
  type MastodonSettings,
} from './sources/source-settings.js';
import { sourcesRepo, type SourceRow } from './sources.repo.js';

export type NewSource =
  | { kind: 'rss'; url: string; name?: string | undefined; pollIntervalMinutes?: number | undefined }
  | { kind: 'webhook'; name: string }
  | { kind: 'import'; name: string }
  | {
      kind: 'bluesky';
      name?: string | undefined;
      settings: z.input<typeof blueskySettingsSchema>;
      /** Where to start reading: a sequence number of the relay (0: all it still holds); default: live. */
      startCursor?: number | undefined;
    }
  | { kind: 'mastodon'; name?: string | undefined; settings: z.input<typeof mastodonSettingsSchema>; pollIntervalMinutes?: number | undefined };

export type SourceStatus = 'pending' | 'ok' | 'failing' | 'idle';

export interface SourceView {
  id: string;
  kind: ListeningSourceKind;
  name: string;
  url: string | null;
  /** Bluesky and Mastodon: what the source follows (keywords, hashtags, services); null for the others. */
  settings: Record<string, unknown> | null;
  /** pending: never fetched yet; ok: last attempt succeeded; failing: the last ones failed; idle: nothing received yet. */
  status: SourceStatus;
  pollIntervalMinutes: number | null;
  nextPollAt: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  errorCount: number;
  itemsStored: number;
  lastItemAt: string | null;
  createdAt: string;
}

export function presentSource(row: SourceRow): SourceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    settings: row.kind === 'bluesky' || row.kind === 'mastodon' ? (JSON.parse(row.settings) as Record<string, unknown>) : null,
    status: statusOf(row),
    pollIntervalMinutes: row.poll_interval_seconds === null ? null : row.poll_interval_seconds / 60,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    errorCount: row.error_count,
    itemsStored: row.items_stored,
    lastItemAt: row.last_item_at,
    createdAt: row.created_at,
  };
}

function statusOf(row: SourceRow): SourceStatus {
  if (row.error_count > 0) {
    return 'failing';
  }
  if (row.kind === 'rss' || row.kind === 'bluesky' || row.kind === 'mastodon') {
    return row.last_success_at === null ? 'pending' : 'ok';
  }
  return row.last_success_at === null && row.items_stored === 0 ? 'idle' : 'ok';
}

/** A feed address Hearth will fetch: http(s), no user name or password in it. */
export function checkFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', 'Not a valid address');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid('url', 'Only http and https feeds can be followed');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('url', 'Addresses with a user name or password in them are refused');
  }
  return parsed.href;
}

export interface AddedSource {
  source: SourceView;
  /** Webhook only, shown once: the HMAC key the sender signs with. */
  secret?: string;
}

export async function addSource(
  deps: { db: Kysely<Database>; clock: Clock; secrets: SecretBox },
  access: WorkspaceAccess,
  input: NewSource,
): Promise<AddedSource> {
  authorize(access.role, 'listening.manage');
  const now = isoNow(deps.clock);
  const base = blankSource(access.workspaceId, input.kind, '', now, access.userId);
  let secret: string | undefined;
  let row: SourceRow;
  switch (input.kind) {
    case 'rss': {
      const url = checkFeedUrl(input.url);
      const minutes = input.pollIntervalMinutes ?? DEFAULT_POLL_INTERVAL_SECONDS / 60;
      if (!Number.isInteger(minutes) || minutes * 60 < MIN_POLL_INTERVAL_SECONDS || minutes > 24 * 60) {
        throw invalid('pollIntervalMinutes', `Poll every ${MIN_POLL_INTERVAL_SECONDS / 60} to 1440 minutes (whole minutes)`);
      }
      // Due at once: the next minute's scan fetches it.
      row = { ...base, name: input.name?.trim() || new URL(url).host, url, poll_interval_seconds: minutes * 60, next_poll_at: now };
      break;
    }
    case 'webhook':
      secret = newSecret(32);
      row = { ...base, name: input.name.trim(), secret: deps.secrets.encrypt(secret) };
      break;
    case 'import':
      row = { ...base, name: input.name.trim() };
      break;
    case 'bluesky': {
      const settings = checkBlueskySettings(input.settings);
      const host = new URL(settings.service).host;
      // Due at once: the next stream scan (every 10 s) starts reading it.
      row = {
        ...base,
        name: input.name?.trim() || `Bluesky ${host}`,
        url: settings.service,
        settings: JSON.stringify(settings),
        cursor: JSON.stringify({ seq: input.startCursor ?? null, searchedAt: null }),
        next_poll_at: now,
      };
      break;
    }
    case 'mastodon': {
      const settings = await checkMastodonSettings(deps, access, input.settings);
      // Mentions want answers: as often as politeness allows (a few requests per poll).
      const minutes = input.pollIntervalMinutes ?? MIN_POLL_INTERVAL_SECONDS / 60;
      if (!Number.isInteger(minutes) || minutes * 60 < MIN_POLL_INTERVAL_SECONDS || minutes > 24 * 60) {
        throw invalid('pollIntervalMinutes', `Poll every ${MIN_POLL_INTERVAL_SECONDS / 60} to 1440 minutes (whole minutes)`);
      }
      const host = new URL(settings.instanceUrl).host;
      row = {
        ...base,
        name: input.name?.trim() || (settings.hashtags.length > 0 ? `${host} #${settings.hashtags.join(' #')}`.slice(0, 200) : `${host} mentions`),
        url: settings.instanceUrl,
        settings: JSON.stringify(settings),
        poll_interval_seconds: minutes * 60,
        next_poll_at: now,
      };
      break;
    }
  }
  if (row.name === '') {
    throw invalid('name', 'A source needs a name');
  }
  await deps.db.transaction().execute(async (trx) => {
    try {
      await sourcesRepo(trx).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A ${row.kind} source named "${row.name}" already exists in this workspace`);
      }
      throw error;
    }
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.source_added',
      target: { type: 'listening_source', id: row.id },
      details: { kind: row.kind, name: row.name, ...(row.url ? { host: new URL(row.url).host } : {}) },
    });
  });
  return { source: presentSource(row), ...(secret ? { secret } : {}) };
}

/** Bluesky settings with their defaults, or a 400 naming the field; each keyword must compile. */
function checkBlueskySettings(input: unknown): BlueskySettings {
  const parsed = blueskySettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw settingsError(parsed.error.issues);
  }
  const settings = parsed.data;
  checkFeedUrl(settings.service.replace(/^ws/, 'http'));
  settings.keywords.forEach((keyword, index) => {
    try {
      compileQuery(keywordQuery(keyword));
    } catch (error) {
      throw invalid(`settings.keywords.${index}`, error instanceof Error ? error.message : 'Not a keyword Hearth can track');
    }
  });
  return settings;
}

async function checkMastodonSettings(deps: { db: Kysely<Database> }, access: WorkspaceAccess, input: unknown): Promise<MastodonSettings> {
  const parsed = mastodonSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw settingsError(parsed.error.issues);
  }
  const settings = { ...parsed.data, instanceUrl: new URL(checkFeedUrl(parsed.data.instanceUrl)).origin };
  settings.hashtags = [...new Set(settings.hashtags.map((tag) => tag.toLowerCase()))];
  if (settings.hashtags.length === 0 && !settings.accountId) {
    throw invalid('settings.hashtags', 'Follow one hashtag at least, or link a connected Mastodon account to read its mentions');
  }
  if (settings.accountId) {
    const account = await getAccount(deps, access, settings.accountId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') {
        return null;
      }
      throw error;
    });
    if (!account || account.network !== 'mastodon') {
      throw invalid('settings.accountId', 'Not a connected Mastodon account of this workspace');
    }
  }
  return settings;
}

function settingsError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields = issues.map((issue) => ({ path: ['settings', ...issue.path.map(String)].join('.'), message: issue.message }));
  return new AppError('validation_failed', fields.map((f) => `${f.path} ${f.message}`).join('; '), fields);
}

export async function listSources(db: Kysely<Database>, access: WorkspaceAccess): Promise<SourceView[]> {
  authorize(access.role, 'listening.read');
  return (await sourcesRepo(db).list(access.workspaceId)).map(presentSource);
}

export async function removeSource(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, sourceId: string): Promise<void> {
  authorize(access.role, 'listening.manage');
  const now = isoNow(clock);
  await db.transaction().execute(async (trx) => {
    if (!(await sourcesRepo(trx).markRemoved(access.workspaceId, sourceId, now))) {
      throw notFound('Listening source');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'listening.source_removed',
      target: { type: 'listening_source', id: sourceId },
    });
  });
}

/** Makes a feed due now (the next minute's scan fetches it). */
export async function pollSourceNow(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, sourceId: string): Promise<SourceView> {
  authorize(access.role, 'listening.manage');
  const repo = sourcesRepo(db);
  const before = await repo.find(access.workspaceId, sourceId);
  if (before?.kind === 'bluesky') {
    // Making it due would break the running window's claim: it streams already.
    return presentSource(before);
  }
  if (!(await repo.makeDue(access.workspaceId, sourceId, isoNow(clock)))) {
    throw notFound('Polled listening source');
  }
  const row = await repo.find(access.workspaceId, sourceId);
  if (!row) {
    throw notFound('Listening source');
  }
  return presentSource(row);
}

/** The import source of this name, created on first use (the CLI: `hearth import --source NAME`). */
export async function importSourceNamed(db: Kysely<Database>, clock: Clock, workspaceId: string, name: string): Promise<SourceRow> {
  const repo = sourcesRepo(db);
  const existing = await repo.findByName(workspaceId, 'import', name);
  if (existing) {
    return existing;
  }
  const row = blankSource(workspaceId, 'import', name, isoNow(clock), null);
  try {
    await repo.insert(row);
    return row;
  } catch (error) {
    // Created meanwhile by another import: use that one.
    const raced = isUniqueViolation(error) ? await repo.findByName(workspaceId, 'import', name) : undefined;
    if (raced) {
      return raced;
    }
    throw error;
  }
}

function blankSource(workspaceId: string, kind: ListeningSourceKind, name: string, now: string, createdBy: string | null): SourceRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    kind,
    name,
    url: null,
    settings: '{}',
    secret: null,
    etag: null,
    last_modified: null,
    cursor: null,
    poll_interval_seconds: null,
    next_poll_at: null,
    last_polled_at: null,
    last_success_at: null,
    last_error: null,
    error_count: 0,
    items_stored: 0,
    last_item_at: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    removed_at: null,
  };
}
