/** Opportunities among stored mentions: one per mention, with the saved query that made it one. */
import { sampleOf, type MentionSample } from './alerts.explanation.js';
import type { alertsRepo, MentionWindow } from './alerts.repo.js';
import type { SavedQueryTag } from '../../db/schema.js';

export interface OpportunityEvent {
  intent: 'question' | 'complaint';
  query: { id: string; name: string; tag: SavedQueryTag };
  mention: MentionSample;
}

export async function opportunityEvents(
  repo: ReturnType<typeof alertsRepo>,
  workspaceId: string,
  queryId: string | null,
  window: MentionWindow,
): Promise<OpportunityEvent[]> {
  const rows = await repo.opportunityMentions(workspaceId, queryId, window);
  const seen = new Set<string>();
  const events: OpportunityEvent[] = [];
  for (const row of rows) {
    // A mention matched by several saved queries is one opportunity (the first query by name).
    if (seen.has(row.id)) {
      continue;
    }
    seen.add(row.id);
    events.push({
      intent: row.query_tag === 'competitor' ? 'complaint' : 'question',
      query: { id: row.query_id, name: row.query_name, tag: row.query_tag },
      mention: sampleOf(row),
    });
  }
  return events;
}
