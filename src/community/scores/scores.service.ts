/** Reading and changing a workspace's scoring settings (then rescoring), and rescoring on demand. */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { recomputeScores } from './score-people.js';
import { loadScoringSettings, scoringSettingsSchema, type ScoringSettings } from './settings.js';

export async function getScoringSettings(
  db: Kysely<Database>,
  access: WorkspaceAccess,
): Promise<ScoringSettings> {
  authorize(access.role, 'community.read');
  return loadScoringSettings(db, access.workspaceId);
}

/** Stores validated settings (audited), then rescores the workspace with them. */
export async function updateScoringSettings(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: ScoringSettings,
): Promise<{ settings: ScoringSettings; scored: number }> {
  authorize(access.role, 'community.settings');
  const settings = scoringSettingsSchema.parse(input);
  const scoring = JSON.stringify(settings);
  const now = isoNow(clock);
  const before = await loadScoringSettings(db, access.workspaceId);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('community_settings')
      .values({ workspace_id: access.workspaceId, scoring, sync_cursor: null, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ scoring, updated_at: now }))
      .execute();
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'community.scoring_changed',
      target: { type: 'workspace', id: access.workspaceId },
      details: { before, after: settings },
    });
  });
  const { scored } = await recomputeScores(db, clock, access.workspaceId);
  return { settings, scored };
}

export async function rescoreWorkspace(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
): Promise<{ scored: number }> {
  authorize(access.role, 'community.settings');
  return recomputeScores(db, clock, access.workspaceId);
}
