/**
 * Medium tier, over HTTP: adding Bluesky and Mastodon sources, the 400s that say what to fix, and
 * the list with their settings and health.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../../test/http-harness.js';
import { describeEachDatabase } from '../../db/testing.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

describeEachDatabase('network listening sources over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let base = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    const setUp = await setUpOwner(t.app);
    owner = setUp.owner;
    base = `/api/v1/workspaces/${setUp.workspaceId}/listening/sources`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds a Bluesky source with its defaults and lists it with its settings and health', async () => {
    const added = await owner.post(base, {
      kind: 'bluesky',
      settings: { keywords: ['Maison Lumière', '#lumiere'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      source: expect.objectContaining({
        kind: 'bluesky',
        name: 'Bluesky bsky.network',
        url: 'wss://bsky.network',
        status: 'pending',
        settings: {
          service: 'wss://bsky.network',
          plcUrl: 'https://plc.directory',
          keywords: ['Maison Lumière', '#lumiere'],
          trackAccounts: true,
        },
      }) as unknown,
    });
    const listed = await owner.get(base);
    expect((listed.body as { sources: { kind: string; status: string }[] }).sources).toEqual([
      expect.objectContaining({ kind: 'bluesky', status: 'pending' }),
    ]);
  });

  it('refuses Bluesky settings it cannot use, saying which field and why', async () => {
    const bad = await owner.post(base, {
      kind: 'bluesky',
      settings: { service: 'ftp://relay.example', keywords: ['a', 'say "hi"'] },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as ErrorBody).error.fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'body.settings.service',
          message: expect.stringContaining('ws(s) or http(s)') as unknown,
        }),
        expect.objectContaining({
          path: 'body.settings.keywords.0',
          message: 'must have 2 characters at least',
        }),
        expect.objectContaining({
          path: 'body.settings.keywords.1',
          message: expect.stringContaining('quotes') as unknown,
        }),
      ]),
    );
  });

  it('adds a Mastodon source for hashtags, and refuses one without hashtags or account, or with an unknown account', async () => {
    const added = await owner.post(base, {
      kind: 'mastodon',
      settings: { instanceUrl: 'https://piaille.example/@someone', hashtags: ['#Lumière', 'lampes'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      source: expect.objectContaining({
        kind: 'mastodon',
        name: 'piaille.example #lumière #lampes',
        url: 'https://piaille.example',
        pollIntervalMinutes: 5,
        settings: { instanceUrl: 'https://piaille.example', hashtags: ['lumière', 'lampes'] },
      }) as unknown,
    });
    const none = await owner.post(base, {
      kind: 'mastodon',
      settings: { instanceUrl: 'https://piaille.example' },
    });
    expect(none.status).toBe(400);
    expect((none.body as ErrorBody).error.message).toContain(
      'Follow one hashtag at least, or link a connected Mastodon account',
    );
    const unknown = await owner.post(base, {
      kind: 'mastodon',
      settings: { instanceUrl: 'https://piaille.example', accountId: 'nope' },
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).error.message).toContain(
      'Not a connected Mastodon account of this workspace',
    );
    const spaced = await owner.post(base, {
      kind: 'mastodon',
      settings: { instanceUrl: 'https://piaille.example', hashtags: ['two words'] },
    });
    expect(spaced.status).toBe(400);
    expect((spaced.body as ErrorBody).error.fields).toEqual([
      expect.objectContaining({ path: 'body.settings.hashtags.0' }),
    ]);
  });
});
