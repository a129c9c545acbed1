import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { describeEachDatabase } from '../db/testing.js';
import { newId } from '../core/ids.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A conversation as threading would have made it (the threading itself is tested on Bluesky). */
async function seedConversation(db: Kysely<Database>, workspaceId: string, at: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('conversations')
    .values({
      id,
      workspace_id: workspaceId,
      account_id: null,
      network: 'bluesky',
      thread_key: `at://thread/${id}`,
      status: 'open',
      snoozed_until: null,
      assignee_id: null,
      priority: 10,
      priority_reasons: '[]',
      tags: '[]',
      spam: 0,
      subject: 'Where is my order?',
      author_handle: 'ana.test',
      author_name: 'Ana',
      author_followers: 10,
      last_sentiment: 'neutral',
      last_intents: '["question"]',
      first_inbound_at: at,
      last_inbound_at: at,
      last_outbound_at: null,
      first_response_at: null,
      awaiting_since: at,
      message_count: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

describeEachDatabase('inbox changes, live (server-sent events)', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  let origin = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('streams the ids of conversations that change — new ones, status changes, bulk changes — and refuses strangers', async () => {
    const api = `/api/v1/workspaces/${workspaceId}/inbox`;
    const before = await seedConversation(use().kysely, workspaceId, t.clock.now().toISOString());
    const response = await fetch(`${origin}${api}/events`, { headers: { cookie: owner.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // One read in flight at a time: a read abandoned to a timeout would swallow its chunk.
    let pending: ReturnType<typeof reader.read> | null = null;
    /** Reads the stream until `pattern` shows up (or fails after 5 s). */
    const waitFor = async (pattern: RegExp): Promise<string> => {
      const deadline = Date.now() + 5_000;
      while (!pattern.test(received)) {
        if (Date.now() > deadline) {
          throw new Error(`no event matching ${String(pattern)} in ${JSON.stringify(received)}`);
        }
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 500)),
        ]);
        if (chunk) {
          pending = null;
          if (!chunk.done) {
            received += decoder.decode(chunk.value as Uint8Array);
          }
        }
      }
      return received;
    };
    await waitFor(/: connected/);

    t.clock.advance(1_000);
    const arrived = await seedConversation(use().kysely, workspaceId, t.clock.now().toISOString());
    await waitFor(new RegExp(`event: change\\ndata: \\{"conversationIds":\\["${arrived}"\\]\\}`));
    // What was there before the stream opened is not reported as a change.
    expect(received).not.toContain(before);

    expect(
      (
        await owner.post(`${api}/conversations/bulk`, {
          ids: [before, arrived],
          changes: { status: 'closed' },
        })
      ).status,
    ).toBe(200);
    await waitFor(new RegExp(before));
    expect(
      (await owner.post(`${api}/conversations/bulk`, { ids: [before, 'nope'], changes: { status: 'open' } }))
        .status,
    ).toBe(404);
    const still = (await owner.get(`${api}/conversations/${before}`)).body as {
      conversation: { status: string };
    };
    expect(still.conversation.status).toBe('closed');
    await reader.cancel();

    const stranger = await fetch(`${origin}${api}/events`);
    expect(stranger.status).toBe(401);
  });
});
