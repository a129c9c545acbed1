/**
 * The inbox on Mastodon, against the in-repo fake (Mastodon's documented JSON on loopback: no real
 * server runs here): a mention notification of the connected account becomes a conversation through
 * the Mastodon listening source; the reply goes out from that account as a reply to the status, once
 * even when sent twice; their answer to our reply joins the same conversation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeMastodon, type FakeMastodon } from '../../test/fake-mastodon/index.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { listeningDeps } from '../../test/listening-fixtures.js';
import { createSafeFetch } from '../core/safe-fetch.js';
import { describeEachDatabase } from '../db/testing.js';
import { pollSource, type PollDeps } from '../listening/poll.service.js';

describeEachDatabase('the inbox on Mastodon (fake)', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  let mastodon: FakeMastodon;
  let sourceId = '';
  let deps: PollDeps;
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}${path}`;
  /** The source polls when due: move the clock there, then poll. */
  const poll = async () => {
    const row = await use()
      .kysely.selectFrom('listening_sources')
      .select('next_poll_at')
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow();
    if (row.next_poll_at && Date.parse(row.next_poll_at) > t.clock.now().getTime()) {
      t.clock.set(new Date(row.next_poll_at));
    }
    return pollSource(deps, sourceId);
  };

  beforeAll(async () => {
    mastodon = await startFakeMastodon();
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    const connected = await owner.post(api('/accounts'), {
      network: 'mastodon',
      credentials: { instanceUrl: mastodon.url, accessToken: mastodon.tokenFor('brand') },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    const accountId = (connected.body as { id: string }).id;
    const source = await owner.post(api('/listening/sources'), {
      kind: 'mastodon',
      settings: { instanceUrl: mastodon.url, hashtags: [], accountId },
    });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    sourceId = (source.body as { source: { id: string } }).source.id;
    deps = {
      ...listeningDeps(use(), t.clock),
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
      secrets: t.publishing.deps.secrets,
    };
  });
  afterAll(async () => {
    await t.close();
    await mastodon.close();
  });

  it('turns a mention into a conversation, replies once as a reply to the status, and threads their answer', async () => {
    const mention = mastodon.publish('dave', '@brand my desk lamp flickers, is that normal?');
    expect(await poll()).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    const listed = (await owner.get(api('/inbox/conversations'))).body as {
      items: { id: string; network: string; author: { handle: string } }[];
    };
    expect(listed.items).toHaveLength(1);
    const conversation = listed.items[0]!;
    expect(conversation.network).toBe('mastodon');
    expect(conversation.author.handle).toMatch(/^dave@/);

    const body = {
      text: 'Hello, it should not: we send you a new bulb today.',
      idempotencyKey: 'mastodon-reply-1',
    };
    const sent = await owner.post(api(`/inbox/conversations/${conversation.id}/replies`), body);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect((sent.body as { message: { status: string } }).message.status).toBe('sent');
    const again = await owner.post(api(`/inbox/conversations/${conversation.id}/replies`), body);
    expect((again.body as { message: { id: string } }).message.id).toBe(
      (sent.body as { message: { id: string } }).message.id,
    );
    const replies = mastodon.statuses().filter((status) => status.inReplyToId === mention.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ accountId: mastodon.accountId('brand'), text: body.text });

    // Dave answers our reply: the same conversation, open and waiting again.
    mastodon.publish('dave', '@brand thank you, that was fast!', { inReplyToId: replies[0]!.id });
    expect(await poll()).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    const thread = (await owner.get(api(`/inbox/conversations/${conversation.id}`))).body as {
      conversation: { messageCount: number; awaitingSince: string | null };
      messages: { kind: string }[];
    };
    expect(thread.messages.map((m) => m.kind)).toEqual(['inbound', 'reply', 'inbound']);
    expect(thread.conversation.awaitingSince).not.toBeNull();
    expect(((await owner.get(api('/inbox/conversations'))).body as { items: unknown[] }).items).toHaveLength(
      1,
    );
  });
  it('blocks the author on Mastodon (looked up by handle); hiding a reply is refused there', async () => {
    const listed = (await owner.get(api('/inbox/conversations'))).body as { items: { id: string }[] };
    const id = listed.items[0]!.id;
    expect((await owner.post(api(`/inbox/conversations/${id}/block`), {})).status).toBe(200);
    expect(mastodon.blockedBy('brand')).toEqual(['dave']);
    const refused = await owner.post(api(`/inbox/conversations/${id}/hide`), {});
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/Mastodon does not let an account hide/);
  });
  it('answers a direct message privately: the reply is never more public than what it answers', async () => {
    const secret = mastodon.publish('erin', '@brand my order number is 4471, my address changed', {
      visibility: 'direct',
    });
    expect(await poll()).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    const found = (await owner.get(api('/inbox/conversations?search=4471'))).body as {
      items: { id: string }[];
    };
    expect(found.items).toHaveLength(1);
    const sent = await owner.post(api(`/inbox/conversations/${found.items[0]!.id}/replies`), {
      text: 'Thank you, we have updated it.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const reply = mastodon.statuses().find((status) => status.inReplyToId === secret.id);
    expect(reply).toMatchObject({ visibility: 'direct', text: 'Thank you, we have updated it.' });
  });
});
