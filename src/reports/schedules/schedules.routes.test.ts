import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../../test/http-harness.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { DeliveryView, RunResult, SavedSchedule, ScheduleView } from './schedules.service.js';

describeEachDatabase('report schedules over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId = '';
  let otherWorkspace = '';
  let base = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' })).browser;
    const other = await owner.post('/api/v1/workspaces', { name: 'Other brand', timeZone: 'America/Toronto', languages: ['en'] });
    expect(other.status).toBe(201);
    otherWorkspace = (other.body as { id: string }).id;
    base = `/api/v1/workspaces/${workspaceId}/reports/schedules`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents its routes in the OpenAPI document', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const paths = Object.keys((JSON.parse(reply.body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/workspaces/{workspaceId}/reports/schedules',
        '/api/v1/workspaces/{workspaceId}/reports/schedules/{scheduleId}',
        '/api/v1/workspaces/{workspaceId}/reports/schedules/{scheduleId}/deliveries',
        '/api/v1/workspaces/{workspaceId}/reports/schedules/{scheduleId}/run',
      ]),
    );
  });

  it('creates, lists, replaces, runs and deletes a schedule; members read, managers change', async () => {
    const created = await owner.post(base, {
      name: 'Leadership monthly',
      template: 'leadership',
      cadence: 'monthly',
      emailTo: ['ceo@brand.test'],
      webhookUrl: 'https://hooks.example.com/reports/abc',
    });
    expect(created.status).toBe(201);
    const saved = created.body as SavedSchedule;
    expect(saved.webhookSecret).toMatch(/^[\w-]{40,}$/);
    // Workspace in Europe/Paris, now 28 March 2026 10:00 there: the first run is 1 April, 01:00 Paris.
    expect(saved.schedule).toMatchObject({
      name: 'Leadership monthly',
      template: 'leadership',
      cadence: 'monthly',
      emailTo: ['ceo@brand.test'],
      webhookUrl: 'https://hooks.example.com/reports/abc',
      webhook: true,
      enabled: true,
      nextRunAt: '2026-03-31T23:00:00.000Z',
      lastRunAt: null,
    });
    const id = saved.schedule.id;

    // A viewer reads (without the webhook URL or the recipients' addresses) but cannot change anything.
    const seen = await viewer.get(base);
    expect(seen.status).toBe(200);
    expect((seen.body as { schedules: ScheduleView[] }).schedules).toEqual([
      expect.objectContaining({ id, webhookUrl: null, webhook: true, emailTo: [] }),
    ]);
    expect((await viewer.post(base, { name: 'x', template: 'support', cadence: 'daily', emailTo: ['a@b.test'] })).status).toBe(403);
    expect((await viewer.delete(`${base}/${id}`)).status).toBe(403);
    expect((await viewer.post(`${base}/${id}/run`)).status).toBe(403);
    expect((await viewer.get(`${base}/${id}/deliveries`)).status).toBe(200);

    // Replacing without touching the webhook keeps its secret; a new URL gets a new one.
    const same = await owner.put(`${base}/${id}`, { ...saved.schedule, cadence: 'weekly', emailTo: ['ceo@brand.test', 'cfo@brand.test'] });
    expect(same.status).toBe(200);
    expect((same.body as SavedSchedule).webhookSecret).toBeUndefined();
    expect((same.body as SavedSchedule).schedule).toMatchObject({ cadence: 'weekly', nextRunAt: '2026-03-29T23:00:00.000Z' });
    const moved = await owner.put(`${base}/${id}`, { ...saved.schedule, webhookUrl: 'https://hooks.example.com/reports/new' });
    expect((moved.body as SavedSchedule).webhookSecret).toBeDefined();

    const run = await owner.post(`${base}/${id}/run`);
    expect(run.status).toBe(202);
    const result = run.body as RunResult;
    expect(result.period.label).toBe('2026-02');
    expect(result.queued).toBe(2);
    expect(result.deliveries.map((d) => [d.channel, d.target, d.status])).toEqual([
      ['email', 'ceo@brand.test', 'pending'],
      ['webhook', 'hooks.example.com', 'pending'],
    ]);
    const listed = await owner.get(`${base}/${id}/deliveries?limit=1`);
    expect((listed.body as { deliveries: DeliveryView[] }).deliveries).toHaveLength(1);

    expect((await owner.delete(`${base}/${id}`)).status).toBe(204);
    expect((await owner.get(`${base}/${id}`)).status).toBe(404);
    const audit = await owner.get(`/api/v1/workspaces/${workspaceId}/audit`);
    const actions = JSON.stringify(audit.body);
    for (const action of ['reports.schedule_created', 'reports.schedule_updated', 'reports.schedule_sent_now', 'reports.schedule_deleted']) {
      expect(actions).toContain(action);
    }
  });

  it('answers bad input with 400, a duplicate name with 409, and unknown or foreign schedules with 404', async () => {
    const valid = { name: 'Support weekly', template: 'support', cadence: 'weekly', emailTo: ['lead@brand.test'] };
    const cases: [object, RegExp][] = [
      [{ ...valid, emailTo: [], webhookUrl: null }, /at least one e-mail address or a webhook URL/],
      [{ ...valid, template: 'sales' }, /template/],
      [{ ...valid, cadence: 'hourly' }, /cadence/],
      [{ ...valid, emailTo: ['not an address'] }, /emailTo/],
      [{ ...valid, webhookUrl: 'ftp://files.example.com/x' }, /webhookUrl/],
      [{ ...valid, name: '   ' }, /name/],
      [{ ...valid, emailTo: Array.from({ length: 21 }, (_, i) => `p${i}@brand.test`) }, /emailTo/],
    ];
    for (const [body, message] of cases) {
      const reply = await owner.post(base, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(reply.body)).toMatch(message);
    }
    expect((await owner.post(base, valid)).status).toBe(201);
    const duplicate = await owner.post(base, valid);
    expect(duplicate.status).toBe(409);
    expect(JSON.stringify(duplicate.body)).toContain('already exists');

    const unknown = `${base}/nope`;
    expect((await owner.get(unknown)).status).toBe(404);
    expect((await owner.put(unknown, valid)).status).toBe(404);
    expect((await owner.delete(unknown)).status).toBe(404);
    expect((await owner.post(`${unknown}/run`)).status).toBe(404);
    expect((await owner.get(`${unknown}/deliveries`)).status).toBe(404);
    const id = ((await owner.get(base)).body as { schedules: ScheduleView[] }).schedules[0]!.id;
    expect((await owner.get(`${base}/${id}/deliveries?limit=0`)).status).toBe(400);
    // Another workspace's schedules are not reachable through this one.
    expect((await owner.get(`/api/v1/workspaces/${otherWorkspace}/reports/schedules/${id}`)).status).toBe(404);
    expect((await viewer.get(`/api/v1/workspaces/${otherWorkspace}/reports/schedules`)).status).toBe(404);
  });
});
