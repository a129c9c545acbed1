/**
 * Merging two people into one (identities, activities, notes move to the kept person), recorded so
 * that the merge can be undone; and suggestions across networks, which a user confirms or rejects.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';

export interface MergeResult {
  id: string;
  keptPersonId: string;
  mergedPersonId: string;
}

export interface MergeReason {
  code: string;
  detail: string;
}

/** Merges `otherId` into `keepId` (both in the workspace, neither merged away). */
export async function mergePeople(
  _db: Kysely<Database>,
  _clock: Clock,
  _workspaceId: string,
  _keepId: string,
  _otherId: string,
  _options: { actorId: string | null; reasons?: MergeReason[] },
): Promise<MergeResult> {
  throw new Error('mergePeople is not built yet');
}
