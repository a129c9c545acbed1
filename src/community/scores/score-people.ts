/**
 * Scores every person of a workspace from their activities before an instant (engagement, reach,
 * ambassador, influencer), each with its explanation; and stores the current ones on `people`.
 * The formulas are in compute.ts; the reading and aggregation of the activities in scores.repo.ts.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { scorePerson } from './compute.js';
import type { ScoreExplanations } from './scores.schemas.js';
import { loadFacts, storeScores, type StoredScores } from './scores.repo.js';
import { loadScoringSettings, type ScoringSettings } from './settings.js';

export interface ScoreWorkspaceOptions {
  /** Only activities strictly before this instant count; months are counted back from it. */
  asOf: Date;
  /** Settings to score with instead of the workspace's own (the benchmark compares variants). */
  settings?: ScoringSettings;
}

/** Every (not merged-away) person's scores as of `asOf`, from activities strictly before it. */
export async function scoreWorkspace(
  db: Kysely<Database>,
  workspaceId: string,
  options: ScoreWorkspaceOptions,
): Promise<Map<string, ScoreExplanations>> {
  const settings = options.settings ?? (await loadScoringSettings(db, workspaceId));
  const facts = await loadFacts(db, workspaceId, options.asOf);
  const scores = new Map<string, ScoreExplanations>();
  for (const [personId, personFacts] of facts) {
    scores.set(personId, scorePerson(personFacts, settings, options.asOf));
  }
  return scores;
}

/** Recomputes the workspace's scores as of now and stores them on `people` (columns + explanations). */
export async function recomputeScores(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
): Promise<{ scored: number }> {
  const asOf = clock.now();
  const scores = await scoreWorkspace(db, workspaceId, { asOf });
  const rows: StoredScores[] = [];
  for (const [personId, explained] of scores) {
    rows.push({
      personId,
      engagement: explained.engagement.value,
      level: explained.engagement.level,
      reach: explained.reach.value,
      ambassador: explained.ambassador.value,
      influencer: explained.influencer.value,
      scores: JSON.stringify(explained),
    });
  }
  await storeScores(db, workspaceId, rows, asOf.toISOString());
  return { scored: rows.length };
}
