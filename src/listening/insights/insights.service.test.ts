import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { buildItem, listeningDeps, seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase, type TestDatabase } from '../../db/testing.js';
import type { IncomingItem } from '../items.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { ingestItems } from '../ingest.service.js';
import { saveQuery } from '../queries.service.js';
import { addSource } from '../sources.service.js';
import { competitorReport } from './competitor-report.service.js';
import { addCompetitor, listCompetitors, removeCompetitor, updateCompetitor } from './competitors.service.js';
import { shareOfVoice } from './share-of-voice.service.js';
import { trendsFor } from './trends.service.js';

const secrets = createSecretBox(randomBytes(32));
const HOUR = 3_600_000;
// The test clock's now: 2026-03-28T09:00Z. Recent window: the 24 h before; baseline: the 168 h before that.
const NOW = Date.parse('2026-03-28T09:00:00.000Z');
const hoursAgo = (hours: number): string => new Date(NOW - hours * HOUR).toISOString();
const post = (id: string, text: string, createdAt: string, extra: Partial<IncomingItem> = {}): IncomingItem =>
  buildItem(0, { id, text, createdAt, likes: 0, reposts: 0, replies: 0, followers: 0, ...extra });

async function ingest(
  db: TestDatabase,
  clock: ReturnType<typeof testClock>,
  access: WorkspaceAccess,
  items: IncomingItem[],
): Promise<void> {
  const source = (
    await addSource({ db: db.kysely, clock, secrets }, access, {
      kind: 'import',
      name: `Archive ${Math.random()}`,
    })
  ).source.id;
  const result = await ingestItems(listeningDeps(db, clock), access.workspaceId, source, items);
  expect(result.rejected).toEqual([]);
}

describeEachDatabase('trends', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock, 'Trends brand');
    await saveQuery(use().kysely, clock, access, { name: 'Soldes', query: 'soldes', tag: 'topic' });
    const items: IncomingItem[] = [];
    for (let i = 0; i < 6; i++) {
      items.push(post(`r-soldes-${i}`, 'Soldes monstres #BlackFriday', hoursAgo(1 + i), { likes: i }));
    }
    for (let i = 0; i < 3; i++) {
      items.push(post(`r-lampe-${i}`, 'Nouvelle lampe', hoursAgo(2 + i)));
    }
    items.push(
      post('r-douce-0', 'Douce lumière', hoursAgo(3)),
      post('r-douce-1', 'Douce lumière', hoursAgo(4)),
    );
    for (let i = 0; i < 7; i++) {
      items.push(post(`b-soldes-${i}`, 'Les soldes', hoursAgo(30 + i * 10)));
    }
    for (let i = 0; i < 21; i++) {
      items.push(post(`b-lampe-${i}`, 'Nouvelle lampe', hoursAgo(25 + i * 5)));
    }
    // Older than the baseline: never read.
    items.push(post('old-0', 'Soldes soldes', hoursAgo(24 + 168 + 1)));
    await ingest(use(), clock, access, items);
  });

  it('scores rising terms by the stated formula, against the baseline per hour', async () => {
    const report = await trendsFor(use().kysely, clock, access, {});
    expect(report.recent).toMatchObject({
      since: hoursAgo(24),
      until: hoursAgo(0),
      hours: 24,
      mentions: 11,
      sampledOneIn: 1,
    });
    expect(report.baseline).toMatchObject({
      since: hoursAgo(192),
      until: hoursAgo(24),
      hours: 168,
      mentions: 28,
      sampledOneIn: 1,
    });
    expect(report.formula).toContain('score = (recent − expected) / √(expected + 1)');
    const rows = report.terms.map(({ term, kind, recent, baseline, expected, score, ratio }) => ({
      term,
      kind,
      recent,
      baseline,
      expected,
      score,
      ratio,
    }));
    // New terms: expected 0, score (6 − 0)/√1 = 6, ratio 7/1. "soldes": expected 7 × 24/168 = 1,
    // score (6 − 1)/√2 = 3.536, ratio 7/2. "lampe" (3 now, 21 × 24/168 = 3 expected) is not rising;
    // "douce" (2) is under minCount 3; "les" is a stop word.
    expect(rows).toEqual([
      { term: '#blackfriday', kind: 'hashtag', recent: 6, baseline: 0, expected: 0, score: 6, ratio: 7 },
      { term: 'monstres', kind: 'word', recent: 6, baseline: 0, expected: 0, score: 6, ratio: 7 },
      { term: 'soldes monstres', kind: 'bigram', recent: 6, baseline: 0, expected: 0, score: 6, ratio: 7 },
      { term: 'soldes', kind: 'word', recent: 6, baseline: 7, expected: 1, score: 3.536, ratio: 3.5 },
    ]);
    // Samples: the three most engaged posts holding the term.
    expect(report.terms[3]?.samples.map((sample) => [sample.text, sample.likes])).toEqual([
      ['Soldes monstres #BlackFriday', 5],
      ['Soldes monstres #BlackFriday', 4],
      ['Soldes monstres #BlackFriday', 3],
    ]);
  });

  it('narrows to one saved query, a lower minimum, a limit; refuses an unknown query', async () => {
    const narrowed = await trendsFor(use().kysely, clock, access, { query: 'Soldes' });
    expect(narrowed.query?.name).toBe('Soldes');
    expect(narrowed.recent.mentions).toBe(6);
    expect(narrowed.baseline.mentions).toBe(7);
    expect(narrowed.terms.map((term) => term.term)).toEqual([
      '#blackfriday',
      'monstres',
      'soldes monstres',
      'soldes',
    ]);

    const loose = await trendsFor(use().kysely, clock, access, { minCount: 2, limit: 5, bigrams: false });
    // "douce": (2 − 0)/√1 = 2; "lumiere" likewise; bigrams left out.
    expect(loose.terms.map((term) => [term.term, term.score])).toEqual([
      ['#blackfriday', 6],
      ['monstres', 6],
      ['soldes', 3.536],
      ['douce', 2],
      ['lumiere', 2],
    ]);
    // Past a cap, one mention in k is read (by sequence number) and its counts multiplied by k.
    const sampled = await trendsFor(use().kysely, clock, access, {
      caps: { recent: 3, baseline: 10 },
      minCount: 1,
      limit: 100,
    });
    expect([sampled.recent.sampledOneIn, sampled.baseline.sampledOneIn]).toEqual([4, 3]);
    expect(sampled.terms.length).toBeGreaterThan(0);
    for (const term of sampled.terms) {
      expect(term.recent % 4).toBe(0);
      expect(term.baseline % 3).toBe(0);
    }
    await expect(trendsFor(use().kysely, clock, access, { query: 'nope' })).rejects.toThrow(
      /query: No saved query "nope"/,
    );
    await expect(trendsFor(use().kysely, clock, access, { recentHours: 0 })).rejects.toThrow(
      /recentHours: must be a whole number/,
    );
  });
});

describeEachDatabase('competitors and share of voice', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock, 'Voice brand');
    const db = use().kysely;
    await saveQuery(db, clock, access, { name: 'Brand', query: 'lumiere', tag: 'brand' });
    await saveQuery(db, clock, access, { name: 'Zorvalta talk', query: 'zorvalta', tag: 'competitor' });
    await ingest(use(), clock, access, [
      post('l1', 'Lumière lamp', hoursAgo(10), { likes: 1, followers: 100 }),
      post('l2', 'Lumière lamp again', hoursAgo(20), { likes: 2, followers: 100 }),
      post('l3', 'Lumière is nice', hoursAgo(30), { likes: 3, followers: 100 }),
      post('both', 'Lumière vs Zorvalta', hoursAgo(40)),
      post('z1', 'Zorvalta shop', hoursAgo(50), { likes: 10, followers: 1000 }),
      post('c1', 'Clairlune light', hoursAgo(60), { replies: 2, followers: 50 }),
      post('c2', 'Clairlune again', hoursAgo(70), { replies: 2, followers: 50 }),
      post('old', 'Lumière long ago', hoursAgo(24 * 40), { likes: 99 }),
      // Zorvalta's own posts: Europe/Paris is UTC+1 until 29 March 2026.
      post('zp-a', 'New catalogue', '2026-03-23T10:30:00Z', {
        network: 'bluesky',
        author: 'Zorvalta.bsky.social',
        likes: 5,
      }),
      post('zp-b', 'Spring sale', '2026-03-16T08:00:00Z', {
        network: 'bluesky',
        author: 'zorvalta.bsky.social',
        likes: 1,
      }),
      post('zp-c', 'Late post', '2026-03-25T22:30:00Z', {
        network: 'bluesky',
        author: 'zorvalta.bsky.social',
        likes: 12,
      }),
      post('zp-d', 'Same handle elsewhere', '2026-03-24T10:00:00Z', {
        network: 'mastodon',
        author: 'zorvalta.bsky.social',
        likes: 100,
      }),
    ]);
  });

  it('suggests named competitors, adds, edits and removes them', async () => {
    const db = use().kysely;
    expect((await listCompetitors(db, access)).suggestions).toEqual([
      { name: 'Zorvalta', query: '"Zorvalta"', queryId: null },
    ]);
    const queryId = (
      await db
        .selectFrom('saved_queries')
        .select('id')
        .where('name', '=', 'Zorvalta talk')
        .executeTakeFirstOrThrow()
    ).id;
    const zorvalta = await addCompetitor(db, clock, access, {
      name: 'Zorvalta',
      accounts: [{ network: 'Bluesky', handle: '@Zorvalta.bsky.social' }],
      queryId,
    });
    expect(zorvalta.accounts).toEqual([{ network: 'bluesky', handle: 'zorvalta.bsky.social' }]);
    const clairlune = await addCompetitor(db, clock, access, {
      name: 'Clairlune',
      accounts: [],
      query: 'clairlune',
    });
    expect((await listCompetitors(db, access)).suggestions).toEqual([]);
    await expect(addCompetitor(db, clock, access, { name: 'Zorvalta', accounts: [] })).rejects.toThrow(
      /already exists/,
    );
    await expect(
      addCompetitor(db, clock, access, { name: 'X', accounts: [], queryId, query: 'x' }),
    ).rejects.toThrow(/not both/);
    await expect(
      addCompetitor(db, clock, access, { name: 'X', accounts: [], query: 'a AND (' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      addCompetitor(db, clock, access, { name: 'X', accounts: [], queryId: 'missing' }),
    ).rejects.toThrow(/queryId/);
    const temporary = await addCompetitor(db, clock, access, { name: 'Temp', accounts: [] });
    const renamed = await updateCompetitor(db, clock, access, temporary.id, {
      name: 'Temp 2',
      query: 'temp',
    });
    expect(renamed).toMatchObject({ name: 'Temp 2', query: 'temp', queryId: null });
    await removeCompetitor(db, clock, access, temporary.id);
    await expect(removeCompetitor(db, clock, access, temporary.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listCompetitors(db, access)).competitors.map((c) => c.name)).toEqual([
      'Clairlune',
      'Zorvalta',
    ]);
    expect(clairlune.query).toBe('clairlune');
  });

  it('shares voice by mentions, engagement and reach, with the counts and the formula', async () => {
    const db = use().kysely;
    const shares = async (weight: 'mentions' | 'engagement' | 'reach') =>
      (await shareOfVoice(db, clock, access, { weight })).entities.map((e) => [e.name, e.value, e.share]);
    // Brand: l1, l2, l3, both (4); Zorvalta: both, z1 (2); Clairlune (query text): c1, c2 (2).
    expect(await shares('mentions')).toEqual([
      ['Lumière', 4, 0.5],
      ['Clairlune', 2, 0.25],
      ['Zorvalta', 2, 0.25],
    ]);
    // Engagement 1+2+3+0 = 6, 0+10 = 10, 2+2 = 4 of 20.
    expect(await shares('engagement')).toEqual([
      ['Lumière', 6, 0.3],
      ['Clairlune', 4, 0.2],
      ['Zorvalta', 10, 0.5],
    ]);
    // Reach 300, 1000, 100 of 1400.
    expect(await shares('reach')).toEqual([
      ['Lumière', 300, 0.2143],
      ['Clairlune', 100, 0.0714],
      ['Zorvalta', 1000, 0.7143],
    ]);
    const full = await shareOfVoice(db, clock, access, { weight: 'reach' });
    expect(full.formula).toBe('share = reach(entity) ÷ (reach(brand) + Σ reach(competitors))');
    expect(full.total).toBe(1400);
    expect(full.entities[0]).toMatchObject({
      kind: 'brand',
      mentions: 4,
      engagement: 6,
      reach: 300,
      basis: 'saved queries tagged brand: Brand',
    });
    // The period bounds what counts: 40 days back brings the old post in.
    const longer = await shareOfVoice(db, clock, access, { since: hoursAgo(24 * 41) });
    expect(longer.entities[0]?.mentions).toBe(5);
    await expect(shareOfVoice(db, clock, access, { since: hoursAgo(1), until: hoursAgo(2) })).rejects.toThrow(
      /since: must be before until/,
    );
  });

  it("reports a competitor's own posts: rhythm in local time, engagement, top posts", async () => {
    const db = use().kysely;
    const zorvalta = (await listCompetitors(db, access)).competitors.find((c) => c.name === 'Zorvalta')!;
    const report = await competitorReport(db, clock, access, zorvalta.id, {});
    expect(report.posts).toBe(3);
    expect(report.engagement).toMatchObject({ total: 18, perPost: 6, median: 5 });
    expect(report.topPosts.map((p) => p.text)).toEqual(['Late post', 'New catalogue', 'Spring sale']);
    expect(report.rhythm.timeZone).toBe('Europe/Paris');
    expect(report.rhythm.byWeekdayHour[0]?.[11]).toBe(1); // Monday 11:30 Paris
    expect(report.rhythm.byWeekdayHour[0]?.[9]).toBe(1); // Monday 09:00 Paris
    expect(report.rhythm.byWeekdayHour[2]?.[23]).toBe(1); // Wednesday 23:30 Paris
    expect(report.rhythm.byWeekday).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(report.rhythm.byWeek).toEqual([
      { weekStart: '2026-02-23', posts: 0, engagement: 0 },
      { weekStart: '2026-03-02', posts: 0, engagement: 0 },
      { weekStart: '2026-03-09', posts: 0, engagement: 0 },
      { weekStart: '2026-03-16', posts: 1, engagement: 1 },
      { weekStart: '2026-03-23', posts: 2, engagement: 17 },
    ]);
  });
});
