import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { createLogger } from '../../core/logger.js';
import { describeEachDatabase } from '../../db/testing.js';
import { storeMentions, storeQuery } from '../../listening/alerts/alerts.fixtures.js';
import { MONTH_MS } from './compute.js';
import { recomputeScores, scoreWorkspace } from './score-people.js';
import { storeActivities, storePerson, storeWorkspace, DAY } from './scores.fixtures.js';
import { scoreExplanations } from './scores.schemas.js';
import { scoreTasks } from './scores.tasks.js';
import { DEFAULT_SCORING } from './settings.js';

const AS_OF = new Date('2026-03-01T00:00:00.000Z');
const daysAgo = (days: number): string => new Date(AS_OF.getTime() - days * DAY).toISOString();
const monthsAgo = (months: number): string => new Date(AS_OF.getTime() - months * MONTH_MS).toISOString();

describeEachDatabase('community scores', (use) => {
  const ws = 'ws-scores';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = use().kysely;
    await storeWorkspace(db, ws, '2020-01-01T00:00:00.000Z');
    const alice = await storePerson(db, ws, 'alice', { followers: 1000 });
    const bob = await storePerson(db, ws, 'bob');
    const carol = await storePerson(db, ws, 'carol', { followers: 0 });
    const erin = await storePerson(db, ws, 'erin');
    const dave = await storePerson(db, ws, 'dave', { mergedInto: alice.personId });
    Object.assign(ids, {
      alice: alice.personId,
      bob: bob.personId,
      carol: carol.personId,
      erin: erin.personId,
      dave: dave.personId,
    });

    // Alice's two replies were mentions that listening saw; one matched a saved query about the brand.
    const brand = await storeQuery(db, ws, 'Lumière', 'brand', daysAgo(100));
    const [matched, unmatched] = await storeMentions(db, ws, [
      { createdAt: daysAgo(5), queries: [brand] },
      { createdAt: daysAgo(6) },
    ]);
    await storeActivities(db, ws, alice, [
      // Month 0: 2 replies (3 each) + 1 like (1) = 7, capped to 3.
      {
        type: 'reply',
        at: daysAgo(5),
        sentiment: 'positive',
        engagementReceived: 10,
        mentionId: matched ?? '',
      },
      {
        type: 'reply',
        at: daysAgo(6),
        sentiment: 'positive',
        engagementReceived: 20,
        mentionId: unmatched ?? '',
      },
      { type: 'like', at: daysAgo(7) },
      // Month 1 (40 days): a like = 1, × 0.9.
      { type: 'like', at: daysAgo(40) },
      // Month 2 (70 days): a repost = 2, × 0.81.
      { type: 'repost', at: daysAgo(70), sentiment: 'negative' },
      // At and after the scoring instant: not counted.
      { type: 'reply', at: AS_OF.toISOString() },
      { type: 'reply', at: daysAgo(-1) },
    ]);
    await storeActivities(db, ws, bob, [
      { type: 'reply', at: daysAgo(3), target: alice.identityId, sentiment: 'positive' },
      { type: 'reply', at: daysAgo(4), target: alice.identityId, offensive: true },
    ]);
    await storeActivities(db, ws, carol, [
      { type: 'mention', at: daysAgo(2), target: alice.identityId },
      { type: 'like', at: daysAgo(2), spam: true },
      // 25 months ago: a comment = 3 × 0.9^25.
      { type: 'comment', at: monthsAgo(25.5) },
    ]);
    // Erin: one reply in the middle of each of the last 12 months.
    await storeActivities(
      db,
      ws,
      erin,
      Array.from({ length: 12 }, (_, month) => ({
        type: 'reply' as const,
        at: monthsAgo(month + 0.5),
        sentiment: 'positive' as const,
      })),
    );
    // Dave was merged into Alice; an activity left on him is not scored.
    await storeActivities(db, ws, dave, [{ type: 'reply', at: daysAgo(1) }]);
  });

  it('scores engagement with monthly decay and cap, by hand', async () => {
    const scores = await scoreWorkspace(use().kysely, ws, { asOf: AS_OF });
    const alice = scores.get(ids.alice ?? '');
    // 3 + 0.9 × 1 + 0.81 × 2 = 5.52
    expect(alice?.engagement.value).toBeCloseTo(5.52, 10);
    expect(alice?.engagement.level).toBe('participating');
    expect(alice?.engagement.parts.map((part) => part.value)).toEqual([
      3,
      expect.closeTo(0.9, 10),
      expect.closeTo(1.62, 10),
    ]);
    expect(alice?.engagement.parts[0]?.label).toBe(
      'this month (from 2026-01-29): 2 replies, 1 like = 7, capped to 3 × 0.9^0',
    );
    expect(alice?.engagement.formula).toContain('min(Σ weights of the month');
    expect(alice?.engagement.reasons.join(' | ')).toContain(
      'the monthly cap of 3 applied in 1 of 3 active months',
    );

    const carol = scores.get(ids.carol ?? '');
    // Month 0: the mention (3; the spam like does not count); month 25: a comment, 3 × 0.9^25.
    expect(carol?.engagement.value).toBeCloseTo(3 + 3 * 0.9 ** 25, 10);
    expect(carol?.engagement.reasons.join(' | ')).toContain('1 spam activity not counted');

    // Erin: 3 × (1 + 0.9 + … + 0.9^11) = 3 × (1 − 0.9^12) / 0.1 ≈ 21.53: leading.
    const erin = scores.get(ids.erin ?? '');
    expect(erin?.engagement.value).toBeCloseTo((3 * (1 - 0.9 ** 12)) / 0.1, 10);
    expect(erin?.engagement.level).toBe('leading');
    expect(erin?.engagement.parts).toHaveLength(7); // 6 months listed, then the 6 earlier ones together
    expect(erin?.engagement.parts[6]?.label).toContain('6 earlier active months');

    // Bob: 2 replies in month 0 = 6, capped to 3.
    expect(scores.get(ids.bob ?? '')?.engagement.value).toBe(3);
    expect(scores.get(ids.bob ?? '')?.engagement.level).toBe('participating');
  });

  it('keeps plain Orbit as monthlyCap null, and reads levels as thresholds', async () => {
    const plain = await scoreWorkspace(use().kysely, ws, {
      asOf: AS_OF,
      settings: { ...DEFAULT_SCORING, monthlyCap: null },
    });
    // 2 × 3 + 1 + 0.9 × 1 + 0.81 × 2 = 9.52
    expect(plain.get(ids.alice ?? '')?.engagement.value).toBeCloseTo(9.52, 10);
    const levels = await scoreWorkspace(use().kysely, ws, {
      asOf: AS_OF,
      settings: { ...DEFAULT_SCORING, levels: { participating: 1, contributing: 5.5, leading: 100 } },
    });
    expect(levels.get(ids.alice ?? '')?.engagement.level).toBe('contributing');
    expect(levels.get(ids.erin ?? '')?.engagement.level).toBe('contributing');
    expect(levels.get(ids.alice ?? '')?.engagement.reasons.at(-1)).toContain(
      'level contributing: 5.52 ≥ 5.5',
    );
  });

  it('counts only activities strictly before asOf, and leaves merged-away people out', async () => {
    const scores = await scoreWorkspace(use().kysely, ws, { asOf: AS_OF });
    expect([...scores.keys()].sort()).toEqual([ids.alice, ids.bob, ids.carol, ids.erin].sort());
    // Ten days earlier, Alice's month-0 activities (5–7 days before AS_OF) do not exist yet; the like
    // 40 days before is then 30 days ago (month 0: 1), the repost 60 days ago (month 1: 2 × 0.9).
    const earlier = await scoreWorkspace(use().kysely, ws, { asOf: new Date(AS_OF.getTime() - 10 * DAY) });
    expect(earlier.get(ids.alice ?? '')?.engagement.value).toBeCloseTo(1 + 1.8, 10);
    expect(earlier.get(ids.bob ?? '')?.engagement.value).toBe(0);
    expect(earlier.get(ids.bob ?? '')?.engagement.level).toBe('exploring');
  });

  it('scores reach from followers, the interaction graph and engagement received', async () => {
    const scores = await scoreWorkspace(use().kysely, ws, { asOf: AS_OF });
    const alice = scores.get(ids.alice ?? '');
    // Followers 1000; Bob and Carol interacted with her (2 people, Bob twice); 10 + 20 received.
    expect(alice?.reach.value).toBeCloseTo(Math.log10(1001) + Math.log10(3) + Math.log10(31), 10);
    expect(alice?.reach.parts.map((part) => part.value)).toEqual([
      expect.closeTo(Math.log10(1001), 10),
      expect.closeTo(Math.log10(3), 10),
      expect.closeTo(Math.log10(31), 10),
    ]);
    expect(alice?.reach.reasons).toContain("2 people in the brand's interaction graph interacted with them");
    expect(scores.get(ids.bob ?? '')?.reach.value).toBe(0);
    expect(scores.get(ids.bob ?? '')?.reach.reasons[0]).toBe('follower count unknown');
  });

  it('ranks ambassadors with reasons, and excludes spam and offensiveness', async () => {
    const scores = await scoreWorkspace(use().kysely, ws, { asOf: AS_OF });
    const alice = scores.get(ids.alice ?? '');
    // 5.52 × (2 positive of 3) × (3 of the last 6 months active) / 6
    expect(alice?.ambassador.eligible).toBe(true);
    expect(alice?.ambassador.value).toBeCloseTo((5.52 * 2) / 3 / 2, 10);
    expect(alice?.ambassador.reasons).toEqual([
      'engagement 5.52 (participating)',
      '2 of 3 activities with a positive or negative sentiment were positive (67%)',
      'active 3 of the last 6 months',
    ]);
    const erin = scores.get(ids.erin ?? '');
    expect(erin?.ambassador.value).toBeCloseTo(erin?.engagement.value ?? Number.NaN, 10); // all positive, 6 of 6 months
    const bob = scores.get(ids.bob ?? '');
    expect(bob?.ambassador).toMatchObject({
      value: 0,
      eligible: false,
      reasons: ['not eligible: 1 of their activities was offensive'],
    });
    const carol = scores.get(ids.carol ?? '');
    expect(carol?.ambassador).toMatchObject({
      value: 0,
      eligible: false,
      reasons: ['not eligible: 1 of their activities was marked as spam'],
    });
  });

  it('scores influencers: reach × relevance to saved queries × engagement rate', async () => {
    const scores = await scoreWorkspace(use().kysely, ws, { asOf: AS_OF });
    const alice = scores.get(ids.alice ?? '');
    // Relevance: 1 of her 5 activities before AS_OF matched the brand query. Rate: 15 per post / 1000 followers.
    const reach = Math.log10(1001) + Math.log10(3) + Math.log10(31);
    expect(alice?.influencer.parts.map((part) => part.value)).toEqual([
      expect.closeTo(reach, 10),
      0.2,
      0.015,
    ]);
    expect(alice?.influencer.value).toBeCloseTo(reach * 0.2 * 0.015, 12);
    expect(alice?.influencer.reasons[1]).toBe(
      '1 of 5 activities matched a saved query about the brand, a product, a topic or a competitor (20%)',
    );
    // Carol: no follower count → no rate → 0.
    expect(scores.get(ids.carol ?? '')?.influencer.value).toBe(0);
    expect(scores.get(ids.carol ?? '')?.influencer.reasons[2]).toContain('engagement rate unknown');
  });

  it('stores the scores and their explanations on people, and the task rescores every workspace', async () => {
    const db = use().kysely;
    const clock = fixedClock(AS_OF);
    expect(await recomputeScores(db, clock, ws)).toEqual({ scored: 4 });
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    const alice = rows.find((row) => row.id === ids.alice);
    expect(alice).toMatchObject({ engagement_level: 'participating', scored_at: AS_OF.toISOString() });
    expect(alice?.engagement).toBeCloseTo(5.52, 10);
    expect(alice?.ambassador).toBeCloseTo(1.84, 10);
    const stored = scoreExplanations.parse(JSON.parse(alice?.scores ?? 'null'));
    expect(stored.asOf).toBe(AS_OF.toISOString());
    expect(stored.engagement.value).toBeCloseTo(5.52, 10);
    expect(stored.ambassador.reasons[2]).toBe('active 3 of the last 6 months');
    const dave = rows.find((row) => row.id === ids.dave);
    expect(dave).toMatchObject({ scored_at: null, scores: null, engagement: 0 });

    // A month later, the task rescores: everything has faded by 0.9 or more.
    clock.set(new Date(AS_OF.getTime() + 31 * DAY));
    const { tasks } = scoreTasks({ db, clock, logger: createLogger({ level: 'silent' }) });
    await tasks[0]?.perform(
      {},
      {
        jobId: 'j1',
        attempt: 1,
        logger: createLogger({ level: 'silent' }),
        signal: new AbortController().signal,
      },
    );
    const later = await db
      .selectFrom('people')
      .select(['id', 'engagement', 'scored_at'])
      .where('id', '=', ids.erin ?? '')
      .executeTakeFirstOrThrow();
    expect(later.scored_at).toBe(clock.now().toISOString());
    expect(later.engagement).toBeLessThan((3 * (1 - 0.9 ** 12)) / 0.1);
  });
});
