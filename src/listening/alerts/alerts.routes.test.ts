import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addMember,
  setUpOwner,
  startTestApp,
  type Browser,
  type TestApp,
} from '../../../test/http-harness.js';
import { createLogger } from '../../core/logger.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase } from '../../db/testing.js';
import { evaluateAlertRules } from './alerts.evaluate.js';
import { hourOf, storeMentions, storeQuery } from './alerts.fixtures.js';
import type { AlertView, RuleView } from './alerts.service.js';

const WEEK = 7 * 24 * 3_600_000;
const WINDOW = '2026-03-28T08:00:00.000Z';
const weeksBefore = (weeks: number): string => new Date(Date.parse(WINDOW) - weeks * WEEK).toISOString();

describeEachDatabase('alerts over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId = '';
  let otherWorkspace = '';
  let base = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' }))
      .browser;
    const other = await owner.post('/api/v1/workspaces', {
      name: 'Other brand',
      timeZone: 'Europe/Paris',
      languages: ['fr'],
    });
    expect(other.status).toBe(201);
    otherWorkspace = (other.body as { id: string }).id;
    base = `/api/v1/workspaces/${workspaceId}/listening`;
    // Saturday 08:00–09:00: 4, 6, 5, 5 mentions the four previous weeks, 12 this week.
    await storeMentions(use().kysely, workspaceId, [
      ...[4, 6, 5, 5].flatMap((count, index) => hourOf(weeksBefore(index + 1), count)),
      ...hourOf(WINDOW, 12),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents its routes in the OpenAPI document', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(reply.statusCode).toBe(200);
    const paths = Object.keys((JSON.parse(reply.body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/workspaces/{workspaceId}/listening/alert-rules',
        '/api/v1/workspaces/{workspaceId}/listening/alert-rules/{ruleId}',
        '/api/v1/workspaces/{workspaceId}/listening/alert-rules/backtest',
        '/api/v1/workspaces/{workspaceId}/listening/alert-rules/{ruleId}/backtest',
        '/api/v1/workspaces/{workspaceId}/listening/alerts',
        '/api/v1/workspaces/{workspaceId}/listening/alerts/read',
      ]) as unknown,
    );
  });

  it('manages rules: defaults filled in, clear 400s, 409 on a duplicate name, managers only, 404 elsewhere', async () => {
    const created = await owner.post(`${base}/alert-rules`, {
      kind: 'volume_spike',
      name: 'Spike',
      params: { baselineWeeks: 4, minBaselineWeeks: 2 },
      channels: { email: ['pr@brand.test'], webhookUrl: 'https://hooks.example/T0/B0/x' },
    });
    expect(created.status).toBe(201);
    const body = created.body as { rule: RuleView; webhookSecret?: string };
    expect(body.rule).toMatchObject({
      kind: 'volume_spike',
      enabled: true,
      queryId: null,
      params: {
        windowHours: 1,
        baselineWeeks: 4,
        minBaselineWeeks: 2,
        zThreshold: 3,
        minVolume: 10,
        cooldownMinutes: 180,
      },
    });
    expect(body.webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const bad = await owner.post(`${base}/alert-rules`, {
      kind: 'volume_spike',
      name: 'Bad',
      params: { zThreshold: 0, baselineWeeks: 3, minBaselineWeeks: 5 },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.params.zThreshold', 'body.params.minBaselineWeeks']) as unknown,
    );
    expect(await owner.post(`${base}/alert-rules`, { kind: 'earthquake', name: 'x' })).toMatchObject({
      status: 400,
    });
    expect(
      await owner.post(`${base}/alert-rules`, {
        kind: 'high_reach',
        name: 'x',
        channels: { email: ['not an address'] },
      }),
    ).toMatchObject({ status: 400 });
    expect(
      await owner.post(`${base}/alert-rules`, {
        kind: 'high_reach',
        name: 'x',
        channels: { webhookUrl: 'ftp://hooks.example/' },
      }),
    ).toMatchObject({ status: 400 });
    const unknownQuery = await owner.post(`${base}/alert-rules`, {
      kind: 'high_reach',
      name: 'x',
      queryId: 'nope',
    });
    expect(unknownQuery).toMatchObject({ status: 400 });
    expect(JSON.stringify(unknownQuery.body)).toContain('No saved query');
    expect(await owner.post(`${base}/alert-rules`, { kind: 'high_reach', name: 'Spike' })).toMatchObject({
      status: 409,
    });
    expect(await viewer.post(`${base}/alert-rules`, { kind: 'high_reach', name: 'Mine' })).toMatchObject({
      status: 403,
    });
    expect(await viewer.get(`/api/v1/workspaces/${otherWorkspace}/listening/alert-rules`)).toMatchObject({
      status: 404,
    });
    expect(
      await viewer.post(`/api/v1/workspaces/${otherWorkspace}/listening/alerts/read`, { all: true }),
    ).toMatchObject({ status: 404 });

    // Readers see that a webhook is set, not its address (a chat webhook's address is its secret).
    const listed = (await viewer.get(`${base}/alert-rules`)).body as { rules: RuleView[] };
    expect(listed.rules[0]?.channels).toEqual({ email: ['pr@brand.test'], webhookUrl: null, webhook: true });
    expect(
      ((await owner.get(`${base}/alert-rules`)).body as { rules: RuleView[] }).rules[0]?.channels.webhookUrl,
    ).toBe('https://hooks.example/T0/B0/x');

    const id = body.rule.id;
    const updated = await owner.put(`${base}/alert-rules/${id}`, {
      kind: 'volume_spike',
      name: 'Spike',
      enabled: false,
      params: { baselineWeeks: 4, minBaselineWeeks: 2 },
      channels: { email: [], webhookUrl: 'https://hooks.example/T0/B0/x' },
    });
    expect(updated.status).toBe(200);
    // The secret is kept while the webhook stays: not shown again.
    expect(updated.body).toMatchObject({ rule: { enabled: false } });
    expect((updated.body as { webhookSecret?: string }).webhookSecret).toBeUndefined();
    expect(
      await owner.put(`/api/v1/workspaces/${otherWorkspace}/listening/alert-rules/${id}`, {
        kind: 'high_reach',
        name: 'x',
      }),
    ).toMatchObject({ status: 404 });
    expect(await viewer.delete(`${base}/alert-rules/${id}`)).toMatchObject({ status: 403 });
    expect(await owner.delete(`${base}/alert-rules/${id}`)).toMatchObject({ status: 204 });
    expect(await owner.delete(`${base}/alert-rules/${id}`)).toMatchObject({ status: 404 });
  });

  it('backtests an unsaved rule and a saved one', async () => {
    const query = await storeQuery(use().kysely, workspaceId, 'Lamps', 'topic', '2026-01-01T00:00:00.000Z');
    const unsaved = await viewer.post(`${base}/alert-rules/backtest`, {
      rule: { kind: 'volume_spike', params: { baselineWeeks: 4, minBaselineWeeks: 2 } },
      days: 30,
    });
    expect(unsaved.status).toBe(200);
    expect(unsaved.body).toMatchObject({
      fired: 1,
      windows: 720,
      firings: [
        { at: '2026-03-28T09:00:00.000Z', explanation: { kind: 'volume_spike', observed: 12, mean: 5 } },
      ],
    });
    const scoped = await viewer.post(`${base}/alert-rules/backtest`, {
      rule: { kind: 'volume_spike', queryId: query, params: { baselineWeeks: 4, minBaselineWeeks: 2 } },
      days: 30,
    });
    expect(scoped.body).toMatchObject({ fired: 0 });
    expect(
      await viewer.post(`${base}/alert-rules/backtest`, { rule: { kind: 'volume_spike' }, days: 400 }),
    ).toMatchObject({ status: 400 });

    const created = await owner.post(`${base}/alert-rules`, {
      kind: 'volume_spike',
      name: 'Saturday spike',
      params: { baselineWeeks: 4, minBaselineWeeks: 2 },
    });
    const id = (created.body as { rule: RuleView }).rule.id;
    expect(await viewer.post(`${base}/alert-rules/${id}/backtest`, {})).toMatchObject({
      status: 200,
      body: { fired: 1 },
    });
    expect(
      await viewer.post(`/api/v1/workspaces/${otherWorkspace}/listening/alert-rules/${id}/backtest`, {}),
    ).toMatchObject({ status: 404 });
    expect(
      await owner.post(`/api/v1/workspaces/${otherWorkspace}/listening/alert-rules/${id}/backtest`, {}),
    ).toMatchObject({ status: 404 });
  });

  it('lists fired alerts with their explanation and delivery status, and marks them read', async () => {
    const deps = {
      db: use().kysely,
      clock: t.clock,
      logger: createLogger({ level: 'silent' }),
      secrets: createSecretBox(randomBytes(32)),
      mailer: null,
      fetch,
    };
    t.clock.set(new Date('2026-03-28T09:15:00.000Z'));
    expect((await evaluateAlertRules(deps, () => Promise.resolve())).fired).toBe(1);

    const listed = await viewer.get(`${base}/alerts?unread=true`);
    expect(listed.status).toBe(200);
    const page = listed.body as { alerts: AlertView[]; unread: number; nextCursor: string | null };
    expect(page.unread).toBe(1);
    expect(page.alerts).toHaveLength(1);
    const alert = page.alerts[0]!;
    expect(alert).toMatchObject({
      ruleName: 'Saturday spike',
      kind: 'volume_spike',
      windowEnd: '2026-03-28T09:00:00.000Z',
      readAt: null,
      deliveries: [],
    });
    expect(alert.title).toBe('Saturday spike: 12 mentions in 1 h, usually 5 (z = 8.57)');
    expect(alert.summary.join('\n')).toContain('z = (12 − 5) / 0.82 = 8.57');
    expect(alert.explanation).toMatchObject({ observed: 12, weeksUsed: 4 });

    expect(await viewer.get(`${base}/alerts?kind=opportunity`)).toMatchObject({ body: { alerts: [] } });
    expect(await viewer.get(`${base}/alerts?limit=0`)).toMatchObject({ status: 400 });
    expect(await viewer.post(`${base}/alerts/read`, {})).toMatchObject({ status: 400 });
    expect(await viewer.post(`${base}/alerts/read`, { ids: [alert.id] })).toMatchObject({
      status: 200,
      body: { marked: 1 },
    });
    expect(await viewer.get(`${base}/alerts?unread=true`)).toMatchObject({ body: { alerts: [], unread: 0 } });
    expect(((await viewer.get(`${base}/alerts`)).body as { alerts: AlertView[] }).alerts[0]?.readAt).toBe(
      '2026-03-28T09:15:00.000Z',
    );
    expect(await owner.get(`/api/v1/workspaces/${otherWorkspace}/listening/alerts`)).toMatchObject({
      body: { alerts: [], unread: 0 },
    });
  });
});
