/**
 * The inbox on a real local Bluesky network: a community account mentions the brand and replies in
 * a chain; the mentions (as listening's readers hand them over: addressed to the brand, with the
 * network reference) become conversations; Hearth's reply exists on the network as a reply to that
 * post, once, even when the request is sent again; an aggressive reply is refused with the finding.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startBlueskyNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../../test/bluesky-network.js';
import { setUpOwner, startTestApp, addMember, type Browser, type TestApp } from '../../test/http-harness.js';
import { listeningDeps, testClock } from '../../test/listening-fixtures.js';
import { encodePostRef } from '../connectors/bluesky/post-ref.js';
import { describeEachDatabase } from '../db/testing.js';
import { ingestItems } from '../listening/ingest.service.js';
import type { IncomingItem } from '../listening/items.js';
import { addSource } from '../listening/sources.service.js';
import { createSecretBox } from '../core/secret-box.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';

let network: BlueskyTestNetwork;
beforeAll(async () => {
  network = await startBlueskyNetwork();
});
afterAll(() => network?.close());

interface Conversation {
  id: string;
  status: string;
  messageCount: number;
  priority: { score: number; reasons: { code: string }[] };
  sla: { target: string; overdue: boolean } | null;
  awaitingSince: string | null;
  firstResponseAt: string | null;
  assignee: { email: string } | null;
}
interface Message {
  id: string;
  kind: string;
  status: string;
  text: string;
  url: string | null;
}

describeEachDatabase('the inbox on a real local Bluesky network', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  let brand: TestAccount;
  let customer: TestAccount;
  let other: TestAccount;
  let sourceId = '';
  let lastItem: IncomingItem | undefined;
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}/inbox${path}`;

  /** What the Bluesky reader hands listening for a post addressed to the brand. */
  async function mentionFrom(
    author: TestAccount,
    text: string,
    replyTo?: { uri: string; cid: string; root: { uri: string; cid: string } },
  ) {
    const created = await author.agent.post({
      text,
      ...(replyTo ? { reply: { parent: { uri: replyTo.uri, cid: replyTo.cid }, root: replyTo.root } } : {}),
    });
    const root = replyTo?.root ?? { uri: created.uri, cid: created.cid };
    lastItem = {
      id: created.uri,
      network: 'bluesky',
      author: author.handle,
      text,
      createdAt: new Date().toISOString(),
      followers: 12_000,
      replyTo: replyTo?.uri ?? null,
      threadRoot: root.uri,
      ref: encodePostRef({ uri: created.uri, cid: created.cid, root }),
      addressedTo: [brand.did],
    };
    await ingestItems(listeningDeps(use(), testClock()), workspaceId, sourceId, [lastItem]);
    return { uri: created.uri, cid: created.cid, root };
  }

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    await addMember(t.app, owner, workspaceId, { email: 'agent@brand.test', role: 'agent' });
    [brand, customer, other] = await Promise.all([
      network.createAccount(),
      network.createAccount(),
      network.createAccount(),
    ]);
    const connected = await owner.post(`/api/v1/workspaces/${workspaceId}/accounts`, {
      network: 'bluesky',
      credentials: { handle: brand.handle, appPassword: brand.appPassword, service: network.service },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    const membership = await use()
      .kysely.selectFrom('memberships')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const access: WorkspaceAccess = { workspaceId, userId: membership.user_id, role: 'owner' };
    sourceId = (
      await addSource(
        { db: use().kysely, clock: testClock(), secrets: createSecretBox(randomBytes(32)) },
        access,
        { kind: 'import', name: 'Bluesky reader' },
      )
    ).source.id;
  });
  afterAll(() => t.close());

  it('threads a mention and the replies of its chain into one conversation; another person is another', async () => {
    const first = await mentionFrom(customer, `@${brand.handle} my lamp arrived broken, can you help me?`);
    const listed = (await owner.get(api('/conversations'))).body as { items: Conversation[] };
    expect(listed.items).toHaveLength(1);
    const conversation = listed.items[0]!;
    expect(conversation).toMatchObject({
      status: 'open',
      messageCount: 1,
      sla: { target: 'first_response', overdue: false },
    });
    expect(conversation.priority.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['reach']));

    await mentionFrom(customer, 'Still waiting, the base is cracked', first);
    await mentionFrom(other, `@${brand.handle} do you ship to Belgium?`);
    const again = (await owner.get(api('/conversations?sort=newest'))).body as { items: Conversation[] };
    expect(again.items).toHaveLength(2);
    expect(again.items.find((c) => c.id === conversation.id)?.messageCount).toBe(2);

    // The same post met again (a second reader, a restart) is not a second message.
    const report = await ingestItems(listeningDeps(use(), testClock()), workspaceId, sourceId, [lastItem!]);
    expect(report).toMatchObject({ stored: 0, duplicates: 1 });
    // Search reads every message of theirs (the second one here) and matches a handle exactly.
    const found = (await owner.get(api('/conversations?search=CRACKED'))).body as { items: Conversation[] };
    expect(found.items.map((c) => c.id)).toEqual([conversation.id]);
    const byHandle = (await owner.get(api(`/conversations?search=${encodeURIComponent(`@${other.handle}`)}`)))
      .body as { items: Conversation[] };
    expect(byHandle.items).toHaveLength(1);
    expect(byHandle.items[0]?.id).not.toBe(conversation.id);
    expect(
      ((await owner.get(api('/conversations?search=belgium%20cracked'))).body as { items: unknown[] }).items,
    ).toEqual([]);
    const detail = (await owner.get(api(`/conversations/${conversation.id}`))).body as {
      messages: Message[];
    };
    expect(detail.messages.map((m) => m.kind)).toEqual(['inbound', 'inbound']);
  });

  it('replies once on the network, as a reply to their post, even when the request is sent again', async () => {
    const list = (await owner.get(api('/conversations?sort=newest'))).body as { items: Conversation[] };
    const conversation = list.items.find((c) => c.messageCount === 2)!;
    const saved = await owner.post(api('/saved-replies'), {
      name: 'Sorry',
      text: 'Hello {{firstName}}, we are sorry about your lamp: a new one leaves today. {{agentName}}',
    });
    expect(saved.status).toBe(201);
    const body = {
      savedReplyId: (saved.body as { id: string }).id,
      idempotencyKey: 'reply-key-0001',
      then: 'pending',
    };
    const [sent, sentAgain] = [
      await owner.post(api(`/conversations/${conversation.id}/replies`), body),
      await owner.post(api(`/conversations/${conversation.id}/replies`), body),
    ];
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const message = (sent.body as { message: Message }).message;
    expect(message).toMatchObject({ kind: 'reply', status: 'sent' });
    expect(message.text).toMatch(/^Hello .*sorry about your lamp.*Camille Durand$/);
    expect((sentAgain.body as { message: Message }).message.id).toBe(message.id);

    const records = await brand.agent.com.atproto.repo.listRecords({
      repo: brand.did,
      collection: 'app.bsky.feed.post',
    });
    const replies = records.data.records.filter(
      (record) => (record.value as { text: string }).text === message.text,
    );
    expect(replies).toHaveLength(1);
    const reply = replies[0]!.value as { reply: { parent: { uri: string } } };
    const thread = (await owner.get(api(`/conversations/${conversation.id}`))).body as {
      conversation: Conversation;
      messages: Message[];
    };
    expect(reply.reply.parent.uri).toMatch(/^at:\/\//);
    expect(thread.conversation).toMatchObject({ status: 'pending', awaitingSince: null, sla: null });
    expect(thread.conversation.firstResponseAt).not.toBeNull();
    expect(thread.messages.map((m) => m.kind)).toEqual(['inbound', 'inbound', 'reply']);
  });

  it('refuses an aggressive reply with the finding, and sends nothing', async () => {
    const list = (await owner.get(api('/conversations?status=open'))).body as { items: Conversation[] };
    const conversation = list.items[0]!;
    const before = (
      await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post' })
    ).data.records.length;
    const refused = await owner.post(api(`/conversations/${conversation.id}/replies`), {
      text: 'Read the FAQ, stupid. We already told you idiots a hundred times!',
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/check\.tone/);
    expect(
      (await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post' }))
        .data.records.length,
    ).toBe(before);
  });

  it('assigns, snoozes, tags, notes and closes; a new message reopens', async () => {
    const list = (await owner.get(api('/conversations?status=open'))).body as { items: Conversation[] };
    const id = list.items[0]!.id;
    expect(
      (
        await owner.patch(api(`/conversations/${id}`), {
          assignee: 'agent@brand.test',
          tags: ['shipping', 'shipping', 'belgium'],
        })
      ).body,
    ).toMatchObject({
      assignee: { email: 'agent@brand.test' },
      tags: ['belgium', 'shipping'],
    });
    expect((await owner.patch(api(`/conversations/${id}`), { assignee: 'stranger@else.test' })).status).toBe(
      400,
    );
    expect((await owner.patch(api(`/conversations/${id}`), { status: 'snoozed' })).status).toBe(400);
    expect(
      (
        await owner.patch(api(`/conversations/${id}`), {
          status: 'snoozed',
          snoozedUntil: '2099-01-01T00:00:00Z',
        })
      ).body,
    ).toMatchObject({ status: 'snoozed' });
    expect(
      (await owner.post(api(`/conversations/${id}/notes`), { text: 'Check the carrier first' })).status,
    ).toBe(201);
    expect((await owner.patch(api(`/conversations/${id}`), { status: 'closed' })).body).toMatchObject({
      status: 'closed',
    });
    expect(
      ((await owner.get(api('/conversations?assignee=none'))).body as { items: unknown[] }).items.length,
    ).toBeGreaterThanOrEqual(1);
    expect((await owner.get(api('/conversations/nope'))).status).toBe(404);
  });
  it('hides a reply under our post and blocks its author, on the network, with a note each', async () => {
    const ours = await brand.agent.post({ text: 'Our new Aurore lamp is here.' });
    const root = { uri: ours.uri, cid: ours.cid };
    const rude = await mentionFrom(other, 'Too bad it only comes in grey', { ...root, root });
    // Every item here is stored at the harness's fixed time: find the conversation by what it says.
    const listed = (await owner.get(api('/conversations?search=grey'))).body as { items: Conversation[] };
    expect(listed.items).toHaveLength(1);
    const id = listed.items[0]!.id;

    const hidden = await owner.post(api(`/conversations/${id}/hide`), {});
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body).toMatchObject({
      kind: 'note',
      text: expect.stringMatching(/^Hid this reply from @.* on Bluesky/) as unknown,
    });
    const gate = await brand.agent.com.atproto.repo.getRecord({
      repo: brand.did,
      collection: 'app.bsky.feed.threadgate',
      rkey: ours.uri.split('/').pop()!,
    });
    expect(gate.data.value as { hiddenReplies: string[]; post: string }).toMatchObject({
      post: ours.uri,
      hiddenReplies: [rude.uri],
    });

    expect((await owner.post(api(`/conversations/${id}/block`), {})).status).toBe(200);
    expect((await owner.post(api(`/conversations/${id}/block`), {})).status).toBe(200);
    const blocks = await brand.agent.com.atproto.repo.listRecords({
      repo: brand.did,
      collection: 'app.bsky.graph.block',
    });
    expect(blocks.data.records.map((record) => (record.value as { subject: string }).subject)).toEqual([
      other.did,
    ]);
    const thread = (await owner.get(api(`/conversations/${id}`))).body as {
      conversation: { tags: string[] };
      messages: { kind: string }[];
    };
    expect(thread.conversation.tags).toEqual(['blocked', 'hidden']);
    expect(thread.messages.filter((m) => m.kind === 'note')).toHaveLength(3);

    // A mention that answers nothing of ours cannot be hidden from it.
    await mentionFrom(other, `@${brand.handle} one more thing`);
    const mention = ((await owner.get(api('/conversations?search=thing'))).body as { items: Conversation[] })
      .items[0]!;
    const refused = await owner.post(api(`/conversations/${mention.id}/hide`), {});
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/not a reply/);
  });
});
