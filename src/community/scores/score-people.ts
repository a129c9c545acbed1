/**
 * Scores every person of a workspace from their activities before an instant (engagement, reach,
 * ambassador, influencer), each with its explanation; and stores the current ones on `people`.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import type { ScoreExplanations } from './scores.schemas.js';

/** Every (not merged-away) person's scores as of `asOf`, from activities strictly before it. */
export async function scoreWorkspace(
  _db: Kysely<Database>,
  _workspaceId: string,
  _options: { asOf: Date },
): Promise<Map<string, ScoreExplanations>> {
  throw new Error('scoreWorkspace is not built yet');
}

/** Recomputes the workspace's scores as of now and stores them on `people` (columns + explanations). */
export async function recomputeScores(_db: Kysely<Database>, _clock: Clock, _workspaceId: string): Promise<{ scored: number }> {
  throw new Error('recomputeScores is not built yet');
}
