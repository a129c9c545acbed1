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
import type { AlertingDeps } from './alerts.deps.js';
import { NO_SMTP, sendDelivery } from './alerts.delivery.js';
import { fire, type Firing } from './alerts.evaluate.js';
import { alertsRepo } from './alerts.repo.js';
import { ruleIn } from './alerts.rules.js';
import { saveRule } from './alerts.service.js';
import type { AlertRuleRow } from './alerts.tables.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A high-reach firing whose mention text tries to ping a Slack channel. */
const firing = (key: string): Firing => ({
  key,
  eventAt: '2026-03-28T08:55:00.000Z',
  windowStart: null,
  windowEnd: null,
  mentionId: null,
  explanation: {
    kind: 'high_reach',
    followers: 120_000,
    threshold: 10_000,
    mention: {
      id: 'm1',
      network: 'bluesky',
      author: 'star.example',
      authorName: 'Star',
      followers: 120_000,
      text: 'Hey <!channel> look at <https://evil.example|this> & that',
      url: 'https://bsky.example/p/1',
      createdAt: '2026-03-28T08:55:00.000Z',
      sentiment: 'neutral',
    },
  },
});

describeEachDatabase('alert delivery', (use) => {
  const clock = testClock();
  const secrets = createSecretBox(randomBytes(32));
  const hooks: Received[] = [];
  let hookStatus = 200;
  let smtp: SmtpPeer;
  let hookServer: ReturnType<typeof createServer>;
  let hookUrl = '';
  let access: WorkspaceAccess;
  let deps: AlertingDeps;

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
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/T000/B000/XXXX`;
    access = await seedWorkspace(use(), clock);
    deps = {
      db: use().kysely,
      clock,
      logger: createLogger({ level: 'silent' }),
      secrets,
      mailer: createMailer({
        url: `smtp://hearth:${encodeURIComponent('s3cret pass')}@127.0.0.1:${smtp.port}`,
        from: 'Hearth <alerts@brand.test>',
        timeoutMs: 5_000,
      }),
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
    };
  });
  afterAll(async () => {
    deps.mailer?.close();
    await smtp.close();
    hookServer.closeAllConnections();
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
  });

  /** A rule with both channels, saved through the service (which seals the webhook secret). */
  async function ruleWithChannels(
    name: string,
    url = hookUrl,
  ): Promise<{ rule: AlertRuleRow; secret: string }> {
    const saved = await saveRule(
      { db: use().kysely, clock, secrets },
      access,
      ruleIn.parse({
        kind: 'high_reach',
        name,
        channels: { email: ['PR@brand.test', 'ceo@brand.test'], webhookUrl: url },
      }),
    );
    return {
      rule: (await alertsRepo(use().kysely).findRule(access.workspaceId, saved.rule.id))!,
      secret: saved.webhookSecret!,
    };
  }

  async function fired(rule: AlertRuleRow, key: string): Promise<{ email: string; webhook: string }> {
    const ids: string[] = [];
    expect(await fire(deps, rule, firing(key), (id) => Promise.resolve(void ids.push(id)))).toBe(true);
    const rows = await use()
      .kysely.selectFrom('alert_deliveries')
      .select(['id', 'channel'])
      .where('id', 'in', ids)
      .execute();
    return {
      email: rows.find((r) => r.channel === 'email')!.id,
      webhook: rows.find((r) => r.channel === 'webhook')!.id,
    };
  }

  const statusOf = async (id: string) => (await alertsRepo(use().kysely).findDelivery(id))!;

  it('sends the e-mail to a real SMTP server (with authentication) and a signed Slack-compatible webhook', async () => {
    const { rule, secret } = await ruleWithChannels('Big voices');
    const { email, webhook } = await fired(rule, 'mention:m1');
    expect(await sendDelivery(deps, email, false)).toBe('sent');
    expect(await sendDelivery(deps, webhook, false)).toBe('sent');
    // Done is done: a duplicate job sends nothing.
    expect(await sendDelivery(deps, webhook, false)).toBe('skipped');

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('[Hearth] Big voices: @star.example (120,000 followers) mentioned you');
    expect(mail.from?.text).toContain('alerts@brand.test');
    expect(mail.text).toContain('@star.example has 120,000 followers (threshold 10,000).');
    expect(mail.headers.get('x-hearth-alert')).toBeTruthy();
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((address) => address?.value.map((v) => v.address))).toEqual([
      'pr@brand.test',
      'ceo@brand.test',
    ]);

    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    const timestamp = String(hook.headers['x-hearth-timestamp']);
    expect(hook.headers['x-hearth-signature']).toBe(signatureFor(secret, timestamp, hook.body));
    expect(hook.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(hook.body) as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(payload.text).toContain('Big voices');
    expect(payload.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    // Network content cannot ping a channel or forge a link in Slack's mrkdwn.
    expect(payload.blocks[1]?.text?.text).toContain(
      'Hey &lt;!channel&gt; look at &lt;https://evil.example|this&gt; &amp; that',
    );
    expect(JSON.stringify([payload.text, payload.blocks])).not.toContain('<!channel>');

    expect(await statusOf(email)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect((await statusOf(webhook)).sent_at).not.toBeNull();
  });

  it('retries a webhook that fails with 5xx, records the failure, and gives up after the last attempt', async () => {
    const { rule } = await ruleWithChannels('Flaky receiver');
    const { webhook } = await fired(rule, 'mention:m2');
    hookStatus = 503;
    await expect(sendDelivery(deps, webhook, false)).rejects.toThrow(/answered 503/);
    expect(await statusOf(webhook)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      last_error: '127.0.0.1:' + hookUrl.split(':')[2]!.split('/')[0] + ' answered 503',
    });
    expect(await sendDelivery(deps, webhook, true)).toBe('failed');
    expect(await statusOf(webhook)).toMatchObject({ status: 'failed', attempts: 2 });
    // The error names the host, never the path (a chat webhook's path is its secret).
    expect((await statusOf(webhook)).last_error).not.toContain('/hooks/');
    hookStatus = 404;
    const { webhook: second } = await fired(rule, 'mention:m3');
    expect(await sendDelivery(deps, second, false)).toBe('failed');
    hookStatus = 200;
  });

  it('refuses loopback webhooks unless private networks are allowed, without retrying', async () => {
    const { rule } = await ruleWithChannels('Guarded');
    const { webhook } = await fired(rule, 'mention:m4');
    const guarded = { ...deps, fetch: createSafeFetch({ allowPrivateNetworks: false }) };
    expect(await sendDelivery(guarded, webhook, false)).toBe('failed');
    expect((await statusOf(webhook)).last_error).toMatch(
      /loopback and private network addresses are not allowed/,
    );
  });

  it('records e-mail as unavailable when no SMTP server is configured, and a refused login as a retry', async () => {
    const { rule } = await ruleWithChannels('No mail');
    const { email } = await fired(rule, 'mention:m5');
    expect(await sendDelivery({ ...deps, mailer: null }, email, false)).toBe('unavailable');
    expect(await statusOf(email)).toMatchObject({ status: 'unavailable', last_error: NO_SMTP });

    const { email: other } = await fired(rule, 'mention:m6');
    const wrong = createMailer({
      url: `smtp://hearth:wrong@127.0.0.1:${smtp.port}`,
      from: 'x@brand.test',
      timeoutMs: 5_000,
    });
    try {
      await expect(sendDelivery({ ...deps, mailer: wrong }, other, false)).rejects.toThrow(
        /Invalid login|Invalid username/,
      );
    } finally {
      wrong.close();
    }
    const failed = await statusOf(other);
    expect(failed.status).toBe('retrying');
    expect(failed.last_error).not.toContain('wrong');
  });
});
