/**
 * The report templates, one per audience: which figures, tables, charts and quotes each section
 * holds. Declarative: build-report.ts computes and assembles them.
 */
import type { ReportTemplate } from '../reports.tables.js';

/** A table drawn from a figure: its breakdown (label, value, count) or its rows. */
export interface TableSpec {
  kpi: string;
  from: 'breakdown' | 'rows';
  title: string;
}

export type ChartSpec =
  | { kind: 'daily_mentions'; title: string; negativeOnly?: boolean }
  | { kind: 'breakdown_bar'; kpi: string; title: string }
  | { kind: 'breakdown_pie'; kpi: string; title: string };

export interface QuoteSpec {
  kind: string;
  intent?: string;
  sentiment?: 'negative' | 'positive';
  limit: number;
}

export interface SectionSpec {
  id: string;
  title: string;
  figures: string[];
  charts?: ChartSpec[];
  tables?: TableSpec[];
  quotes?: QuoteSpec[];
}

export interface TemplateSpec {
  title: string;
  audience: string;
  /** The figures whose deltas make the summary lines. */
  headline: string[];
  sections: SectionSpec[];
}

export const TEMPLATES: Record<ReportTemplate, TemplateSpec> = {
  support: {
    title: 'Support report',
    audience: 'Customer support',
    headline: ['response_rate', 'first_response_time', 'sla_attainment', 'complaints_by_topic'],
    sections: [
      {
        id: 'service',
        title: 'Response times and service levels',
        figures: ['response_rate', 'first_response_time', 'resolution_time', 'sla_attainment', 'waiting_conversations'],
        charts: [{ kind: 'breakdown_pie', kpi: 'sla_attainment', title: 'First responses against the target' }],
        tables: [{ kpi: 'waiting_conversations', from: 'rows', title: 'Open issues, highest priority first' }],
      },
      {
        id: 'complaints',
        title: 'Complaints and questions',
        figures: ['complaints_by_topic', 'questions_by_topic'],
        charts: [{ kind: 'breakdown_bar', kpi: 'complaints_by_topic', title: 'Complaints by topic' }],
        tables: [
          { kpi: 'complaints_by_topic', from: 'breakdown', title: 'Complaints by topic' },
          { kpi: 'questions_by_topic', from: 'breakdown', title: 'Questions by topic' },
        ],
        quotes: [
          { kind: 'complaint', intent: 'complaint', limit: 5 },
          { kind: 'question', intent: 'question', limit: 3 },
        ],
      },
    ],
  },
  product: {
    title: 'Product report',
    audience: 'Product',
    headline: ['feature_requests_by_topic', 'complaints_by_topic', 'praise_by_topic', 'net_sentiment'],
    sections: [
      {
        id: 'voice',
        title: 'What the community asks for, reports and praises',
        figures: ['feature_requests_by_topic', 'complaints_by_topic', 'praise_by_topic', 'questions_by_topic', 'net_sentiment'],
        charts: [
          { kind: 'breakdown_bar', kpi: 'feature_requests_by_topic', title: 'Feature requests by topic' },
          { kind: 'breakdown_bar', kpi: 'complaints_by_topic', title: 'Bugs and complaints by topic' },
        ],
        tables: [
          { kpi: 'feature_requests_by_topic', from: 'breakdown', title: 'Feature requests by topic' },
          { kpi: 'complaints_by_topic', from: 'breakdown', title: 'Bugs and complaints by topic' },
          { kpi: 'praise_by_topic', from: 'breakdown', title: 'Praise by topic' },
        ],
        quotes: [
          { kind: 'feature request', intent: 'feature_request', limit: 4 },
          { kind: 'complaint', intent: 'complaint', limit: 4 },
          { kind: 'praise', intent: 'praise', limit: 3 },
        ],
      },
    ],
  },
  marketing: {
    title: 'Marketing report',
    audience: 'Marketing',
    headline: ['mention_volume', 'potential_reach', 'engagement_per_post', 'share_of_voice'],
    sections: [
      {
        id: 'audience',
        title: 'Reach and conversation',
        figures: ['mention_volume', 'potential_reach', 'engagement_rate_reach', 'net_sentiment', 'net_sentiment_all'],
        charts: [{ kind: 'daily_mentions', title: 'Mentions per day, this period and the previous one' }],
        tables: [{ kpi: 'mention_volume', from: 'breakdown', title: 'Mentions by network' }],
      },
      {
        id: 'content',
        title: 'Our content',
        figures: ['engagement_per_post', 'engagement_rate_followers', 'engagement_rate_impressions', 'follower_growth', 'publishing_punctuality'],
        tables: [
          { kpi: 'top_posts', from: 'rows', title: 'Top posts' },
          { kpi: 'follower_growth', from: 'rows', title: 'Accounts and their followers' },
        ],
      },
      {
        id: 'competition',
        title: 'Share of voice against competitors',
        figures: ['share_of_voice'],
        charts: [{ kind: 'breakdown_pie', kpi: 'share_of_voice', title: 'Share of voice (mentions)' }],
        tables: [{ kpi: 'share_of_voice', from: 'breakdown', title: 'Share of voice' }],
      },
      {
        id: 'community',
        title: 'Community',
        figures: ['top_people'],
        tables: [{ kpi: 'top_people', from: 'rows', title: 'Most engaged people' }],
        quotes: [{ kind: 'praise', sentiment: 'positive', limit: 3 }],
      },
    ],
  },
  leadership: {
    title: 'Leadership summary',
    audience: 'Leadership (one page)',
    headline: ['mention_volume', 'net_sentiment', 'share_of_voice', 'sla_attainment'],
    sections: [
      {
        id: 'summary',
        title: 'The period at a glance',
        figures: [
          'mention_volume',
          'net_sentiment',
          'share_of_voice',
          'response_rate',
          'first_response_time',
          'sla_attainment',
          'engagement_per_post',
          'complaints_by_topic',
        ],
        charts: [{ kind: 'daily_mentions', title: 'Mentions per day' }],
        quotes: [{ kind: 'most engaging', limit: 2 }],
      },
    ],
  },
  risk: {
    title: 'PR and risk report',
    audience: 'PR / risk',
    headline: ['alerts_fired', 'net_sentiment', 'influential_critics', 'complaints_by_topic'],
    sections: [
      {
        id: 'alerts',
        title: 'Alerts and negative surges',
        figures: ['alerts_fired', 'net_sentiment', 'net_sentiment_all', 'mention_volume'],
        charts: [{ kind: 'daily_mentions', title: 'Negative mentions per day', negativeOnly: true }],
        tables: [{ kpi: 'alerts_fired', from: 'rows', title: 'Alerts fired' }],
      },
      {
        id: 'critics',
        title: 'Influential critics',
        figures: ['influential_critics', 'complaints_by_topic'],
        tables: [
          { kpi: 'influential_critics', from: 'rows', title: 'Critics by followers' },
          { kpi: 'complaints_by_topic', from: 'breakdown', title: 'Complaints by topic' },
        ],
        quotes: [{ kind: 'negative', sentiment: 'negative', limit: 5 }],
      },
    ],
  },
};
