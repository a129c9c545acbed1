/**
 * Every KPI computed on the hand-made week of reports.fixtures.ts, on SQLite and PostgreSQL; the
 * expected figures are worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import { PREVIOUS_WEEK, seedReportFixture, WEEK } from '../reports.fixtures.js';
import { kpiRef, type KpiOptions, type KpiRange } from './kpi.js';
import { kpi, KPIS } from './registry.js';
import { percentile, ratio } from './stats.js';

describe('KPI registry', () => {
  it('gives every KPI a unique id, a written formula, inputs and a version', () => {
    expect(new Set(KPIS.map((k) => k.id)).size).toBe(KPIS.length);
    for (const k of KPIS) {
      expect(k.formula.length).toBeGreaterThan(30);
      expect(k.version).toBeGreaterThanOrEqual(1);
      expect(kpiRef(k)).toBe(`${k.id}@${k.version}`);
    }
    expect(() => kpi('no_such_kpi')).toThrow(/No KPI/);
  });

  it('takes nearest-rank percentiles and null ratios on empty data', () => {
    expect(percentile([30, 60, 180], 0.5)).toBe(60);
    expect(percentile([30, 60, 180], 0.9)).toBe(180);
    expect(percentile([60, 210], 0.5)).toBe(60);
    expect(percentile([], 0.5)).toBeNull();
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(1, 0)).toBeNull();
  });
});

describeEachDatabase('KPIs on a hand-made week', (use) => {
  let ws: string;
  const options = (): KpiOptions => ({ now: WEEK.to });
  const compute = (id: string, extra: KpiOptions = {}, range: KpiRange = WEEK) =>
    kpi(id).compute(use().kysely, ws, range, { ...options(), ...extra });

  beforeAll(async () => {
    ws = await seedReportFixture(use().kysely, 'k');
  });

  it('mention_volume: 6 mentions in [from, to) — the one at `to` and last week’s are out', async () => {
    const result = await compute('mention_volume');
    expect(result).toMatchObject({ value: 6, count: 6 });
    expect(result.breakdown).toEqual([
      { label: 'bluesky', value: 3, count: 3 },
      { label: 'mastodon', value: 2, count: 2 },
      { label: 'rss', value: 1, count: 1 },
    ]);
    expect((await kpi('mention_volume').compute(use().kysely, ws, PREVIOUS_WEEK)).value).toBe(1);
  });

  it('potential_reach: 1000 + 500 + 2000 + 100 = 3600, two mentions without followers said', async () => {
    const result = await compute('potential_reach');
    expect(result).toMatchObject({ value: 3600, count: 6 });
    expect(result.note).toContain('2 mentions of 6 have no follower count');
  });

  it('engagement_rate_reach: (20 + 5 + 1 + 2) ÷ 3600 over the 4 mentions with followers', async () => {
    expect(await compute('engagement_rate_reach')).toMatchObject({ value: ratio(28, 3600), count: 4 });
    expect(ratio(28, 3600)).toBe(0.0078);
  });

  it('engagement_rate_impressions: not available, said so', async () => {
    const result = await compute('engagement_rate_impressions');
    expect(result.value).toBeNull();
    expect(result.note).toMatch(/Not available/);
  });

  it('net_sentiment: (1 − 2) ÷ (1 + 2); over all analysed: (1 − 2) ÷ 5', async () => {
    expect(await compute('net_sentiment')).toMatchObject({ value: -0.3333, count: 3 });
    const all = await compute('net_sentiment_all');
    expect(all).toMatchObject({ value: -0.2, count: 5 });
    expect(all.note).toContain('1 mention without a sentiment');
  });

  it('share_of_voice: brand 3 mentions, Zorvalta 1 → 0.75; by reach 1500 ÷ 1600', async () => {
    const byMentions = await compute('share_of_voice');
    expect(byMentions.value).toBe(0.75);
    expect(byMentions.breakdown).toEqual([
      { label: 'Lumière', value: 0.75, count: 3 },
      { label: 'Zorvalta', value: 0.25, count: 1 },
    ]);
    const byReach = await compute('share_of_voice', { weight: 'reach' });
    expect(byReach.value).toBe(ratio(1500, 1600));
    expect(byReach.note).toContain('reach');
  });

  it('complaints, questions, feature requests and praise by topic (saved query)', async () => {
    const complaints = await compute('complaints_by_topic');
    expect(complaints).toMatchObject({ value: 2, count: 2 });
    expect(complaints.breakdown).toEqual([
      { label: 'Brand', value: 1, count: 1 },
      { label: 'Delivery', value: 1, count: 1 },
      { label: 'no saved query', value: 1, count: 1 },
    ]);
    const questions = await compute('questions_by_topic');
    expect(questions.value).toBe(2);
    expect(questions.breakdown).toEqual([
      { label: 'Delivery', value: 1, count: 1 },
      { label: 'no saved query', value: 1, count: 1 },
    ]);
    expect((await compute('praise_by_topic')).breakdown).toEqual([{ label: 'Brand', value: 1, count: 1 }]);
    expect(await compute('feature_requests_by_topic')).toMatchObject({ value: 0, count: 0, breakdown: [] });
  });

  it('alerts_fired and influential_critics', async () => {
    const alerts = await compute('alerts_fired');
    expect(alerts).toMatchObject({ value: 1, breakdown: [{ label: 'high_reach', value: 1, count: 1 }] });
    expect(alerts.rows?.[0]?.alert).toContain('@dave (2,000 followers)');
    const critics = await compute('influential_critics');
    expect(critics).toMatchObject({ value: 2, count: 2 });
    expect(critics.rows).toEqual([
      { author: '@bob.test', network: 'bluesky', followers: 500, 'negative mentions': 1 },
      { author: '@carol', network: 'mastodon', followers: 0, 'negative mentions': 1 },
    ]);
  });

  it('response_rate: 3 of the 5 conversations begun (spam out) were answered', async () => {
    expect(await compute('response_rate')).toMatchObject({ value: 0.6, count: 5 });
  });

  it('first_response_time in business minutes: 30, 60 (17:30→09:30), 180 (Fri 16:00→Mon 10:00)', async () => {
    const result = await compute('first_response_time');
    expect(result).toMatchObject({ value: 60, count: 3 });
    expect(result.breakdown).toEqual([
      { label: 'median', value: 60, count: 3 },
      { label: 'p90', value: 180, count: 3 },
    ]);
  });

  it('resolution_time: from closed_at — c1 closed at 10:00 (60) though tagged at 15:00, c2 after 210; c7 closed last week, changed this week: out', async () => {
    const result = await compute('resolution_time');
    expect(result).toMatchObject({ value: 60, count: 2 });
    expect(result.breakdown).toEqual([
      { label: 'median', value: 60, count: 2 },
      { label: 'p90', value: 210, count: 2 },
    ]);
    expect(result.note).not.toMatch(/Approximate/);
    // c7: first message Thu 26 Feb 09:00, closed 11:00 → 120 business minutes, in the week before.
    expect(await kpi('resolution_time').compute(use().kysely, ws, PREVIOUS_WEEK)).toMatchObject({ value: 120, count: 1 });
  });

  it('sla_attainment: met 2 (c1, c2), missed 2 (c3 late, c4 never), c5 not yet due', async () => {
    const result = await compute('sla_attainment');
    expect(result).toMatchObject({ value: 0.5, count: 4 });
    expect(result.breakdown).toEqual([
      { label: 'met', value: 2, count: 2 },
      { label: 'missed', value: 2, count: 2 },
      { label: 'not yet due', value: 1, count: 1 },
    ]);
    // A day later c5 (due Monday 10:00) is missed too.
    expect((await compute('sla_attainment', { now: new Date('2026-03-10T00:00:00.000Z') })).value).toBe(ratio(2, 5));
  });

  it('waiting_conversations: c4 and c5, highest priority first', async () => {
    const result = await compute('waiting_conversations');
    expect(result.value).toBe(2);
    expect(result.rows?.map((row) => row.priority)).toEqual([80, 20]);
  });

  it('engagement_per_post: (50 + 4) ÷ 2 posts with metrics; one without said', async () => {
    const result = await compute('engagement_per_post');
    expect(result).toMatchObject({ value: 27, count: 2 });
    expect(result.note).toContain('1 published post without metrics');
  });

  it('engagement_rate_followers: mean of 50 ÷ 1000 and 4 ÷ 200', async () => {
    const result = await compute('engagement_rate_followers');
    expect(result).toMatchObject({ value: 0.035, count: 2 });
    expect(result.breakdown).toEqual([
      { label: '@lumiere.test (bluesky)', value: 0.05, count: 1 },
      { label: '@lumiere (mastodon)', value: 0.02, count: 1 },
    ]);
  });

  it('follower_growth: net = end − start from the recorded days; an account without history said', async () => {
    // Start reads the day before the week (1 March: 950), the end its last day (8 March: 1000); the 9 March record is after.
    const result = await compute('follower_growth');
    expect(result).toMatchObject({ value: 50, count: 1 });
    expect(result.breakdown).toEqual([{ label: '@lumiere.test (bluesky)', value: 50, count: 1 }]);
    expect(result.rows).toEqual([
      { account: '@lumiere.test', network: 'bluesky', 'start day': '2026-03-01', 'followers at start': 950, 'end day': '2026-03-08', 'followers at end': 1000, 'net growth': 50, 'followers now': 1000 },
      { account: '@lumiere', network: 'mastodon', 'start day': null, 'followers at start': null, 'end day': '2026-03-08', 'followers at end': 200, 'net growth': null, 'followers now': 200 },
    ]);
    expect(result.note).toContain('Start: the count recorded on or before 2026-03-01; end: on or before 2026-03-08');
    expect(result.note).toContain('Not enough history for @lumiere (mastodon)');
    expect(result.note).toMatch(/New followers \(gross\) are not available/);
    // From Wednesday 4 March both have a start: @lumiere.test 950 (1 March, the nearest before) → 1000, @lumiere 190 → 200.
    const both = await compute('follower_growth', {}, { from: new Date('2026-03-04T00:00:00.000Z'), to: WEEK.to });
    expect(both).toMatchObject({ value: 60, count: 2 });
    expect(both.rows?.map((row) => row['start day'])).toEqual(['2026-03-01', '2026-03-03']);
    // The week before: no count recorded on or before 22 February at all.
    const before = await kpi('follower_growth').compute(use().kysely, ws, PREVIOUS_WEEK);
    expect(before).toMatchObject({ value: null, count: 0 });
    expect(before.note).toContain('Not enough history for @lumiere.test (bluesky), @lumiere (mastodon)');
  });

  it('top_posts: by engagement', async () => {
    const result = await compute('top_posts');
    expect(result.value).toBe(2);
    expect(result.rows?.map((row) => row.engagement)).toEqual([50, 4]);
  });

  it('publishing_punctuality: on time t1, t4; late t2; failed t3; cancelled out → 2 ÷ 4', async () => {
    const result = await compute('publishing_punctuality');
    expect(result).toMatchObject({ value: 0.5, count: 4 });
    // 25 minutes of tolerance makes t2 (20 minutes late) on time.
    expect((await compute('publishing_punctuality', { punctualityMinutes: 25 })).value).toBe(0.75);
  });

  it('top_people: seen in the week, not merged away, by engagement', async () => {
    const result = await compute('top_people');
    expect(result.value).toBe(2);
    expect(result.rows?.map((row) => row.person)).toEqual(['Ben', 'Ana']);
  });

  it('shares one scan between the KPIs of a report through the cache', async () => {
    const cache = new Map<string, Promise<unknown>>();
    await compute('mention_volume', { cache });
    await compute('potential_reach', { cache });
    expect([...cache.keys()].filter((key) => key.startsWith('mentionGroups'))).toHaveLength(1);
  });
});
