// The fake itself, spoken to with plain fetch: the documented behaviours other tests rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMastodon, type FakeMastodon } from './index.js';

describe('fake Mastodon', () => {
  let mastodon: FakeMastodon;
  let token: string;
  const call = (path: string, init: RequestInit = {}, bearer: string | null = token): Promise<Response> =>
    fetch(`${mastodon.url}${path}`, {
      ...init,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        ...(init.headers as Record<string, string>),
      },
    });
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    call('/api/v1/statuses', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });

  beforeAll(async () => {
    mastodon = await startFakeMastodon();
    token = mastodon.tokenFor('brand');
  });
  afterAll(async () => {
    await mastodon.close();
  });

  it('authenticates with Bearer tokens and answers 401 with Mastodon’s error otherwise', async () => {
    const me = await call('/api/v1/accounts/verify_credentials');
    expect(await me.json()).toMatchObject({
      username: 'brand',
      acct: 'brand',
      display_name: 'Brand',
      followers_count: 0,
    });
    const refused = await call('/api/v1/accounts/verify_credentials', {}, 'wrong');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'The access token is invalid' });
    expect((await call('/api/v1/apps/verify_credentials')).status).toBe(200);
  });

  it('publishes the instance limits in v2 instance', async () => {
    const instance = (await (await call('/api/v2/instance', {}, null)).json()) as {
      configuration: { statuses: { max_characters: number } };
    };
    expect(instance.configuration.statuses.max_characters).toBe(500);
  });

  it('honours the Idempotency-Key per account and refuses over-long text with 422', async () => {
    const first = (await (
      await post({ status: 'Hello https://example.com/a' }, { 'idempotency-key': 'k1' })
    ).json()) as { id: string; content: string };
    const again = (await (
      await post({ status: 'Hello https://example.com/a' }, { 'idempotency-key': 'k1' })
    ).json()) as { id: string };
    expect(again.id).toBe(first.id);
    expect(first.content).toContain('<span class="invisible">https://</span>');
    const other = mastodon.tokenFor('other');
    const fromOther = (await (
      await call(
        '/api/v1/statuses',
        {
          method: 'POST',
          body: JSON.stringify({ status: 'x' }),
          headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
        },
        other,
      )
    ).json()) as { id: string };
    expect(fromOther.id).not.toBe(first.id);
    const tooLong = await post({ status: 'a'.repeat(501) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toEqual({
      error: 'Validation failed: Text character limit of 500 exceeded',
    });
    // A URL counts as 23, whatever its length.
    expect((await post({ status: `${'a'.repeat(470)} https://example.com/${'p'.repeat(100)}` })).status).toBe(
      200,
    );
  });

  it('uploads media from multipart with its description, and attaches it', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
    form.append('description', 'A kite');
    const media = (await (await call('/api/v2/media', { method: 'POST', body: form })).json()) as {
      id: string;
      description: string;
    };
    expect(media.description).toBe('A kite');
    const status = (await (await post({ status: '', media_ids: [media.id] })).json()) as {
      media_attachments: { id: string }[];
    };
    expect(status.media_attachments.map((item) => item.id)).toEqual([media.id]);
  });

  it('pages an account’s statuses newest first with max_id', async () => {
    const id = mastodon.accountId('brand') ?? '';
    const page = (await (await call(`/api/v1/accounts/${id}/statuses?limit=2`)).json()) as { id: string }[];
    const next = (await (
      await call(`/api/v1/accounts/${id}/statuses?limit=2&max_id=${page[1]?.id ?? ''}`)
    ).json()) as { id: string }[];
    const all = mastodon
      .statuses()
      .filter((status) => status.accountId === id)
      .map((status) => status.id)
      .reverse();
    expect([...page, ...next].map((status) => status.id)).toEqual(all.slice(0, 4));
  });

  it('injects faults: a status code with headers, then a request processed but never answered', async () => {
    mastodon.faults.inject(
      { kind: 'status', status: 429, headers: { 'x-ratelimit-reset': '2030-01-01T00:00:00.000Z' } },
      { method: 'POST' },
    );
    const limited = await post({ status: 'later' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2030-01-01T00:00:00.000Z');

    const before = mastodon.statuses().length;
    mastodon.faults.inject({ kind: 'hang', when: 'after' }, { path: '/api/v1/statuses' });
    const noAnswer = new Promise((resolve) => setTimeout(() => resolve('no answer'), 200));
    const lost = await Promise.race([
      post({ status: 'lost answer' }, { 'idempotency-key': 'lost' }).then(() => 'answered'),
      noAnswer,
    ]);
    expect(lost).toBe('no answer');
    expect(mastodon.statuses().length).toBe(before + 1);
    // The retry with the same key gets the status the lost answer was about.
    const retried = (await (await post({ status: 'lost answer' }, { 'idempotency-key': 'lost' })).json()) as {
      id: string;
    };
    expect(retried.id).toBe(mastodon.statuses().at(-1)?.id);
  });
});
