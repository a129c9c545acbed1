import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { createLogger } from '../../core/logger.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase } from '../../db/testing.js';
import { backtest } from './alerts.backtest.js';
import type { AlertingDeps } from './alerts.deps.js';
import { evaluateAlertRules, evaluateRule } from './alerts.evaluate.js';
import type { Explanation } from './alerts.explanation.js';
import { hourOf, storeMentions, storeQuery, storeRule } from './alerts.fixtures.js';
import { alertsRepo } from './alerts.repo.js';
import { specOf, type RuleInputRaw } from './alerts.rules.js';

const WEEK = 7 * 24 * 3_600_000;
const weeksBefore = (iso: string, weeks: number): string =>
  new Date(Date.parse(iso) - weeks * WEEK).toISOString();
const WINDOW = '2026-03-30T10:00:00.000Z';
const SPIKE: RuleInputRaw = {
  kind: 'volume_spike',
  name: 'Spike',
  params: { baselineWeeks: 4, minBaselineWeeks: 2, minVolume: 10, cooldownMinutes: 180 },
  channels: { email: ['pr@brand.test'] },
};

describeEachDatabase('alert evaluation', (use) => {
  const clock = testClock();
  let deps: AlertingDeps;
  let dispatched: string[];
  let workspaceId = '';
  const dispatch = (id: string): Promise<void> => {
    dispatched.push(id);
    return Promise.resolve();
  };
  const alertsOf = (ruleId: string) =>
    use().kysely.selectFrom('alerts').selectAll().where('rule_id', '=', ruleId).orderBy('fired_at').execute();

  beforeAll(async () => {
    clock.set(new Date('2026-03-30T11:15:00.000Z'));
    dispatched = [];
    deps = {
      db: use().kysely,
      clock,
      logger: createLogger({ level: 'silent' }),
      secrets: createSecretBox(randomBytes(32)),
      mailer: null,
      fetch,
    };
    workspaceId = (await seedWorkspace(use(), clock)).workspaceId;
    // Monday 10:00–11:00: 4, 6, 5, 5 mentions in the four previous weeks, 12 now (z = 8.57).
    await storeMentions(use().kysely, workspaceId, [
      ...[4, 6, 5, 5].flatMap((count, index) => hourOf(weeksBefore(WINDOW, index + 1), count)),
      ...hourOf(WINDOW, 12, { followers: 5_000 }),
    ]);
  });

  it('fires a volume spike once for a closed window, with its explanation and pending deliveries', async () => {
    const rule = await storeRule(use().kysely, workspaceId, SPIKE, '2026-03-01T00:00:00.000Z');
    expect(await evaluateRule(deps, rule, dispatch)).toBe(1);
    const [alert, ...more] = await alertsOf(rule.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      fire_key: 'window:2026-03-30T11:00:00.000Z',
      window_start: WINDOW,
      kind: 'volume_spike',
      read_at: null,
    });
    const explanation = JSON.parse(alert!.explanation) as Explanation;
    expect(explanation).toMatchObject({
      kind: 'volume_spike',
      observed: 12,
      mean: 5,
      weeksUsed: 4,
      outcome: 'fired',
    });
    if (explanation.kind !== 'volume_spike') {
      throw new Error('not a spike');
    }
    expect(explanation.z).toBeCloseTo(8.573, 3);
    expect(explanation.samples).toHaveLength(3);
    expect(explanation.samples[0]?.followers).toBe(5_000);
    const deliveries = await alertsRepo(use().kysely).deliveriesOf([alert!.id]);
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([['email', 'pending']]);
    expect(dispatched).toEqual([deliveries[0]!.id]);
    expect((await alertsRepo(use().kysely).findRule(workspaceId, rule.id))?.checked_until).toBe(
      '2026-03-30T11:00:00.000Z',
    );
  });

  it('is exactly-once: evaluating again, forgetting where it stopped, or racing itself fires nothing more', async () => {
    const rule = await storeRule(
      use().kysely,
      workspaceId,
      { ...SPIKE, name: 'Spike twice' },
      '2026-03-01T00:00:00.000Z',
    );
    const results = await Promise.all([
      evaluateRule(deps, rule, dispatch),
      evaluateRule(deps, rule, dispatch),
    ]);
    expect(results.sort()).toEqual([0, 1]);
    const fresh = (await alertsRepo(use().kysely).findRule(workspaceId, rule.id))!;
    expect(await evaluateRule(deps, fresh, dispatch)).toBe(0);
    expect(await evaluateRule(deps, { ...fresh, checked_until: null, last_fired_at: null }, dispatch)).toBe(
      0,
    );
    expect(await alertsOf(rule.id)).toHaveLength(1);
  });

  it('respects the cooldown, then fires again once it is over', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'Cooldown brand')).workspaceId;
    // History starts five weeks back, without mentions at these hours: each busy hour is z = 12.
    await storeMentions(db, own, [
      { createdAt: '2026-02-20T00:00:00.000Z' },
      ...hourOf(WINDOW, 12),
      ...hourOf('2026-03-30T11:00:00.000Z', 12),
      ...hourOf('2026-03-30T13:00:00.000Z', 12),
    ]);
    clock.set(new Date('2026-03-30T11:15:00.000Z'));
    const rule = await storeRule(db, own, SPIKE, '2026-03-01T00:00:00.000Z');
    const repo = alertsRepo(db);
    expect(await evaluateRule(deps, rule, dispatch)).toBe(1);
    clock.set(new Date('2026-03-30T12:15:00.000Z'));
    // 11:00–12:00 is a spike too, but 60 minutes after the last one (cooldown 180).
    expect(await evaluateRule(deps, (await repo.findRule(own, rule.id))!, dispatch)).toBe(0);
    clock.set(new Date('2026-03-30T14:15:00.000Z'));
    // 13:00–14:00 ends 180 minutes after 11:00: out of the cooldown.
    expect(await evaluateRule(deps, (await repo.findRule(own, rule.id))!, dispatch)).toBe(1);
    expect((await alertsOf(rule.id)).map((a) => a.window_end)).toEqual([
      '2026-03-30T11:00:00.000Z',
      '2026-03-30T14:00:00.000Z',
    ]);
    clock.set(new Date('2026-03-30T11:15:00.000Z'));
  });

  it('does not fire without enough history, and the backtest says why', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'New brand')).workspaceId;
    await storeMentions(db, own, [...hourOf(weeksBefore(WINDOW, 1), 3), ...hourOf(WINDOW, 40)]);
    const rule = await storeRule(db, own, SPIKE, '2026-03-01T00:00:00.000Z');
    expect(await evaluateRule(deps, rule, dispatch)).toBe(0);
    const result = await backtest(db, own, specOf(rule), { now: clock.now(), days: 14 });
    expect(result.fired).toBe(0);
    expect(result.outcomes.too_little_history).toBe(14 * 24);
  });

  it('backtests a saved rule from hourly counts: when it would have fired and why', async () => {
    const rule = await storeRule(
      use().kysely,
      workspaceId,
      { ...SPIKE, name: 'Spike backtest' },
      '2026-03-29T00:00:00.000Z',
    );
    const result = await backtest(use().kysely, workspaceId, specOf(rule), { now: clock.now(), days: 60 });
    expect(result.windows).toBe(60 * 24);
    expect(result.fired).toBe(1);
    expect(result.firings.map((f) => f.at)).toEqual(['2026-03-30T11:00:00.000Z']);
    expect(result.firings[0]?.explanation).toMatchObject({ observed: 12, mean: 5 });
    // The weeks before the first mention (2026-03-02) have no baseline at all.
    expect(result.outcomes.too_little_history).toBeGreaterThan(0);
    expect(
      (result.outcomes.below_min_volume ?? 0) +
        (result.outcomes.below_threshold ?? 0) +
        (result.outcomes.too_little_history ?? 0) +
        1,
    ).toBe(result.windows);
  });

  it('backtests a negative surge against the pooled baseline share', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'Crisis brand')).workspaceId;
    await storeMentions(db, own, [
      ...[2, 3, 2, 3].flatMap((negatives, index) =>
        hourOf(weeksBefore(WINDOW, index + 1), 25, {}, negatives),
      ),
      ...hourOf(WINDOW, 30, {}, 12),
    ]);
    const spec = specOf({
      kind: 'negative_surge',
      query_id: null,
      params: JSON.stringify({ windowHours: 1, baselineWeeks: 4, minBaselineWeeks: 2 }),
    });
    const result = await backtest(db, own, spec, { now: clock.now(), days: 7 });
    expect(result.fired).toBe(1);
    expect(result.firings[0]?.explanation).toMatchObject({
      kind: 'negative_surge',
      negative: 12,
      observed: 30,
      baselineNegative: 10,
      baselineTotal: 100,
    });
  });

  it('fires on high-reach mentions stored since the last look, once each, and ignores old imports live', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'Reach brand')).workspaceId;
    const query = await storeQuery(db, own, 'Lamps', 'brand', '2026-03-01T00:00:00.000Z');
    const rule = await storeRule(
      db,
      own,
      { kind: 'high_reach', name: 'Big voices', queryId: query, params: { minFollowers: 10_000 } },
      '2026-03-30T11:00:00.000Z',
    );
    const now = clock.now().toISOString();
    await storeMentions(db, own, [
      {
        createdAt: '2026-03-30T11:05:00.000Z',
        ingestedAt: now,
        followers: 50_000,
        author: 'star.example',
        queries: [query],
      },
      { createdAt: '2026-03-30T11:06:00.000Z', ingestedAt: now, followers: 50_000 }, // not matched by the query
      { createdAt: '2026-03-30T11:07:00.000Z', ingestedAt: now, followers: 900, queries: [query] },
      { createdAt: '2026-03-26T08:00:00.000Z', ingestedAt: now, followers: 80_000, queries: [query] }, // an old post imported now
    ]);
    expect(await evaluateRule(deps, rule, dispatch)).toBe(1);
    expect(await evaluateRule(deps, (await alertsRepo(db).findRule(own, rule.id))!, dispatch)).toBe(0);
    const [alert] = await alertsOf(rule.id);
    expect(JSON.parse(alert!.explanation)).toMatchObject({
      kind: 'high_reach',
      followers: 50_000,
      threshold: 10_000,
      mention: { author: 'star.example' },
    });
    const result = await backtest(db, own, specOf(rule), { now: clock.now(), days: 7 });
    expect(result.firings.map((f) => f.at)).toEqual(['2026-03-26T08:00:00.000Z', '2026-03-30T11:05:00.000Z']);
  });

  it('finds opportunities: questions on topic or brand queries, complaints on competitor queries', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'Opportunity brand')).workspaceId;
    const topic = await storeQuery(db, own, 'Reading lights', 'topic', '2026-03-01T00:00:00.000Z');
    const rival = await storeQuery(db, own, 'Zorvalta', 'competitor', '2026-03-01T00:00:00.000Z');
    const brand = await storeQuery(db, own, 'Lumiere', 'brand', '2026-03-01T00:00:00.000Z');
    await storeRule(db, own, { kind: 'opportunity', name: 'Openings' }, '2026-03-30T11:00:00.000Z');
    const now = clock.now().toISOString();
    const [question, complaint] = await storeMentions(db, own, [
      {
        createdAt: '2026-03-30T11:01:00.000Z',
        ingestedAt: now,
        intents: ['question'],
        queries: [topic, brand],
      },
      { createdAt: '2026-03-30T11:02:00.000Z', ingestedAt: now, intents: ['complaint'], queries: [rival] },
      { createdAt: '2026-03-30T11:03:00.000Z', ingestedAt: now, intents: ['complaint'], queries: [brand] },
      { createdAt: '2026-03-30T11:04:00.000Z', ingestedAt: now, intents: ['praise'], queries: [topic] },
    ]);
    const report = await evaluateAlertRules(deps, dispatch);
    expect(report.failed).toBe(0);
    const fired = await db
      .selectFrom('alerts')
      .selectAll()
      .where('workspace_id', '=', own)
      .orderBy('mention_id')
      .execute();
    expect(fired.map((a) => a.mention_id).sort()).toEqual([question, complaint].sort());
    const explanations = fired.map((a) => JSON.parse(a.explanation) as Explanation);
    expect(
      explanations.map((e) => (e.kind === 'opportunity' ? `${e.intent}:${e.query.name}` : e.kind)).sort(),
    ).toEqual(['complaint:Zorvalta', 'question:Lumiere']);
  });

  it('backtests a year of hourly windows over many mentions in one aggregate query', async () => {
    const db = use().kysely;
    const own = (await seedWorkspace(use(), clock, 'Busy brand')).workspaceId;
    const start = Date.parse('2025-03-30T00:00:00.000Z');
    // 20,000 mentions over a year, one every ~26 minutes.
    await storeMentions(
      db,
      own,
      Array.from({ length: 20_000 }, (_, n) => ({
        createdAt: new Date(start + n * 1_576_800).toISOString(),
      })),
    );
    const spec = specOf({ kind: 'volume_spike', query_id: null, params: '{}' });
    const began = performance.now();
    const result = await backtest(db, own, spec, { now: clock.now(), days: 365 });
    const elapsed = performance.now() - began;
    expect(result.windows).toBe(365 * 24);
    expect(result.fired).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
  });
});
