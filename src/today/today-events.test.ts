import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { describeEachDatabase } from '../db/testing.js';
import { seedConversation } from './today.fixtures.js';

// Monday 30 March 2026, 14:00 in Paris: inside the default business hours.
const NOW = Date.parse('2026-03-30T12:00:00.000Z');

describeEachDatabase('Today, live (server-sent events)', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  let origin = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    t.clock.set(new Date(NOW));
    ({ owner, workspaceId } = await setUpOwner(t.app));
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('tells the page when the list changes — an item arrives, an item is done — and refuses strangers', async () => {
    const api = `/api/v1/workspaces/${workspaceId}`;
    const response = await fetch(`${origin}${api}/today/events`, { headers: { cookie: owner.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // One read in flight at a time: a read abandoned to a timeout would swallow its chunk.
    let pending: ReturnType<typeof reader.read> | null = null;
    /** Reads the stream until `pattern` has matched `times` times (or fails after 10 s). */
    const waitFor = async (pattern: RegExp, times = 1): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while ((received.match(new RegExp(pattern.source, 'g')) ?? []).length < times) {
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
    };
    await waitFor(/: connected/);
    const empty = (await owner.get(`${api}/today`)).body as { fingerprint: string; items: unknown[] };
    expect(empty.items).toEqual([]);

    // A conversation an hour and a half late, stored by "another process": straight into the database.
    const id = await seedConversation(use().kysely, workspaceId, {
      awaitingSince: new Date(NOW - 90 * 60_000).toISOString(),
      reasons: [{ code: 'complaint', points: 20 }],
    });
    await waitFor(/event: change\ndata: \{"fingerprint":"[\w-]+"\}/);
    const listed = (await owner.get(`${api}/today`)).body as { fingerprint: string; items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toEqual([`conversation:${id}`]);
    expect(received).toContain(`"fingerprint":"${listed.fingerprint}"`);

    expect((await owner.patch(`${api}/inbox/conversations/${id}`, { status: 'closed' })).status).toBe(200);
    await waitFor(/event: change/, 2);
    expect(received).toContain(`"fingerprint":"${empty.fingerprint}"`);
    await reader.cancel();

    const stranger = await fetch(`${origin}${api}/today/events`);
    expect(stranger.status).toBe(401);
    const elsewhere = await fetch(`${origin}/api/v1/workspaces/nope/today/events`, {
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(elsewhere.status).toBe(404);
  });
});
