import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addMember,
  setUpOwner,
  startTestApp,
  type Browser,
  type TestApp,
} from '../../../test/http-harness.js';
import { buildItem, listeningDeps } from '../../../test/listening-fixtures.js';
import { describeEachDatabase } from '../../db/testing.js';
import { ingestItems } from '../ingest.service.js';
import { importSourceNamed } from '../sources.service.js';

interface CompetitorBody {
  competitor: { id: string; name: string; accounts: { network: string; handle: string }[] };
}

describeEachDatabase('trends and competitors over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let outsider: Browser;
  let workspaceId = '';
  const url = (path: string): string => `/api/v1/workspaces/${workspaceId}/listening${path}`;

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' }))
      .browser;
    const other = await owner.post('/api/v1/workspaces', {
      name: 'Other',
      timeZone: 'UTC',
      languages: ['en'],
    });
    expect(other.status).toBe(201);
    outsider = (
      await addMember(t.app, owner, (other.body as { id: string }).id, {
        email: 'outsider@brand.test',
        role: 'owner',
      })
    ).browser;
    expect(
      (
        await owner.patch(`/api/v1/workspaces/${workspaceId}`, {
          namedThings: { brand: ['Lumière'], competitors: ['Clairlune'] },
        })
      ).status,
    ).toBe(200);
    expect(
      (await owner.post(url('/queries'), { name: 'Brand', query: 'lumiere', tag: 'brand' })).status,
    ).toBe(201);
    const now = t.clock.now().getTime();
    const at = (hours: number): string => new Date(now - hours * 3_600_000).toISOString();
    const items = [
      ...[1, 2, 3, 4].map((n) =>
        buildItem(n, {
          id: `r${n}`,
          text: 'Lumière #Printemps arrive',
          createdAt: at(n),
          likes: n,
          reposts: 0,
          replies: 0,
        }),
      ),
      buildItem(5, { id: 'b1', text: 'Lumière hiver', createdAt: at(48) }),
      buildItem(6, {
        id: 'c1',
        text: 'Clairlune promo',
        createdAt: at(5),
        network: 'bluesky',
        author: 'clairlune.test',
        likes: 7,
        reposts: 1,
        replies: 0,
        followers: 10,
      }),
    ];
    const source = await importSourceNamed(use().kysely, t.clock, workspaceId, 'Archive');
    await ingestItems(listeningDeps(use(), t.clock), workspaceId, source.id, items);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers trends with the formula, counts and samples; clear 400s; members only', async () => {
    const reply = await viewer.get(url('/trends?recentHours=24&baselineHours=168'));
    expect(reply.status).toBe(200);
    const body = reply.body as {
      formula: string;
      recent: { mentions: number };
      terms: { term: string; recent: number; baseline: number; score: number; samples: { text: string }[] }[];
    };
    expect(body.formula).toMatch(/^score = /);
    expect(body.recent.mentions).toBe(5);
    expect(body.terms.find((term) => term.term === '#printemps')).toMatchObject({
      recent: 4,
      baseline: 0,
      score: 4,
    });
    expect(body.terms.find((term) => term.term === '#printemps')?.samples).toHaveLength(3);
    expect(await viewer.get(url('/trends?recentHours=0'))).toMatchObject({ status: 400 });
    expect(await viewer.get(url('/trends?until=yesterday'))).toMatchObject({ status: 400 });
    const unknown = await viewer.get(url('/trends?query=nope'));
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', fields: [{ path: 'query' }] } },
    });
    expect((await viewer.get(url('/trends?query=Brand'))).status).toBe(200);
    expect((await outsider.get(url('/trends'))).status).toBe(404);
  });

  it('manages competitors (managers write, viewers read) and reports on them', async () => {
    const listed = await viewer.get(url('/competitors'));
    expect(listed).toMatchObject({
      status: 200,
      body: { competitors: [], suggestions: [{ name: 'Clairlune', query: '"Clairlune"' }] },
    });
    expect((await viewer.post(url('/competitors'), { name: 'Clairlune', accounts: [] })).status).toBe(403);
    expect((await owner.post(url('/competitors'), { name: '', accounts: [] })).status).toBe(400);
    expect((await owner.post(url('/competitors'), { name: 'X', query: 'a AND (' })).status).toBe(400);
    const added = await owner.post(url('/competitors'), {
      name: 'Clairlune',
      accounts: [{ network: 'bluesky', handle: '@Clairlune.test' }],
      query: 'clairlune',
    });
    expect(added.status).toBe(201);
    const { competitor } = added.body as CompetitorBody;
    expect(competitor.accounts).toEqual([{ network: 'bluesky', handle: 'clairlune.test' }]);
    expect((await owner.post(url('/competitors'), { name: 'Clairlune' })).status).toBe(409);

    const report = await viewer.get(url(`/competitors/${competitor.id}/report`));
    expect(report).toMatchObject({
      status: 200,
      body: { posts: 1, engagement: { total: 8, perPost: 8 }, topPosts: [{ text: 'Clairlune promo' }] },
    });
    expect(
      (
        await viewer.get(
          url(`/competitors/${competitor.id}/report?since=2026-03-29T00:00:00Z&until=2026-03-28T00:00:00Z`),
        )
      ).status,
    ).toBe(400);

    const patched = await owner.patch(url(`/competitors/${competitor.id}`), { name: 'Clairlune SA' });
    expect(patched).toMatchObject({
      status: 200,
      body: { competitor: { name: 'Clairlune SA', query: 'clairlune' } },
    });
    expect((await outsider.get(url(`/competitors/${competitor.id}`))).status).toBe(404);

    const sov = await viewer.get(url('/share-of-voice?weight=engagement'));
    expect(sov).toMatchObject({
      status: 200,
      body: {
        weight: 'engagement',
        formula: 'share = engagement(entity) ÷ (engagement(brand) + Σ engagement(competitors))',
        entities: [
          { kind: 'brand', name: 'Lumière', mentions: 5 },
          { kind: 'competitor', name: 'Clairlune SA', mentions: 1, engagement: 8, reach: 10 },
        ],
      },
    });
    expect((await viewer.get(url('/share-of-voice?weight=likes'))).status).toBe(400);

    expect((await viewer.delete(url(`/competitors/${competitor.id}`))).status).toBe(403);
    expect((await owner.delete(url(`/competitors/${competitor.id}`))).status).toBe(204);
    expect((await owner.delete(url(`/competitors/${competitor.id}`))).status).toBe(404);
  });
});
