/** Community KPIs: the CRM's people, by the engagement score the community scoring keeps on each person. */
import type { Kpi, KpiResult } from './kpi.js';
import { kpisRepo } from './kpis.repo.js';
import { isoRange } from './shared.js';

export const topPeople: Kpi = {
  id: 'top_people',
  name: 'Top people',
  capability: 'community',
  version: 1,
  formula:
    'top people = people of the community CRM seen in [from, to) (last seen on or after its start, first seen before its end; merged-away people left out), by their engagement score; the figure is how many were seen. Scores are the CRM’s current cached scores (scored_at), not as of the end of the period',
  inputs: ['people.engagement', 'people.engagement_level', 'people.reach', 'people.first_seen_at', 'people.last_seen_at', 'people.merged_into_id'],
  unit: 'count',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const repo = kpisRepo(db);
    const [people, everyone] = await Promise.all([
      repo.topPeople(workspaceId, isoRange(range), options?.limit ?? 10),
      repo.peopleCount(workspaceId),
    ]);
    const result: KpiResult = {
      value: people.total,
      count: people.total,
      rows: people.rows.map((person) => ({
        person: person.display_name ?? person.id,
        engagement: person.engagement,
        level: person.engagement_level,
        reach: person.reach,
        stage: person.stage,
        activities: person.activity_count,
      })),
    };
    if (everyone === 0) {
      result.note = 'The community CRM holds no people yet: no data.';
    }
    return result;
  },
};
