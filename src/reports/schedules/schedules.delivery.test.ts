import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { signatureFor } from '../../connectors/webhook/signature.js';
import { createLogger } from '../../core/logger.js';
import { createMailer } from '../../core/mailer.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import type { ReportRequest } from '../render/render-report.js';
import type { ScheduleDeps } from './schedules.deps.js';
import { DELIVERY_HEADER, NO_SMTP, sendReportDelivery, type ReportWebhookPayload } from './schedules.delivery.js';
import { schedulesRepo } from './schedules.repo.js';
import { materialiseDueSchedules, runScheduleNow, saveSchedule, scheduleIn } from './schedules.service.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in PDF: rendering itself has its own tests (render/); here, what is sent with it. */
const FAKE_PDF = Buffer.from('%PDF-1.7\n% a report\n%%EOF\n');

describeEachDatabase('scheduled report delivery', (use) => {
  const clock = testClock();
  const secrets = createSecretBox(randomBytes(32));
  const hooks: Received[] = [];
  const rendered: ReportRequest[] = [];
  let hookStatus = 200;
  let smtp: SmtpPeer;
  let hookServer: ReturnType<typeof createServer>;
  let hookUrl = '';
  let access: WorkspaceAccess;
  let deps: ScheduleDeps;

  beforeAll(async () => {
    smtp = await startSmtpPeer({ user: 'hearth', password: 's3cret pass' });
    hookServer = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        hooks.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(hookStatus, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/reports/s3cret-path`;
    clock.set(new Date('2026-03-30T10:00:00.000Z')); // Monday, 12:00 in Paris (summer time)
    access = await seedWorkspace(use(), clock); // Europe/Paris
    deps = {
      db: use().kysely,
      clock,
      logger: createLogger({ level: 'silent' }),
      secrets,
      mailer: createMailer({
        url: `smtp://hearth:${encodeURIComponent('s3cret pass')}@127.0.0.1:${smtp.port}`,
        from: 'Hearth <reports@brand.test>',
        timeoutMs: 5_000,
      }),
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
      render: (_deps, request) => {
        rendered.push(request);
        return Promise.resolve({
          filename: `${request.template}-report.${request.format}`,
          contentType: request.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
          body: request.format === 'pdf' ? FAKE_PDF : Buffer.from('a,b\n1,2\n'),
          summary: 'Mentions: 42 (+10% vs previous period)\nNet sentiment: 0.25\n',
        });
      },
    };
  });
  afterAll(async () => {
    deps.mailer?.close();
    await smtp.close();
    hookServer.closeAllConnections();
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
  });

  const save = (name: string, input: Record<string, unknown>) =>
    saveSchedule({ db: use().kysely, clock, secrets }, access, scheduleIn.parse({ name, template: 'support', ...input }));

  const deliveriesOf = (scheduleId: string) =>
    use().kysely.selectFrom('report_deliveries').selectAll().where('schedule_id', '=', scheduleId).orderBy('target').execute();

  const statusOf = async (id: string) => (await schedulesRepo(use().kysely).findDelivery(id))!;

  it('turns a due schedule into one delivery per recipient and webhook, once, however often it runs', async () => {
    const { schedule } = await save('Weekly support', {
      cadence: 'weekly',
      emailTo: ['Support-Lead@brand.test', 'cto@brand.test', 'support-lead@brand.test'],
      webhookUrl: hookUrl,
    });
    // Created Monday 30 March 12:00 Paris: the first run is Monday 6 April, 01:00 Paris.
    expect(schedule.nextRunAt).toBe('2026-04-05T23:00:00.000Z');
    expect(schedule.emailTo).toEqual(['support-lead@brand.test', 'cto@brand.test']);
    expect(await materialiseDueSchedules(deps)).toEqual([]);

    clock.set(new Date('2026-04-05T23:00:30.000Z'));
    // Two sweeps at once (two processes): one makes the deliveries, the other nothing.
    const [first, second] = await Promise.all([materialiseDueSchedules(deps), materialiseDueSchedules(deps)]);
    expect([...first, ...second]).toHaveLength(3);
    // And again later the same period: nothing more.
    clock.set(new Date('2026-04-06T08:00:00.000Z'));
    expect(await materialiseDueSchedules(deps)).toEqual([]);
    const rows = await deliveriesOf(schedule.id);
    expect(rows.map((row) => [row.channel, row.target, row.status, row.period_from, row.period_to])).toEqual([
      ['email', 'cto@brand.test', 'pending', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
      ['webhook', hookUrl, 'pending', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
      ['email', 'support-lead@brand.test', 'pending', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    const moved = (await schedulesRepo(use().kysely).findById(schedule.id))!;
    expect(moved.next_run_at).toBe('2026-04-12T23:00:00.000Z');
    expect(moved.last_run_at).toBe('2026-04-05T23:00:30.000Z');
    // "Send now" the same period: everything is already on its way; nothing is made twice.
    expect((await runScheduleNow(deps, access, schedule.id)).queued).toBe(0);
    expect(await deliveriesOf(schedule.id)).toHaveLength(3);
  });

  it('e-mails the PDF with the summary in the body to a real SMTP server, and signs the webhook', async () => {
    smtp.mails.length = 0;
    hooks.length = 0;
    const { schedule, webhookSecret } = await save('Daily support', {
      cadence: 'daily',
      emailTo: ['pr@brand.test'],
      webhookUrl: hookUrl,
    });
    const run = await runScheduleNow(deps, access, schedule.id);
    expect(run.period).toEqual({ from: '2026-04-04T22:00:00.000Z', to: '2026-04-05T22:00:00.000Z', label: '2026-04-05' });
    expect(run.queued).toBe(2);
    const email = run.deliveries.find((d) => d.channel === 'email')!;
    const webhook = run.deliveries.find((d) => d.channel === 'webhook')!;
    // The webhook's path may be its secret: only its host is shown.
    expect(webhook.target).toBe(new URL(hookUrl).host);

    expect(await sendReportDelivery(deps, email.id, false)).toBe('sent');
    expect(await sendReportDelivery(deps, webhook.id, false)).toBe('sent');
    // Done is done: a duplicate job sends nothing.
    expect(await sendReportDelivery(deps, email.id, false)).toBe('skipped');

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('Support report — 2026-04-05');
    expect(mail.from?.text).toContain('reports@brand.test');
    expect(mail.text).toContain('Mentions: 42 (+10% vs previous period)');
    expect(mail.text).toContain('Net sentiment: 0.25');
    expect(mail.headers.get(DELIVERY_HEADER.toLowerCase())).toBe(email.id);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('support-report.pdf');
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.content.equals(FAKE_PDF)).toBe(true);
    expect(rendered.at(-1)).toMatchObject({
      workspaceId: access.workspaceId,
      template: 'support',
      format: 'pdf',
      from: new Date('2026-04-04T22:00:00.000Z'),
      to: new Date('2026-04-05T22:00:00.000Z'),
    });

    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    const timestamp = String(hook.headers['x-hearth-timestamp']);
    expect(hook.headers['x-hearth-signature']).toBe(signatureFor(webhookSecret!, timestamp, hook.body));
    expect(hook.headers['x-hearth-idempotency-key']).toBe(webhook.id);
    // The webhook carries the real report model's figures (no injected model): summary and formulas.
    const payload = JSON.parse(hook.body) as ReportWebhookPayload;
    expect(payload).toMatchObject({
      type: 'hearth.report',
      template: 'support',
      title: 'Support report — 2026-04-05',
      period: { from: '2026-04-04T22:00:00.000Z', to: '2026-04-05T22:00:00.000Z', label: '2026-04-05' },
      workspace: { id: access.workspaceId, name: 'Maison Lumière' },
      schedule: { id: schedule.id, name: 'Daily support' },
    });
    expect(payload.summary.length).toBeGreaterThan(0);
    expect(payload.figures.length).toBeGreaterThan(0);
    for (const figure of payload.figures) {
      expect(figure.ref).toMatch(/^[a-z_]+@\d+$/);
      expect(figure.formula.length).toBeGreaterThan(10);
      expect(figure.count).toBe(0); // an empty workspace: every figure stands on nothing
    }
    expect(payload.summary.join('\n')).toContain(payload.figures.find((f) => payload.summary[0]!.startsWith(f.name))!.ref);
    expect(await statusOf(email.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect((await statusOf(webhook.id)).sent_at).not.toBeNull();
  });

  it('with the real renderer, e-mails the report as a real PDF (headless Chromium) and its summary', async () => {
    smtp.mails.length = 0;
    clock.set(new Date('2026-04-06T08:00:00.000Z'));
    const { schedule } = await save('Real leadership', { template: 'leadership', cadence: 'weekly', emailTo: ['board@brand.test'] });
    const [delivery] = (await runScheduleNow(deps, access, schedule.id)).deliveries;
    const { render: _injected, ...real } = deps;
    expect(await sendReportDelivery(real, delivery!.id, false)).toBe('sent');
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('Leadership report — 2026-03-30 – 2026-04-05');
    expect(mail.text).toContain('Maison Lumière');
    expect(mail.text).toMatch(/@\d+/); // the summary names each formula's version
    const [attachment] = mail.attachments;
    expect(attachment!.contentType).toBe('application/pdf');
    expect(attachment!.filename).toMatch(/^maison-lumiere-leadership-2026-03-29_2026-04-05\.pdf$/);
    expect(attachment!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(attachment!.content.length).toBeGreaterThan(5_000);
  }, 60_000);

  it('retries a webhook that answers 5xx, gives up after the last attempt, and fails at once on a 4xx', async () => {
    const { schedule } = await save('Flaky receiver', { cadence: 'daily', webhookUrl: hookUrl });
    const [delivery] = (await runScheduleNow(deps, access, schedule.id)).deliveries;
    hookStatus = 503;
    try {
      await expect(sendReportDelivery(deps, delivery!.id, false)).rejects.toThrow(/answered 503/);
      const retrying = await statusOf(delivery!.id);
      expect(retrying).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(retrying.last_error).toBe(`${new URL(hookUrl).host} answered 503`);
      expect(await sendReportDelivery(deps, delivery!.id, true)).toBe('failed');
      expect(await statusOf(delivery!.id)).toMatchObject({ status: 'failed', attempts: 2 });
      expect((await statusOf(delivery!.id)).last_error).not.toContain('s3cret-path');

      // "Send now" again tries the failed delivery again, as new.
      hookStatus = 404;
      const again = await runScheduleNow(deps, access, schedule.id);
      expect(again.queued).toBe(1);
      expect(await statusOf(delivery!.id)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
      expect(await sendReportDelivery(deps, delivery!.id, false)).toBe('failed');
      expect(await statusOf(delivery!.id)).toMatchObject({ status: 'failed', attempts: 1 });
    } finally {
      hookStatus = 200;
    }
  });

  it('records e-mail as unavailable without an SMTP server, and a refused login as a retry', async () => {
    const { schedule } = await save('No mail', { cadence: 'monthly', emailTo: ['boss@brand.test'] });
    const [delivery] = (await runScheduleNow(deps, access, schedule.id)).deliveries;
    expect(delivery!.periodFrom).toBe('2026-02-28T23:00:00.000Z'); // March 2026, Paris
    expect(await sendReportDelivery({ ...deps, mailer: null }, delivery!.id, false)).toBe('unavailable');
    expect(await statusOf(delivery!.id)).toMatchObject({ status: 'unavailable', last_error: NO_SMTP, attempts: 1 });

    const wrong = createMailer({ url: `smtp://hearth:wrong@127.0.0.1:${smtp.port}`, from: 'x@brand.test', timeoutMs: 5_000 });
    try {
      expect((await runScheduleNow(deps, access, schedule.id)).queued).toBe(1);
      await expect(sendReportDelivery({ ...deps, mailer: wrong }, delivery!.id, false)).rejects.toThrow(
        /Invalid login|Invalid username/,
      );
    } finally {
      wrong.close();
    }
    const retrying = await statusOf(delivery!.id);
    expect(retrying.status).toBe('retrying');
    expect(retrying.last_error).not.toContain('wrong');
    // The queue's retry, with the right server, sends it.
    expect(await sendReportDelivery(deps, delivery!.id, false)).toBe('sent');
    expect(await statusOf(delivery!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('fails, without retrying, a delivery whose schedule or recipient is gone, and refuses loopback unless allowed', async () => {
    const { schedule } = await save('Short-lived', { cadence: 'daily', emailTo: ['a@brand.test', 'b@brand.test'], webhookUrl: hookUrl });
    const run = await runScheduleNow(deps, access, schedule.id);
    const toB = run.deliveries.find((d) => d.target === 'b@brand.test')!;
    const hook = run.deliveries.find((d) => d.channel === 'webhook')!;
    await saveSchedule({ db: use().kysely, clock, secrets }, access, scheduleIn.parse({ name: 'Short-lived', template: 'support', cadence: 'daily', emailTo: ['a@brand.test'], webhookUrl: hookUrl }), schedule.id);
    expect(await sendReportDelivery(deps, toB.id, false)).toBe('failed');
    expect((await statusOf(toB.id)).last_error).toMatch(/removed from the schedule/);

    const guarded = { ...deps, fetch: createSafeFetch({ allowPrivateNetworks: false }) };
    expect(await sendReportDelivery(guarded, hook.id, false)).toBe('failed');
    expect((await statusOf(hook.id)).last_error).toMatch(/loopback and private network addresses are not allowed/);

    const toA = run.deliveries.find((d) => d.target === 'a@brand.test')!;
    await use().kysely.deleteFrom('report_schedules').where('id', '=', schedule.id).execute();
    expect(await sendReportDelivery(deps, toA.id, false)).toBe('failed');
    expect(await statusOf(toA.id)).toMatchObject({ status: 'failed', last_error: 'The schedule was deleted before its report could be sent' });
  });
});
