/**
 * The generic activity import: JSONL rows of {person, network, type, at, text, target, followers},
 * each becoming an identity (created on first sight), a person, and one activity, idempotently.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';

export interface ActivityImportReport {
  read: number;
  imported: number;
  duplicates: number;
  /** Rows about a forgotten identity: skipped on purpose. */
  forgotten: number;
  refused: { line: number; reason: string }[];
}

export interface ActivityImportOptions {
  /** Called every few hundred rows with the bytes read so far (progress bars). */
  onProgress?: (bytesRead: number) => void;
}

/** Imports a JSONL stream (one activity per line) into a workspace. */
export async function importActivities(
  _db: Kysely<Database>,
  _clock: Clock,
  _workspaceId: string,
  _lines: AsyncIterable<string>,
  _options: ActivityImportOptions = {},
): Promise<ActivityImportReport> {
  throw new Error('importActivities is not built yet');
}
