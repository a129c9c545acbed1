/**
 * The KPI registry: every figure a dashboard or a report shows, with its formula and version. Add a
 * KPI by exporting it from its capability's file and listing it here once.
 */
import { topPeople } from './community.kpis.js';
import { firstResponseTime, resolutionTime, responseRate, slaAttainment, waitingConversations } from './inbox.kpis.js';
import type { Kpi } from './kpi.js';
import {
  alertsFired,
  complaintsByTopic,
  engagementRateByImpressions,
  engagementRateByReach,
  featureRequestsByTopic,
  influentialCritics,
  mentionVolume,
  netSentiment,
  netSentimentAll,
  potentialReach,
  praiseByTopic,
  questionsByTopic,
  shareOfVoiceKpi,
} from './listening.kpis.js';
import {
  engagementPerPost,
  engagementRateByFollowers,
  followerGrowth,
  publishingPunctuality,
  topPosts,
} from './publishing.kpis.js';

export const KPIS: readonly Kpi[] = [
  mentionVolume,
  potentialReach,
  engagementPerPost,
  engagementRateByReach,
  engagementRateByImpressions,
  engagementRateByFollowers,
  followerGrowth,
  shareOfVoiceKpi,
  netSentiment,
  netSentimentAll,
  responseRate,
  firstResponseTime,
  resolutionTime,
  slaAttainment,
  waitingConversations,
  complaintsByTopic,
  questionsByTopic,
  featureRequestsByTopic,
  praiseByTopic,
  topPosts,
  topPeople,
  publishingPunctuality,
  alertsFired,
  influentialCritics,
];

const byId = new Map(KPIS.map((kpi) => [kpi.id, kpi]));

/** A KPI by id; throws on an unknown id (a programming error: ids are constants). */
export function kpi(id: string): Kpi {
  const found = byId.get(id);
  if (!found) {
    throw new Error(`No KPI "${id}"`);
  }
  return found;
}
