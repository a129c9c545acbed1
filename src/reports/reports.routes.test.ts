/** The reports API in-process (app.inject) on both databases: registry, dashboards, render, branding, errors. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, OWNER, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { describeEachDatabase } from '../db/testing.js';
import { seedReportFixture } from './reports.fixtures.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const svg = (markup: string): string => `data:image/svg+xml;base64,${Buffer.from(markup).toString('base64')}`;

describeEachDatabase('reports routes', (use) => {
  let test: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let ws: string;
  const url = (path: string): string => `/api/v1/workspaces/${ws}/reports${path}`;

  beforeAll(async () => {
    test = await startTestApp(use());
    ({ owner } = await setUpOwner(test.app));
    ws = await seedReportFixture(use().kysely, 'h');
    const user = await use().kysely.selectFrom('users').select('id').where('email', '=', OWNER.email).executeTakeFirstOrThrow();
    await use().kysely.insertInto('memberships').values({ workspace_id: ws, user_id: user.id, role: 'owner', created_at: '2026-03-01T00:00:00.000Z' }).execute();
    ({ browser: viewer } = await addMember(test.app, owner, ws, { email: 'vic@brand.test', role: 'viewer' }));
  });

  afterAll(async () => {
    await test.close();
  });

  it('lists the KPI registry with formulas and versions', async () => {
    const reply = await viewer.get(url('/kpis'));
    expect(reply.status).toBe(200);
    const kpis = (reply.body as { kpis: { ref: string; formula: string }[] }).kpis;
    expect(kpis.map((k) => k.ref)).toContain('net_sentiment@1');
    expect(kpis.every((k) => k.formula.length > 0)).toBe(true);
  });

  it('serves a dashboard per capability with the previous period and daily series', async () => {
    const reply = await viewer.get(url('/dashboard?capability=listening&from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z'));
    expect(reply.status).toBe(200);
    const body = reply.body as {
      previousPeriod: { from: string };
      figures: { kpiId: string; value: number; previous: number; delta: number }[];
      series: { id: string; days: string[]; current: number[]; previous: (number | null)[] }[];
    };
    expect(body.previousPeriod.from).toBe('2026-02-23T00:00:00.000Z');
    expect(body.figures.find((f) => f.kpiId === 'mention_volume')).toMatchObject({ value: 6, previous: 1, delta: 5 });
    const mentions = body.series.find((s) => s.id === 'mentions')!;
    expect(mentions.days).toHaveLength(7);
    expect(mentions.current).toEqual([1, 1, 1, 1, 1, 0, 1]);
    expect(mentions.previous.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(1);
    const inbox = await viewer.get(url('/dashboard?capability=inbox&from=2026-03-02&to=2026-03-09'));
    expect((inbox.body as { figures: { kpiId: string; value: number }[] }).figures.find((f) => f.kpiId === 'response_rate')?.value).toBe(0.6);
    for (const capability of ['publishing', 'community']) {
      expect((await viewer.get(url(`/dashboard?capability=${capability}&from=2026-03-02&to=2026-03-09`))).status).toBe(200);
    }
  });

  it('refuses bad dates, long ranges, unknown templates and capabilities with 400', async () => {
    expect((await viewer.get(url('/dashboard?capability=listening&from=2026-03-09&to=2026-03-02'))).status).toBe(400);
    expect((await viewer.get(url('/dashboard?capability=listening&from=2020-01-01&to=2026-03-02'))).status).toBe(400);
    expect((await viewer.get(url('/dashboard?capability=listening&from=yesterday&to=2026-03-02'))).status).toBe(400);
    expect((await viewer.get(url('/dashboard?capability=finance'))).status).toBe(400);
    const unknown = await viewer.get(url('/render?template=finance&from=2026-03-02&to=2026-03-09'));
    expect(unknown.status).toBe(400);
    const backwards = await viewer.get(url('/render?template=support&from=2026-03-09&to=2026-03-09'));
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('must be before to');
  });

  it('renders HTML inline and CSV as an attachment', async () => {
    const html = await viewer.get(url('/render?template=product&from=2026-03-02&to=2026-03-09&format=html'));
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe('inline; filename="lumiere-h-product-2026-03-02_2026-03-08.html"');
    const text = Buffer.from(html.body as Buffer).toString('utf8');
    expect(text).toContain('Product report');
    expect(text).not.toContain('<script');
    const csv = await viewer.get(url('/render?template=risk&from=2026-03-02&to=2026-03-09&format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"$/);
    expect(Buffer.from(csv.body as Buffer).toString('utf8')).toContain('table,ref,row,column,value');
  });

  it('reads and sets the branding; viewers may not set it; bad logos are refused', async () => {
    expect((await viewer.get(url('/branding'))).body).toEqual({ logoDataUrl: null, colour: '#b4532a' });
    expect((await viewer.put(url('/branding'), { logoDataUrl: null, colour: '#000000' })).status).toBe(403);
    const set = await owner.put(url('/branding'), { logoDataUrl: PNG, colour: '#1A2B3C' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ logoDataUrl: PNG, colour: '#1a2b3c' });
    expect((await viewer.get(url('/branding'))).body).toEqual({ logoDataUrl: PNG, colour: '#1a2b3c' });
    const audit = await use().kysely.selectFrom('audit_log').select('action').where('workspace_id', '=', ws).execute();
    expect(audit.map((entry) => entry.action)).toContain('reports.branding_changed');

    const refused = async (logoDataUrl: string, colour = '#000000'): Promise<string> => {
      const reply = await owner.put(url('/branding'), { logoDataUrl, colour });
      expect(reply.status).toBe(400);
      return JSON.stringify(reply.body);
    };
    expect(await refused(PNG, 'red')).toContain('#rrggbb');
    expect(await refused('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toContain('PNG, JPEG or SVG');
    expect(await refused('data:image/png;base64,aGVsbG8=')).toContain('not a PNG');
    expect(await refused(svg('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toContain('<script>');
    expect(await refused(svg('<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>'))).toContain('event handler');
    expect(await refused(svg('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.test/a.png"/></svg>'))).toContain('link');
    expect(await refused(`data:image/png;base64,${'A'.repeat(205_000)}`)).toContain('200 kB');
    const plain = svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/></svg>');
    expect((await owner.put(url('/branding'), { logoDataUrl: plain, colour: '#000000' })).status).toBe(200);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const reply = await test.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(reply.statusCode).toBe(200);
    const paths = Object.keys((JSON.parse(reply.body) as { paths: Record<string, unknown> }).paths);
    for (const path of ['kpis', 'dashboard', 'render', 'branding']) {
      expect(paths).toContain(`/api/v1/workspaces/{workspaceId}/reports/${path}`);
    }
  });

  it('hides another workspace’s reports', async () => {
    const stranger = await viewer.get('/api/v1/workspaces/ws-nowhere/reports/kpis');
    expect(stranger.status).toBe(404);
  });
});
