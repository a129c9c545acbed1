import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../../test/http-harness.js';
import { buildItem } from '../../../test/listening-fixtures.js';
import { signatureFor } from '../../connectors/webhook/signature.js';
import { describeEachDatabase } from '../../db/testing.js';

interface Stats {
  interval: string;
  timeZone: string;
  total: number;
  buckets: { start: string; total: number }[];
  authors: { handle: string; count: number }[];
  terms: { term: string; count: number }[];
}

describeEachDatabase('mention statistics and filters over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId = '';
  let queryId = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' })).browser;
    queryId = ((await owner.post(`/api/v1/workspaces/${workspaceId}/listening/queries`, { name: 'Broken', query: 'broken', tag: 'topic' })).body as { id: string }).id;
    const added = (await owner.post(`/api/v1/workspaces/${workspaceId}/listening/sources`, { kind: 'webhook', name: 'Reviews' })).body as { source: { id: string }; secret: string };
    // Three mentions on 1 March (UTC), one broken; one on 2 March.
    const items = [0, 1, 2].map((n) => buildItem(n, { createdAt: `2026-03-01T1${n}:00:00Z` }));
    items.push(buildItem(3, { createdAt: '2026-03-02T10:00:00Z', text: 'My lamp arrived broken, again' }));
    const body = JSON.stringify({ items });
    const timestamp = String(Math.floor(t.clock.now().getTime() / 1000));
    const pushed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/ingest`,
      headers: { 'content-type': 'application/json', 'x-hearth-source': added.source.id, 'x-hearth-timestamp': timestamp, 'x-hearth-signature': signatureFor(added.secret, timestamp, body) },
      payload: body,
    });
    expect(JSON.parse(pushed.body)).toMatchObject({ stored: 4 });
  });
  afterAll(async () => {
    await t.close();
  });

  const base = () => `/api/v1/workspaces/${workspaceId}`;
  const range = 'since=2026-03-01T00:00:00Z&until=2026-03-03T00:00:00Z';

  it('answers counts per day in the workspace’s zone (or the one asked), top authors and terms, to every member', async () => {
    const response = await viewer.get(`${base()}/mentions/stats?${range}&timeZone=UTC`);
    expect(response.status).toBe(200);
    const stats = response.body as Stats;
    expect(stats).toMatchObject({ interval: 'day', timeZone: 'UTC', total: 4 });
    expect(stats.buckets.map((b) => [b.start, b.total])).toEqual([['2026-03-01', 3], ['2026-03-02', 1]]);
    expect(stats.authors.reduce((sum, a) => sum + a.count, 0)).toBe(4);
    expect(stats.terms.find((term) => term.term === 'broken')?.count).toBe(2);

    const hours = (await viewer.get(`${base()}/mentions/stats?since=2026-03-01T10:00:00Z&until=2026-03-01T13:00:00Z&interval=hour`)).body as Stats;
    expect(hours.buckets.map((b) => b.total)).toEqual([1, 1, 1]);
  });

  it('applies the stream’s filters: a saved query (why from its match), an intent, a query with its syntax error', async () => {
    const stats = (await viewer.get(`${base()}/mentions/stats?${range}&timeZone=UTC&queryId=${queryId}`)).body as Stats;
    expect(stats.buckets.map((b) => b.total)).toEqual([1, 1]);
    const page = (await viewer.get(`${base()}/mentions?queryId=${queryId}`)).body as { items: { text: string; why?: { highlights: { start: number; end: number }[] } }[] };
    expect(page.items.map((item) => item.why?.highlights.map(({ start, end }) => item.text.slice(start, end)))).toEqual([['broken'], ['broken']]);
    expect(await viewer.get(`${base()}/mentions?queryId=nope`)).toMatchObject({ status: 404 });
    expect(await viewer.get(`${base()}/mentions?intent=shouting`)).toMatchObject({ status: 400 });
    const withIntent = (await viewer.get(`${base()}/mentions?intent=question,complaint`)).body as { items: { intents: string[] }[] };
    expect(withIntent.items.every((item) => item.intents.includes('question') || item.intents.includes('complaint'))).toBe(true);
    const bad = await viewer.get(`${base()}/mentions/stats?query=${encodeURIComponent('broken AND (lamp')}`);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(await viewer.get(`${base()}/mentions/stats?interval=week`)).toMatchObject({ status: 400 });
  });
});
