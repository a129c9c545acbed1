/**
 * The generic activity import: JSONL rows of {person, network, type, at, text, target, followers},
 * each becoming an identity (created on first sight), a person, and one activity, idempotently.
 *
 * A row: `person` the author's handle or account id on `network`; `type` one of ACTIVITY_TYPES; `at`
 * ISO-8601 (a date, or a date-time; without an offset it is read as UTC); `text` (kept up to 10,000
 * characters); `target` the handle or id of the person it answers, reposts, likes or follows (that
 * identity is created too, so the interaction graph is whole); `followers` the author's followers.
 * Optional: `id` (the network's id of the activity: the dedupe key becomes `<network>:<id>`, else a
 * hash of the whole row), `name` (the author's display name), `sentiment`, `language`, `engagement`
 * (likes + reposts + replies the item received), and the author's profile — `bio`, `links` (http(s)
 * URLs), `avatar` (an http(s) URL) — which merge suggestions compare (profiles.ts; not part of the
 * dedupe hash). Other fields are ignored.
 *
 * Rows go in batches of 500, one transaction each (a row is written whole or not at all); a bad
 * row is refused with its line number and the others go on. Forgotten identities are skipped.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { ACTIVITY_TYPES } from '../community.tables.js';
import { accountKeyOf, handleOf, identityKey, MAX_ACCOUNT_KEY } from '../identity-keys.js';
import { recordObservations, type Observation } from '../record-activities.js';
import { ownAccountKeys } from '../sync.repo.js';
import { applyProfiles, httpUrl, MAX_BIO, MAX_LINKS, type ImportedProfile } from './profiles.js';

export interface ActivityImportReport {
  read: number;
  imported: number;
  duplicates: number;
  /** Rows about a forgotten identity: skipped on purpose. */
  forgotten: number;
  /** Rows written by the brand's own connected accounts: not community members, skipped. */
  own: number;
  refused: { line: number; reason: string }[];
}

export interface ActivityImportOptions {
  /** Called every few hundred rows with the bytes read so far (progress bars). */
  onProgress?: (bytesRead: number) => void;
}

/** Rows per transaction. */
export const IMPORT_BATCH = 500;
/** Longest text kept of an imported activity. */
export const MAX_IMPORTED_TEXT = 10_000;

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** An ISO-8601 date or date-time as a UTC instant (`…Z`), or null when it is not one. */
export function isoInstant(value: string): string | null {
  const match = ISO.exec(value.trim());
  if (!match) {
    return null;
  }
  const [, date, time, seconds, fraction, zone] = match;
  // Date.parse rolls 30 February over into March: the calendar date must read back the same.
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return null;
  }
  let offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone;
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  const text = `${date}T${time ?? '00:00'}:${seconds ?? '00'}.${(fraction ?? '').padEnd(3, '0').slice(0, 3)}${offset}`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const key = z.union([z.string(), z.number().int().nonnegative()]).transform((value) => String(value).trim());
const accountRef = key.refine((value) => accountKeyOf(value) !== null, {
  message: `must be a handle or an account id (1 to ${MAX_ACCOUNT_KEY} characters)`,
});

/** One imported activity, validated. */
export const activityRowSchema = z.object({
  person: accountRef,
  network: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9._-]{0,39}$/,
      'must be a network name (letters, digits, ".", "_", "-"; up to 40)',
    ),
  type: z.enum(ACTIVITY_TYPES, { message: `must be one of ${ACTIVITY_TYPES.join(', ')}` }),
  at: z.string().transform((value, ctx) => {
    const instant = isoInstant(value);
    if (instant === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO-8601 date or date-time, like 2026-03-01T10:00:00Z',
      });
      return z.NEVER;
    }
    return instant;
  }),
  text: z
    .string()
    .nullish()
    .transform((value) =>
      value === null || value === undefined || value === '' ? null : value.slice(0, MAX_IMPORTED_TEXT),
    ),
  target: accountRef.nullish().transform((value) => value ?? null),
  followers: z
    .number()
    .int()
    .min(0)
    .nullish()
    .transform((value) => value ?? null),
  id: key
    .refine((value) => value.length >= 1 && value.length <= 300, { message: 'must be 1 to 300 characters' })
    .nullish()
    .transform((value) => value ?? null),
  name: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((value) => value || null),
  sentiment: z
    .enum(['negative', 'neutral', 'positive'])
    .nullish()
    .transform((value) => value ?? null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code like en')
    .nullish()
    .transform((value) => value ?? null),
  engagement: z
    .number()
    .int()
    .min(0)
    .nullish()
    .transform((value) => value ?? null),
  // The author's profile, optional (profiles.ts): kept out of the dedupe key, it is not the activity.
  bio: z
    .string()
    .trim()
    .max(MAX_BIO)
    .nullish()
    .transform((value) => value || null),
  links: z
    .array(httpUrl)
    .max(MAX_LINKS)
    .nullish()
    .transform((value) => value ?? []),
  avatar: httpUrl.nullish().transform((value) => value || null),
});
const PROFILE_FIELDS = new Set(['bio', 'links', 'avatar']);
export type ActivityRow = z.infer<typeof activityRowSchema>;

/** The dedupe key of a row: `<network>:<id>` when it has an id, else `import:` + sha256 of the row. */
export function dedupeKeyOf(row: ActivityRow): string {
  if (row.id !== null) {
    return `${row.network}:${row.id}`;
  }
  const canonical = JSON.stringify(
    Object.fromEntries(
      Object.entries(row)
        .filter(([field]) => !PROFILE_FIELDS.has(field))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  );
  return `import:${createHash('sha256').update(canonical).digest('hex')}`;
}

function observationOf(row: ActivityRow): Observation {
  const targetKey = accountKeyOf(row.target);
  const personKey = accountKeyOf(row.person)!;
  return {
    author: {
      network: row.network,
      accountKey: personKey,
      handle: handleOf(row.person),
      displayName: row.name,
      followers: row.followers,
    },
    target:
      row.target !== null && targetKey !== null && targetKey !== personKey
        ? {
            network: row.network,
            accountKey: targetKey,
            handle: handleOf(row.target),
            displayName: null,
            followers: null,
          }
        : null,
    type: row.type,
    occurredAt: row.at,
    text: row.text,
    dedupeKey: dedupeKeyOf(row),
    mentionId: null,
    conversationId: null,
    sentiment: row.sentiment,
    intents: [],
    spam: false,
    offensive: false,
    engagementReceived: row.engagement,
    origin: 'import',
    language: row.language,
  };
}

/** Why a row is refused, in one line. */
function reasonOf(error: z.ZodError, value: Record<string, unknown>): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      const missing = issue.path.length === 1 && value[String(issue.path[0])] === undefined;
      const message = missing ? 'is required' : issue.message;
      return path ? `${path} ${message}` : message;
    })
    .join('; ');
}

/** A row to import, or why it cannot be. */
export type ParsedRow = { line: number; row: ActivityRow } | { line: number; problem: string };

/** Validates one parsed JSON value (a row of the file or of the API). */
export function parseActivityRow(line: number, value: unknown): ParsedRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, problem: 'must be a JSON object' };
  }
  const parsed = activityRowSchema.safeParse(value);
  return parsed.success
    ? { line, row: parsed.data }
    : { line, problem: reasonOf(parsed.error, value as Record<string, unknown>) };
}

/** Imports validated rows in batches; shared by the JSONL import and POST /activities. */
export async function importActivityRows(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  rows: Iterable<ParsedRow> | AsyncIterable<ParsedRow>,
  onBatch?: () => void,
): Promise<ActivityImportReport> {
  const report: ActivityImportReport = { read: 0, imported: 0, duplicates: 0, forgotten: 0, own: 0, refused: [] };
  const own = await ownAccountKeys(db, workspaceId);
  let batch: Observation[] = [];
  let profiles = new Map<string, ImportedProfile>();
  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      const observations = batch;
      const batchProfiles = [...profiles.values()];
      batch = [];
      profiles = new Map();
      const result = await db.transaction().execute(async (trx) => {
        const recorded = await recordObservations(trx, workspaceId, clock.now().toISOString(), observations);
        await applyProfiles(trx, workspaceId, batchProfiles);
        return recorded;
      });
      report.imported += result.recorded;
      report.duplicates += result.duplicates;
      report.forgotten += result.forgotten;
    }
    onBatch?.();
  };
  for await (const parsed of rows) {
    report.read += 1;
    if ('problem' in parsed) {
      report.refused.push({ line: parsed.line, reason: parsed.problem });
      continue;
    }
    const observation = observationOf(parsed.row);
    if (own.has(identityKey(observation.author.network, observation.author.accountKey))) {
      report.own += 1;
      continue;
    }
    if (observation.target && own.has(identityKey(observation.target.network, observation.target.accountKey))) {
      // An answer to the brand is an interaction with the brand, not with a community member.
      observation.target = null;
    }
    batch.push(observation);
    const { bio, links, avatar } = parsed.row;
    if (bio !== null || links.length > 0 || avatar !== null) {
      const { network, accountKey } = observation.author;
      profiles.set(identityKey(network, accountKey), { network, accountKey, bio, links, avatarUrl: avatar });
    }
    if (batch.length >= IMPORT_BATCH) {
      await flush();
    }
  }
  await flush();
  return report;
}

/** Imports a JSONL stream (one activity per line) into a workspace. */
export async function importActivities(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  lines: AsyncIterable<string>,
  options: ActivityImportOptions = {},
): Promise<ActivityImportReport> {
  let bytes = 0;
  async function* parse(): AsyncIterable<ParsedRow> {
    let line = 0;
    for await (const text of lines) {
      line += 1;
      bytes += Buffer.byteLength(text) + 1;
      const trimmed = text.trim();
      if (trimmed === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        yield { line, problem: 'not valid JSON' };
        continue;
      }
      yield parseActivityRow(line, value);
    }
  }
  return importActivityRows(db, clock, workspaceId, parse(), () => options.onProgress?.(bytes));
}

/** POST /activities: rows given as JSON values (a refused row is reported by its position, from 1); audited. */
export async function recordActivities(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  rows: readonly unknown[],
): Promise<ActivityImportReport> {
  authorize(access.role, 'community.manage');
  const report = await importActivityRows(
    db,
    clock,
    access.workspaceId,
    rows.map((row, index) => parseActivityRow(index + 1, row)),
  );
  await recordAudit(db, clock, {
    workspaceId: access.workspaceId,
    actorUserId: access.userId,
    action: 'community.activities_imported',
    details: {
      read: report.read,
      imported: report.imported,
      duplicates: report.duplicates,
      forgotten: report.forgotten,
      refused: report.refused.length,
      via: 'api',
    },
  });
  return report;
}
