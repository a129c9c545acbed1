/** Publishing KPIs over our own posts (one row per post and account: a post on two accounts counts twice). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { utcDay } from '../follower-history.tables.js';
import type { Kpi, KpiOptions, KpiPart, KpiRange, KpiResult, KpiRow } from './kpi.js';
import { kpisRepo, type TargetRow } from './kpis.repo.js';
import { isoRange, memo, plural, sum } from './shared.js';
import { ratio } from './stats.js';

interface Metrics {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
}

/** The metrics JSON of a target ({likes, reposts, replies, quotes}); null when never read. */
export function metricsOf(target: Pick<TargetRow, 'metrics'>): Metrics | null {
  if (target.metrics === null) {
    return null;
  }
  const parsed = JSON.parse(target.metrics) as Partial<Record<keyof Metrics, number | null>>;
  return { likes: parsed.likes ?? 0, reposts: parsed.reposts ?? 0, replies: parsed.replies ?? 0, quotes: parsed.quotes ?? 0 };
}

const engagementOf = (metrics: Metrics): number => metrics.likes + metrics.reposts + metrics.replies + metrics.quotes;

const published = (db: Kysely<Database>, workspaceId: string, range: KpiRange, options: KpiOptions | undefined): Promise<TargetRow[]> =>
  memo(options, `published|${workspaceId}|${range.from.toISOString()}|${range.to.toISOString()}`, async () =>
    (await kpisRepo(db).targets(workspaceId, isoRange(range), 'published_at')).filter((target) => target.status === 'published'),
  );

const POST_INPUTS = ['post_targets.status', 'post_targets.published_at', 'post_targets.metrics'];

const withoutMetricsNote = (missing: number): string | undefined =>
  missing === 0
    ? undefined
    : `${plural(missing, 'published post')} without metrics (the network gives none, or they were not read yet): left out.`;

export const engagementPerPost: Kpi = {
  id: 'engagement_per_post',
  name: 'Engagement per post',
  capability: 'publishing',
  version: 1,
  formula:
    'engagement per post = Σ (likes + reposts + replies + quotes) ÷ number of posts, over our posts published in [from, to) whose metrics were read (one post on two accounts counts as two)',
  inputs: POST_INPUTS,
  unit: 'engagement',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const targets = await published(db, workspaceId, range, options);
    const measured = targets.flatMap((target) => {
      const metrics = metricsOf(target);
      return metrics === null ? [] : [engagementOf(metrics)];
    });
    const result: KpiResult = {
      value: measured.length === 0 ? null : Math.round((sum(measured) / measured.length) * 100) / 100,
      count: measured.length,
    };
    const note = withoutMetricsNote(targets.length - measured.length);
    if (note) {
      result.note = note;
    }
    return result;
  },
};

export const engagementRateByFollowers: Kpi = {
  id: 'engagement_rate_followers',
  name: 'Engagement rate by followers',
  capability: 'publishing',
  version: 1,
  formula:
    'engagement rate by followers = mean over our posts published in [from, to) of (likes + reposts + replies + quotes) ÷ the followers of the account it went out on. Followers: the account’s count as last read from the network (no follower history is recorded, so not the count at the end of the period)',
  inputs: [...POST_INPUTS, 'connected_accounts.followers'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const targets = await published(db, workspaceId, range, options);
    const perAccount = new Map<string, number[]>();
    const rates: number[] = [];
    for (const target of targets) {
      const metrics = metricsOf(target);
      if (metrics === null || target.followers === null || target.followers === 0) {
        continue;
      }
      const rate = engagementOf(metrics) / target.followers;
      rates.push(rate);
      const key = `@${target.handle} (${target.network})`;
      perAccount.set(key, [...(perAccount.get(key) ?? []), rate]);
    }
    const mean = (values: number[]): number | null => ratio(sum(values), values.length);
    const result: KpiResult = {
      value: mean(rates),
      count: rates.length,
      breakdown: [...perAccount.entries()].map(([label, values]) => ({ label, value: mean(values), count: values.length })),
    };
    const left = targets.length - rates.length;
    if (left > 0) {
      result.note = `${plural(left, 'published post')} without metrics or follower count: left out.`;
    }
    return result;
  },
};

/** The UTC day whose recorded count stands for the followers at an instant: the day of the instant just before it. */
const dayBefore = (at: Date): string => utcDay(new Date(at.getTime() - 1));

export const followerGrowth: Kpi = {
  id: 'follower_growth',
  name: 'Follower growth (net)',
  capability: 'publishing',
  version: 2,
  formula:
    'net growth = Σ over our connected accounts of (followers at the end of the period − followers at its start). Followers at an instant = the count recorded (one per account and UTC day: the last count learned that day, at connect or at the hourly account check) on the nearest day at or before the UTC day of the instant just before it: the start reads the day before the period, the end its last day. Accounts without a record at or before the start are left out ("not enough history"). New followers (gross) are not computed: the connectors read a follower count, not follow events',
  inputs: ['account_follower_counts.day', 'account_follower_counts.followers', 'connected_accounts.followers'],
  unit: 'followers',
  higherIsBetter: true,
  async compute(db, workspaceId, range) {
    const repo = kpisRepo(db);
    const accounts = await repo.accounts(workspaceId);
    const ids = accounts.map((account) => account.id);
    const startDay = dayBefore(range.from);
    const endDay = dayBefore(range.to);
    const [starts, ends] = await Promise.all([repo.followersAsOf(ids, startDay), repo.followersAsOf(ids, endDay)]);
    const startOf = new Map(starts.map((row) => [row.account_id, row]));
    const endOf = new Map(ends.map((row) => [row.account_id, row]));
    const rows: KpiRow[] = [];
    const breakdown: KpiPart[] = [];
    const missing: string[] = [];
    let total = 0;
    let measured = 0;
    for (const account of accounts) {
      const label = `@${account.handle} (${account.network})`;
      const start = startOf.get(account.id);
      const end = endOf.get(account.id);
      const net = start && end ? end.followers - start.followers : null;
      if (net === null) {
        missing.push(label);
      } else {
        total += net;
        measured++;
        breakdown.push({ label, value: net, count: 1 });
      }
      rows.push({
        account: `@${account.handle}`,
        network: account.network,
        'start day': start?.day ?? null,
        'followers at start': start?.followers ?? null,
        'end day': end?.day ?? null,
        'followers at end': end?.followers ?? null,
        'net growth': net,
        'followers now': account.followers,
      });
    }
    const notes = [
      `Start: the count recorded on or before ${startDay}; end: on or before ${endDay} (UTC days; the days used are in the table).`,
    ];
    if (accounts.length === 0) {
      notes.push('No connected account.');
    } else if (missing.length > 0) {
      notes.push(
        `Not enough history for ${missing.join(', ')}: no follower count recorded on or before ${startDay}${measured > 0 ? ' (left out of the sum)' : ''}.`,
      );
    }
    notes.push('New followers (gross) are not available: the Bluesky and Mastodon connectors read the follower count only, not follow events.');
    return { value: measured === 0 ? null : total, count: measured, breakdown, rows, note: notes.join(' ') };
  },
};

export const topPosts: Kpi = {
  id: 'top_posts',
  name: 'Top posts',
  capability: 'publishing',
  version: 1,
  formula: 'top posts = our posts published in [from, to), by engagement (likes + reposts + replies + quotes) as last read; the figure is the number of posts with metrics',
  inputs: [...POST_INPUTS, 'posts.text', 'post_targets.url'],
  unit: 'items',
  higherIsBetter: null,
  async compute(db, workspaceId, range, options) {
    const targets = await published(db, workspaceId, range, options);
    const measured = targets.flatMap((target) => {
      const metrics = metricsOf(target);
      return metrics === null ? [] : [{ target, metrics, engagement: engagementOf(metrics) }];
    });
    measured.sort((a, b) => b.engagement - a.engagement || (a.target.published_at ?? '').localeCompare(b.target.published_at ?? ''));
    const result: KpiResult = {
      value: measured.length,
      count: measured.length,
      rows: measured.slice(0, options?.limit ?? 10).map(({ target, metrics, engagement }) => ({
        published: target.published_at,
        account: `@${target.handle}`,
        network: target.network,
        engagement,
        likes: metrics.likes,
        reposts: metrics.reposts,
        replies: metrics.replies,
        text: target.text.length > 140 ? `${target.text.slice(0, 139)}…` : target.text,
        link: target.url,
      })),
    };
    const note = withoutMetricsNote(targets.length - measured.length);
    if (note) {
      result.note = note;
    }
    return result;
  },
};

export const DEFAULT_PUNCTUALITY_MINUTES = 5;

export const publishingPunctuality: Kpi = {
  id: 'publishing_punctuality',
  name: 'Publishing punctuality',
  capability: 'publishing',
  version: 1,
  formula:
    'punctuality = posts published within N minutes after their scheduled time ÷ posts scheduled in [from, to) whose time has come (cancelled ones left out); late, failed, unconfirmed and still-waiting posts count against it; N = 5 unless chosen',
  inputs: ['post_targets.publish_at', 'post_targets.published_at', 'post_targets.status'],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const tolerance = (options?.punctualityMinutes ?? DEFAULT_PUNCTUALITY_MINUTES) * 60_000;
    const now = (options?.now ?? range.to).getTime();
    const targets = (await kpisRepo(db).targets(workspaceId, isoRange(range), 'publish_at')).filter(
      (target) => target.status !== 'cancelled' && target.publish_at !== null && Date.parse(target.publish_at) <= now,
    );
    let onTime = 0;
    let late = 0;
    let failed = 0;
    let waiting = 0;
    for (const target of targets) {
      if (target.status === 'published' && target.published_at !== null) {
        if (Date.parse(target.published_at) - Date.parse(target.publish_at ?? target.published_at) <= tolerance) {
          onTime++;
        } else {
          late++;
        }
      } else if (target.status === 'failed' || target.status === 'unconfirmed') {
        failed++;
      } else {
        waiting++;
      }
    }
    return {
      value: ratio(onTime, targets.length),
      count: targets.length,
      breakdown: [
        { label: 'on time', value: onTime, count: onTime },
        { label: 'late', value: late, count: late },
        { label: 'failed or unconfirmed', value: failed, count: failed },
        { label: 'still waiting', value: waiting, count: waiting },
      ],
      note: `On time: published at most ${tolerance / 60_000} minutes after the scheduled time.`,
    };
  },
};
