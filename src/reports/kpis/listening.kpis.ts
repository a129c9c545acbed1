/** Listening KPIs: volume, potential reach, engagement rates of the conversation, share of voice, sentiment, intents by topic, alerts, critics. */
import { fixedClock } from '../../core/clock.js';
import { shareOfVoice } from '../../listening/insights/share-of-voice.service.js';
import { titleOf, type Explanation } from '../../listening/alerts/alerts.explanation.js';
import type { Kpi, KpiResult } from './kpi.js';
import { kpisRepo } from './kpis.repo.js';
import { byNetwork, hasIntent, intentQueryGroups, isoRange, memo, mentionGroups, plural, sum } from './shared.js';
import { ratio } from './stats.js';

const MENTION_INPUTS = ['mentions.created_at', 'mentions.network'];

export const mentionVolume: Kpi = {
  id: 'mention_volume',
  name: 'Mention volume',
  capability: 'listening',
  version: 1,
  formula: 'mentions = number of stored mentions whose posting time (created_at) falls in [from, to), every source and network',
  inputs: MENTION_INPUTS,
  unit: 'count',
  higherIsBetter: null,
  async compute(db, workspaceId, range, options) {
    const groups = await mentionGroups(db, workspaceId, range, options);
    const total = sum(groups.map((group) => group.mentions));
    return { value: total, count: total, breakdown: byNetwork(groups, 'mentions') };
  },
};

export const potentialReach: Kpi = {
  id: 'potential_reach',
  name: 'Potential reach',
  capability: 'listening',
  version: 1,
  formula:
    "potential reach = Σ over the period's mentions of the author's follower count as last seen (a missing count is 0). Potential, not unique people: an author who posts twice counts twice and audiences overlap",
  inputs: [...MENTION_INPUTS, 'mentions.author_followers'],
  unit: 'followers',
  higherIsBetter: null,
  async compute(db, workspaceId, range, options) {
    const groups = await mentionGroups(db, workspaceId, range, options);
    const mentions = sum(groups.map((group) => group.mentions));
    const known = sum(groups.map((group) => group.withFollowers));
    const result: KpiResult = {
      value: sum(groups.map((group) => group.reach)),
      count: mentions,
      breakdown: byNetwork(groups, 'reach'),
    };
    if (known < mentions) {
      result.note = `${plural(mentions - known, 'mention')} of ${mentions.toLocaleString('en-US')} have no follower count (counted as 0).`;
    }
    return result;
  },
};

export const engagementRateByReach: Kpi = {
  id: 'engagement_rate_reach',
  name: 'Engagement rate by potential reach (mentions)',
  capability: 'listening',
  version: 1,
  formula:
    "engagement rate by reach = Σ (likes + reposts + replies) ÷ Σ authors' followers, over the period's mentions whose author's follower count is known",
  inputs: [...MENTION_INPUTS, 'mentions.likes', 'mentions.reposts', 'mentions.replies', 'mentions.author_followers'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const groups = await mentionGroups(db, workspaceId, range, options);
    const known = sum(groups.map((group) => group.withFollowers));
    return {
      value: ratio(sum(groups.map((group) => group.engagementWithFollowers)), sum(groups.map((group) => group.reach))),
      count: known,
    };
  },
};

export const engagementRateByImpressions: Kpi = {
  id: 'engagement_rate_impressions',
  name: 'Engagement rate by impressions',
  capability: 'publishing',
  version: 1,
  formula: 'engagement rate by impressions = Σ engagement ÷ Σ impressions, over posts whose impressions are known',
  inputs: [],
  unit: 'ratio',
  higherIsBetter: true,
  compute() {
    return Promise.resolve({
      value: null,
      count: 0,
      note: 'Not available: no connector records impressions (Bluesky and Mastodon do not publish them), so no post has any.',
    });
  },
};

export const shareOfVoiceKpi: Kpi = {
  id: 'share_of_voice',
  name: 'Share of voice',
  capability: 'listening',
  version: 1,
  formula:
    'share of voice = weight(brand) ÷ (weight(brand) + Σ weight(competitors)); weight chosen: mentions (distinct mentions matched), engagement (Σ likes + reposts + replies) or reach (Σ authors’ followers); the brand is the saved queries tagged brand, a competitor its query; a mention matching both counts for both',
  inputs: ['saved_queries.tag', 'mention_matches', 'competitors', 'mentions.likes', 'mentions.reposts', 'mentions.replies', 'mentions.author_followers'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const weight = options?.weight ?? 'mentions';
    // Reports read as the system, not as a member: every member may read reports.
    const sov = await shareOfVoice(
      db,
      fixedClock(range.to),
      { workspaceId, userId: 'reports', role: 'viewer' },
      { weight, since: range.from.toISOString(), until: range.to.toISOString() },
    );
    const brand = sov.entities.find((entity) => entity.kind === 'brand');
    const result: KpiResult = {
      value: sov.total === 0 ? null : (brand?.share ?? 0),
      count: sum(sov.entities.map((entity) => entity.mentions)),
      breakdown: sov.entities.map((entity) => ({ label: entity.name, value: entity.share, count: entity.mentions })),
    };
    const notes = [`Weight: ${sov.definition}.`, ...sov.notes];
    if (sov.entities.length === 1) {
      notes.push('No competitor is watched: add competitors to compare.');
    }
    result.note = notes.join(' ');
    return result;
  },
};

function sentimentCounts(groups: readonly { sentiment: string | null; mentions: number }[]) {
  const of = (label: string): number => sum(groups.filter((group) => group.sentiment === label).map((group) => group.mentions));
  const unknown = sum(groups.filter((group) => group.sentiment === null).map((group) => group.mentions));
  return { positive: of('positive'), negative: of('negative'), neutral: of('neutral'), unknown };
}

export const netSentiment: Kpi = {
  id: 'net_sentiment',
  name: 'Net sentiment (polar)',
  capability: 'listening',
  version: 1,
  formula: 'net sentiment = (positive − negative) ÷ (positive + negative), over the period’s mentions; from −1 (all negative) to +1 (all positive); neutral ones do not count',
  inputs: [...MENTION_INPUTS, 'mentions.sentiment'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const counts = sentimentCounts(await mentionGroups(db, workspaceId, range, options));
    return {
      value: ratio(counts.positive - counts.negative, counts.positive + counts.negative),
      count: counts.positive + counts.negative,
      breakdown: [
        { label: 'positive', value: counts.positive, count: counts.positive },
        { label: 'negative', value: counts.negative, count: counts.negative },
      ],
    };
  },
};

export const netSentimentAll: Kpi = {
  id: 'net_sentiment_all',
  name: 'Net sentiment (over all analysed)',
  capability: 'listening',
  version: 1,
  formula:
    'net sentiment over all = (positive − negative) ÷ (positive + neutral + negative), over the period’s analysed mentions; mentions without a sentiment are left out',
  inputs: [...MENTION_INPUTS, 'mentions.sentiment'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const counts = sentimentCounts(await mentionGroups(db, workspaceId, range, options));
    const all = counts.positive + counts.neutral + counts.negative;
    const result: KpiResult = {
      value: ratio(counts.positive - counts.negative, all),
      count: all,
      breakdown: [
        { label: 'positive', value: counts.positive, count: counts.positive },
        { label: 'neutral', value: counts.neutral, count: counts.neutral },
        { label: 'negative', value: counts.negative, count: counts.negative },
      ],
    };
    if (counts.unknown > 0) {
      result.note = `${plural(counts.unknown, 'mention')} without a sentiment left out.`;
    }
    return result;
  },
};

/** Mentions with one intent, per saved query that matched them. */
function intentByTopic(id: string, intent: string, name: string, higherIsBetter: boolean | null): Kpi {
  return {
    id,
    name,
    capability: 'listening',
    version: 1,
    formula: `${intent.replace('_', ' ')}s by topic = number of the period’s mentions the analyzer labelled ${intent}, per saved query that matched them (a mention matched by two queries counts under both; the total counts it once; "no saved query" for the others)`,
    inputs: [...MENTION_INPUTS, 'mentions.intents', 'mention_matches.query_id', 'saved_queries.name'],
    unit: 'count',
    higherIsBetter,
    async compute(db, workspaceId, range, options) {
      const repo = kpisRepo(db);
      // Two scans shared by every intent of the report: the totals (each mention once) and the per-query groups.
      const [groups, byQueryGroups, queries] = await Promise.all([
        mentionGroups(db, workspaceId, range, options),
        intentQueryGroups(db, workspaceId, range, options),
        memo(options, `queries|${workspaceId}`, () => repo.savedQueries(workspaceId)),
      ]);
      const total = sum(groups.filter((group) => hasIntent(group.intents, intent)).map((group) => group.mentions));
      const perQuery = new Map<string | null, number>();
      for (const group of byQueryGroups) {
        if (hasIntent(group.intents, intent)) {
          perQuery.set(group.queryId, (perQuery.get(group.queryId) ?? 0) + group.count);
        }
      }
      const names = new Map(queries.map((query) => [query.id, query.name]));
      return {
        value: total,
        count: total,
        breakdown: [...perQuery.entries()]
          .map(([queryId, count]) => ({ queryId, count }))
          .map((group) => ({
            label: group.queryId === null ? 'no saved query' : (names.get(group.queryId) ?? group.queryId),
            value: group.count,
            count: group.count,
          }))
          .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
      };
    },
  };
}

export const complaintsByTopic = intentByTopic('complaints_by_topic', 'complaint', 'Complaints by topic', false);
export const questionsByTopic = intentByTopic('questions_by_topic', 'question', 'Questions by topic', null);
export const featureRequestsByTopic = intentByTopic('feature_requests_by_topic', 'feature_request', 'Feature requests by topic', null);
export const praiseByTopic = intentByTopic('praise_by_topic', 'praise', 'Praise by topic', true);

export const alertsFired: Kpi = {
  id: 'alerts_fired',
  name: 'Alerts fired',
  capability: 'listening',
  version: 1,
  formula: 'alerts = number of listening alerts fired in [from, to), per kind (volume spike, negative surge, high reach, opportunity)',
  inputs: ['alerts.fired_at', 'alerts.kind', 'alerts.explanation'],
  unit: 'count',
  higherIsBetter: false,
  async compute(db, workspaceId, range) {
    const alerts = await kpisRepo(db).alerts(workspaceId, isoRange(range));
    const kinds = new Map<string, number>();
    for (const alert of alerts) {
      kinds.set(alert.kind, (kinds.get(alert.kind) ?? 0) + 1);
    }
    return {
      value: alerts.length,
      count: alerts.length,
      breakdown: [...kinds.entries()].map(([label, count]) => ({ label, value: count, count })),
      rows: alerts.slice(0, 50).map((alert) => ({
        fired: alert.fired_at,
        kind: alert.kind,
        alert: titleOf(alert.rule_name, JSON.parse(alert.explanation) as Explanation),
      })),
    };
  },
};

export const influentialCritics: Kpi = {
  id: 'influential_critics',
  name: 'Influential critics',
  capability: 'listening',
  version: 1,
  formula:
    'influential critics = authors of the period’s negative mentions, ranked by their largest follower count; the figure is the number of negative mentions',
  inputs: [...MENTION_INPUTS, 'mentions.sentiment', 'mentions.author_handle', 'mentions.author_followers'],
  unit: 'count',
  higherIsBetter: false,
  async compute(db, workspaceId, range, options) {
    const [groups, authors] = await Promise.all([
      mentionGroups(db, workspaceId, range, options),
      kpisRepo(db).negativeAuthors(workspaceId, isoRange(range), options?.limit ?? 10),
    ]);
    const negative = sum(groups.filter((group) => group.sentiment === 'negative').map((group) => group.mentions));
    return {
      value: negative,
      count: negative,
      rows: authors.map((author) => ({
        author: `@${author.handle}`,
        network: author.network,
        followers: author.followers,
        'negative mentions': author.mentions,
      })),
    };
  },
};
