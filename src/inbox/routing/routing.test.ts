import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addMember,
  setUpOwner,
  startTestApp,
  type Browser,
  type TestApp,
} from '../../../test/http-harness.js';
import { listeningDeps } from '../../../test/listening-fixtures.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { signatureFor } from '../../connectors/webhook/signature.js';
import { createMailer } from '../../core/mailer.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { describeEachDatabase } from '../../db/testing.js';
import { ingestItems } from '../../listening/ingest.service.js';
import { deliverNotifications } from './notifications.service.js';

describeEachDatabase('inbox routing: rules, round-robin, department notifications', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  const agents: { id: string; email: string }[] = [];
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  let smtp: SmtpPeer;
  let hookServer: ReturnType<typeof createServer>;
  let hookUrl = '';
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}/inbox${path}`;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    hookServer = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        hooks.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/support`;

    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    for (const email of ['ana@brand.test', 'bo@brand.test']) {
      await addMember(t.app, owner, workspaceId, { email, role: 'agent' });
      const user = await use()
        .kysely.selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      agents.push({ id: user.id, email });
    }
    const now = t.clock.now().toISOString();
    await use()
      .kysely.insertInto('connected_accounts')
      .values({
        id: `acc-${workspaceId}`,
        workspace_id: workspaceId,
        network: 'bluesky',
        external_id: 'did:plc:brand',
        handle: 'brand.test',
        display_name: 'Brand',
        url: null,
        followers: 10,
        credentials: 'sealed',
        voice_override: null,
        health: 'ok',
        health_message: null,
        checked_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        removed_at: null,
      })
      .execute();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
    await smtp.close();
  });

  it('refuses rules and settings that point at nothing', async () => {
    expect((await owner.post(api('/rules'), { name: 'Empty', actions: {} })).status).toBe(400);
    expect(
      (await owner.post(api('/rules'), { name: 'Ghost', actions: { notifyDepartmentId: 'nope' } })).status,
    ).toBe(400);
    expect(
      (await owner.post(api('/rules'), { name: 'Stranger', actions: { assign: { userId: 'nobody' } } }))
        .status,
    ).toBe(400);
    expect(
      (
        await owner.post(api('/rules'), {
          name: 'Typo',
          conditions: { sentiment: ['negative'] },
          actions: { close: true },
        })
      ).status,
    ).toBe(400);
    expect((await owner.post(api('/departments'), { name: 'Nobody' })).status).toBe(400);
    expect((await owner.put(api('/settings'), { onDuty: ['nobody'] })).status).toBe(400);
  });

  it('routes each new conversation: tags, priority raised with the rule named, round-robin over those on duty, the department told once', async () => {
    const department = await owner.post(api('/departments'), {
      name: 'Support',
      email: 'support@brand.test',
      webhookUrl: hookUrl,
    });
    expect(department.status).toBe(201);
    const { department: support, webhookSecret } = department.body as {
      department: { id: string };
      webhookSecret: string;
    };
    expect((await owner.put(api('/settings'), { onDuty: agents.map((a) => a.id) })).body).toMatchObject({
      onDuty: agents.map((a) => a.id),
    });
    expect(
      (
        await owner.post(api('/rules'), {
          name: 'Big accounts',
          conditions: { minFollowers: 10_000 },
          actions: {
            addTags: ['vip'],
            raisePriority: 10,
            notifyDepartmentId: support.id,
            assignTeam: support.id,
          },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await owner.post(api('/rules'), {
          name: 'French',
          conditions: { languages: ['fr'] },
          actions: { addTags: ['fr'] },
        })
      ).status,
    ).toBe(201);
    expect(
      (await owner.post(api('/rules'), { name: 'Everyone', actions: { assign: { roundRobin: true } } }))
        .status,
    ).toBe(201);
    expect(
      ((await owner.get(api('/rules'))).body as { items: { name: string }[] }).items.map((r) => r.name),
    ).toEqual(['Big accounts', 'French', 'Everyone']);

    const deps = listeningDeps(use(), t.clock);
    const at = t.clock.now().toISOString();
    await use()
      .kysely.insertInto('listening_sources')
      .values({
        id: `src-${workspaceId}`,
        workspace_id: workspaceId,
        kind: 'import',
        name: 'Reader',
        settings: '{}',
        error_count: 0,
        items_stored: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const item = (n: number, text: string, followers: number) => ({
      id: `at://did:plc:u${n}/app.bsky.feed.post/${n}`,
      network: 'bluesky',
      author: `u${n}.test`,
      text,
      followers,
      createdAt: new Date(t.clock.now().getTime() - (10 - n) * 60_000).toISOString(),
      addressedTo: ['brand.test'],
    });
    await ingestItems(deps, workspaceId, `src-${workspaceId}`, [
      item(1, '@brand.test bonjour, ma commande est arrivée cassée, pouvez-vous m’aider ?', 50_000),
      item(2, '@brand.test hello, do you ship to Belgium?', 20),
      item(3, '@brand.test the new lamp looks great', 30),
    ]);
    const listed = (await owner.get(api('/conversations?sort=newest'))).body as {
      items: {
        author: { handle: string };
        tags: string[];
        assignee: { email: string } | null;
        priority: { reasons: { code: string; detail?: { rule?: string } }[] };
      }[];
    };
    const byAuthor = new Map(listed.items.map((c) => [c.author.handle, c]));
    expect(byAuthor.get('u1.test')?.tags).toEqual(['fr', 'vip']);
    expect(byAuthor.get('u1.test')?.priority.reasons).toContainEqual({
      code: 'rule',
      points: 10,
      detail: { rule: 'Big accounts' },
    });
    expect(byAuthor.get('u2.test')?.tags).toEqual([]);
    // Round-robin in arrival order: Ana, Bo, Ana.
    expect(['u1.test', 'u2.test', 'u3.test'].map((h) => byAuthor.get(h)?.assignee?.email)).toEqual([
      'ana@brand.test',
      'bo@brand.test',
      'ana@brand.test',
    ]);

    // The big account's conversation is in Support's hands; a team can be set and cleared by hand.
    const supportQueue = (await owner.get(api(`/conversations?team=${support.id}`))).body as {
      items: { id: string; team: { name: string } | null }[];
    };
    expect(supportQueue.items).toHaveLength(1);
    expect(supportQueue.items[0]?.team).toEqual({ id: support.id, name: 'Support' });
    const vipId = supportQueue.items[0]!.id;
    expect((await owner.patch(api(`/conversations/${vipId}`), { team: null })).body).toMatchObject({
      team: null,
    });
    expect((await owner.patch(api(`/conversations/${vipId}`), { team: 'nope' })).status).toBe(400);
    expect(
      ((await owner.get(api('/conversations?team=none'))).body as { items: unknown[] }).items,
    ).toHaveLength(3);
    expect((await owner.patch(api(`/conversations/${vipId}`), { team: support.id })).body).toMatchObject({
      team: { name: 'Support' },
    });

    const report = await deliverNotifications({
      db: use().kysely,
      clock: t.clock,
      logger: deps.logger,
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
      secrets: t.publishing.deps.secrets,
      mailer: createMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Hearth <hearth@brand.test>' }),
    });
    expect(report).toEqual({ sent: 2, failed: 0, unavailable: 0, retrying: 0 });
    expect(smtp.mails.map((mail) => mail.subject)).toEqual(['[Hearth] Support: Big accounts']);
    expect(smtp.mails[0]?.text).toContain('@u1.test on bluesky');
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.headers['x-hearth-signature']).toBe(
      signatureFor(webhookSecret, String(hook.headers['x-hearth-timestamp']), hook.body),
    );
    expect(JSON.parse(hook.body)).toMatchObject({
      text: expect.stringContaining('Big accounts: @u1.test on bluesky') as unknown,
    });
    // Sent once: nothing left to send.
    expect(
      await deliverNotifications({
        db: use().kysely,
        clock: t.clock,
        logger: deps.logger,
        fetch: createSafeFetch({ allowPrivateNetworks: true }),
        secrets: t.publishing.deps.secrets,
        mailer: null,
      }),
    ).toEqual({
      sent: 0,
      failed: 0,
      unavailable: 0,
      retrying: 0,
    });
  });
});
