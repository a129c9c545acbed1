/**
 * Settling unknown outcomes on a network that cannot be read back (a webhook, like Mastodon): a
 * recently interrupted attempt is resent with the same idempotency key; one interrupted too long ago
 * is left unconfirmed rather than risk a second post. Against a real HTTP receiver on loopback.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { attemptPublish, DEFAULT_PUBLISH_OPTIONS, RESEND_WINDOW_MS } from './publish.service.js';

interface Delivery {
  key: string;
  type: string;
  text?: string;
}

describeEachDatabase('publishing to a webhook: unknown outcomes', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  let accountId = '';
  const deliveries: Delivery[] = [];
  let server: http.Server;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; text?: string };
        deliveries.push({ key: String(request.headers['x-hearth-idempotency-key'] ?? ''), type: body.type, ...(body.text ? { text: body.text } : {}) });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `rcv-${deliveries.length}` }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const connected = await owner.post(`/api/v1/workspaces/${workspaceId}/accounts`, { network: 'webhook', credentials: { url, secret: 'a-shared-secret-of-some-length' } });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    accountId = (connected.body as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A scheduled post whose first attempt was claimed `minutesAgo` and never recorded (its process died). */
  async function interruptedPost(text: string, minutesAgo: number): Promise<string> {
    const created = (await owner.post(`/api/v1/workspaces/${workspaceId}/posts`, { text, accountIds: [accountId], language: 'en' })).body as { id: string; targets: { id: string }[] };
    const scheduled = await owner.post(`/api/v1/workspaces/${workspaceId}/posts/${created.id}/schedule`, {});
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const targetId = created.targets[0]!.id;
    const then = new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString();
    await use()
      .kysely.updateTable('post_targets')
      .set({ status: 'publishing', attempts: 1, outcome_pending: 1, first_attempt_at: then, lease_until: then })
      .where('id', '=', targetId)
      .execute();
    return targetId;
  }

  it('publishes once, signed, with the target id as idempotency key', async () => {
    const created = (await owner.post(`/api/v1/workspaces/${workspaceId}/posts`, { text: 'Our spring collection is out today in every shop.', accountIds: [accountId], language: 'en' })).body as { id: string; targets: { id: string }[] };
    await owner.post(`/api/v1/workspaces/${workspaceId}/posts/${created.id}/schedule`, {});
    expect(await t.publishing.runDue()).toEqual(['published']);
    expect(deliveries.filter((d) => d.type === 'post')).toEqual([{ key: created.targets[0]!.id, type: 'post', text: 'Our spring collection is out today in every shop.' }]);
  });

  it('resends a recently interrupted attempt with the same key', async () => {
    const targetId = await interruptedPost('A post whose first attempt was interrupted a minute ago.', 1);
    expect(await attemptPublish(t.publishing.deps, targetId, DEFAULT_PUBLISH_OPTIONS)).toBe('published');
    expect(deliveries.filter((d) => d.key === targetId)).toHaveLength(1);
  });

  it('leaves an attempt interrupted too long ago unconfirmed, sending nothing', async () => {
    const before = deliveries.length;
    const targetId = await interruptedPost('A post whose first attempt was interrupted long ago.', RESEND_WINDOW_MS / 60_000 + 5);
    expect(await attemptPublish(t.publishing.deps, targetId, DEFAULT_PUBLISH_OPTIONS)).toBe('unconfirmed');
    expect(deliveries.length).toBe(before);
    const target = await use().kysely.selectFrom('post_targets').select(['status', 'last_error']).where('id', '=', targetId).executeTakeFirstOrThrow();
    expect(target.status).toBe('unconfirmed');
    expect(target.last_error).toMatch(/check the account/);
  });
});
