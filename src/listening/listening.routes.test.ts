import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { buildItem } from '../../test/listening-fixtures.js';
import { signatureFor } from '../connectors/webhook/signature.js';
import { describeEachDatabase } from '../db/testing.js';

interface SourceBody {
  source: { id: string; kind: string; name: string; status: string; itemsStored: number };
  secret?: string;
}

describeEachDatabase('listening over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId = '';
  let webhook: { id: string; secret: string };

  /** A signed ingest call, as a sender following docs/CONNECTORS.md would make it. */
  const ingest = (body: string, options: { secret?: string; source?: string; timestamp?: number; signature?: string } = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(t.clock.now().getTime() / 1000));
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/ingest`,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-hearth-source': options.source ?? webhook.id,
        'x-hearth-timestamp': timestamp,
        'x-hearth-signature': options.signature ?? signatureFor(options.secret ?? webhook.secret, timestamp, body),
      },
      payload: body,
    });
  };

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' })).browser;
    const added = await owner.post(`/api/v1/workspaces/${workspaceId}/listening/sources`, { kind: 'webhook', name: 'Reviews site' });
    expect(added.status).toBe(201);
    const body = added.body as SourceBody;
    webhook = { id: body.source.id, secret: body.secret ?? '' };
    expect(webhook.secret.length).toBeGreaterThanOrEqual(40);
  });
  afterAll(async () => {
    await t.close();
  });

  it('manages sources: add a feed, list them with their status, poll now, remove; viewers only read', async () => {
    const base = `/api/v1/workspaces/${workspaceId}/listening/sources`;
    const feed = await owner.post(base, { kind: 'rss', url: 'https://blog.example/feed.xml', pollIntervalMinutes: 30 });
    expect(feed.status).toBe(201);
    const added = feed.body as SourceBody;
    expect(added).toEqual({ source: expect.objectContaining({ kind: 'rss', name: 'blog.example', status: 'pending', pollIntervalMinutes: 30 }) as unknown });
    expect(await owner.post(base, { kind: 'rss', url: 'https://blog.example/feed.xml' })).toMatchObject({ status: 409 });
    expect(await owner.post(base, { kind: 'rss', url: 'ftp://blog.example/feed.xml' })).toMatchObject({ status: 400 });
    expect(await owner.post(base, { kind: 'rss', url: 'https://x.example/', pollIntervalMinutes: 1 })).toMatchObject({ status: 400 });

    const listed = await viewer.get(base);
    expect(listed.status).toBe(200);
    const sources = (listed.body as { sources: { id: string; kind: string }[] }).sources;
    expect(sources.map((s) => s.kind).sort()).toEqual(['rss', 'webhook']);
    // The secret is shown once, never listed.
    expect(JSON.stringify(listed.body)).not.toContain(webhook.secret);

    expect(await viewer.post(base, { kind: 'import', name: 'Mine' })).toMatchObject({ status: 403 });
    expect(await owner.post(`${base}/${added.source.id}/poll`)).toMatchObject({ status: 200 });
    expect(await owner.post(`${base}/${webhook.id}/poll`)).toMatchObject({ status: 404 });
    expect(await viewer.delete(`${base}/${added.source.id}`)).toMatchObject({ status: 403 });
    expect(await owner.delete(`${base}/${added.source.id}`)).toMatchObject({ status: 204 });
    expect(await owner.delete(`${base}/${added.source.id}`)).toMatchObject({ status: 404 });
  });

  it('ingests signed webhook calls, idempotently, reporting refused items', async () => {
    const body = JSON.stringify({ items: [buildItem(1, { network: 'trustpilot' }), buildItem(2, { network: undefined }), { id: 'bad' }] });
    const first = await ingest(body);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toEqual({
      received: 3,
      stored: 2,
      duplicates: 0,
      updated: 0,
      rejected: [{ index: 2, id: 'bad', reason: 'text is required' }],
    });
    expect(JSON.parse((await ingest(body)).body)).toMatchObject({ stored: 0, duplicates: 2 });

    const mentions = await viewer.get(`/api/v1/workspaces/${workspaceId}/mentions?network=trustpilot,webhook`);
    expect(mentions.status).toBe(200);
    expect((mentions.body as { items: { externalId: string; network: string }[] }).items).toEqual([
      expect.objectContaining({ externalId: 'item-2', network: 'webhook' }),
      expect.objectContaining({ externalId: 'item-1', network: 'trustpilot' }),
    ]);
    const sources = (await owner.get(`/api/v1/workspaces/${workspaceId}/listening/sources`)).body as { sources: { id: string; status: string; itemsStored: number }[] };
    expect(sources.sources.find((s) => s.id === webhook.id)).toMatchObject({ status: 'ok', itemsStored: 2 });
  });

  it('refuses bad signatures, stale timestamps, unknown sources with 401; bad bodies with 400; too much with 413', async () => {
    const body = JSON.stringify({ items: [buildItem(3)] });
    expect((await ingest(body, { secret: 'not-the-secret-at-all' })).statusCode).toBe(401);
    expect((await ingest(body, { signature: 'sha256=00' })).statusCode).toBe(401);
    expect((await ingest(body, { source: 'unknown-source' })).statusCode).toBe(401);
    const stale = await ingest(body, { timestamp: Math.floor(t.clock.now().getTime() / 1000) - 301 });
    expect(stale.statusCode).toBe(401);
    expect(JSON.parse(stale.body)).toMatchObject({ error: { message: expect.stringMatching(/away from the server's clock/) as unknown } });
    // Signed over other bytes than those sent: refused, however equal the JSON.
    const resigned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/ingest`,
      headers: { 'content-type': 'application/json', 'x-hearth-source': webhook.id, 'x-hearth-timestamp': '1', 'x-hearth-signature': signatureFor(webhook.secret, '1', `${body} `) },
      payload: body,
    });
    expect(resigned.statusCode).toBe(401);
    // Another workspace's URL with this source: as unknown.
    const { workspaceId: otherWorkspace } = await setUpOwnerElsewhere();
    const timestamp = String(Math.floor(t.clock.now().getTime() / 1000));
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${otherWorkspace}/ingest`,
      headers: { 'content-type': 'application/json', 'x-hearth-source': webhook.id, 'x-hearth-timestamp': timestamp, 'x-hearth-signature': signatureFor(webhook.secret, timestamp, body) },
      payload: body,
    });
    expect(elsewhere.statusCode).toBe(401);

    const notJson = await ingest('{"items": [');
    expect([notJson.statusCode, JSON.parse(notJson.body)]).toEqual([400, { error: expect.objectContaining({ code: 'validation_failed', message: 'body: Not valid JSON' }) as unknown }]);
    const noItems = await ingest(JSON.stringify({ things: [] }));
    expect([noItems.statusCode, JSON.parse(noItems.body)]).toEqual([
      400,
      { error: expect.objectContaining({ message: 'Invalid request: body.items: must be an array of items: {"items": [ … ]}' }) as unknown },
    ]);
    expect((await ingest(JSON.stringify({ items: [] }))).statusCode).toBe(400);

    const many = await ingest(JSON.stringify({ items: Array.from({ length: 1_001 }, (_, i) => ({ id: String(i), text: 'x' })) }));
    expect([many.statusCode, JSON.parse(many.body)]).toEqual([413, { error: { code: 'too_many_items', message: expect.stringMatching(/At most 1000 items per call \(this one has 1001\)/) as unknown } }]);
    const huge = await ingest(JSON.stringify({ items: [{ id: 'big', text: 'x'.repeat(6 * 1024 * 1024) }] }));
    expect(huge.statusCode).toBe(413);
  });

  it('searches mentions with a query and says why; saves queries, refusing syntax errors with their position', async () => {
    await ingest(JSON.stringify({ items: [buildItem(10, { text: "L'équipe Lumière répond vite" })] }));
    const found = await viewer.get(`/api/v1/workspaces/${workspaceId}/mentions?query=${encodeURIComponent('equipe AND lumière')}`);
    expect(found.status).toBe(200);
    const [item] = (found.body as { items: { text: string; why: { highlights: { start: number; end: number }[] } }[] }).items;
    expect(item?.why.highlights.map(({ start, end }) => item.text.slice(start, end))).toEqual(['équipe', 'Lumière']);

    const bad = await viewer.get(`/api/v1/workspaces/${workspaceId}/mentions?query=${encodeURIComponent('lumiere AND')}`);
    expect(bad.status).toBe(400);
    expect(await viewer.get(`/api/v1/workspaces/${workspaceId}/mentions?since=yesterday`)).toMatchObject({ status: 400 });

    const queries = `/api/v1/workspaces/${workspaceId}/listening/queries`;
    const saved = await owner.post(queries, { name: 'Brand', query: 'lumiere OR lumière', tag: 'brand' });
    expect(saved).toMatchObject({ status: 201, body: { name: 'Brand', tag: 'brand' } });
    expect(await owner.post(queries, { name: 'Broken', query: '"unclosed' })).toMatchObject({ status: 400 });
    expect(await viewer.post(queries, { name: 'Mine', query: 'x' })).toMatchObject({ status: 403 });
    expect(((await viewer.get(queries)).body as { queries: unknown[] }).queries).toHaveLength(1);
    expect(await owner.delete(`${queries}/${(saved.body as { id: string }).id}`)).toMatchObject({ status: 204 });
  });

  /** A second owner and workspace on the same app. */
  async function setUpOwnerElsewhere(): Promise<{ workspaceId: string }> {
    const created = await owner.post('/api/v1/workspaces', { name: 'Second brand', timeZone: 'UTC', languages: ['en'] });
    return { workspaceId: (created.body as { id: string }).id };
  }
});
