/**
 * Medium tier: the Mastodon connector against the in-repo fake Mastodon (test/fake-mastodon, real
 * HTTP on loopback) through the real SSRF guard (private networks allowed for loopback). The contract
 * first, then what is Mastodon's own: instance limits, the Idempotency-Key, media processing, error
 * mapping and the settling of an unknown outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMastodon, type FakeMastodon } from '../../../test/fake-mastodon/index.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { describeConnectorContract, TINY_PNG } from '../contract.suite.js';
import {
  isConnectorError,
  type Connection,
  type ConnectorContext,
  type ConnectorErrorKind,
} from '../types.js';
import { mastodonConnector } from './mastodon.connector.js';
import { mastodonCredentialsSchema } from './mastodon.credentials.js';

const context = (timeoutMs = 5_000, allowPrivateNetworks = true): ConnectorContext => ({
  fetch: createSafeFetch({ allowPrivateNetworks }),
  timeoutMs,
  now: () => new Date(),
});

let accounts = 0;
const nextUsername = (): string => `brand${++accounts}`;

let contractServer: FakeMastodon | undefined;

describeConnectorContract(
  'mastodon',
  async () => {
    const server = await startFakeMastodon();
    contractServer = server;
    return {
      connector: mastodonConnector,
      account: async () => ({
        credentials: { instanceUrl: server.url, accessToken: server.tokenFor(nextUsername()) },
        context: context(),
      }),
      badCredentials: async () => ({ instanceUrl: server.url, accessToken: 'not-a-token' }),
    };
  },
  async () => {
    await contractServer?.close();
  },
);

interface Failure {
  kind: ConnectorErrorKind;
  message: string;
  details: { status?: number; retryAfterMs?: number };
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isConnectorError(error)) {
    throw new Error(`expected a ConnectorError, got ${String(error)}`);
  }
  return { kind: error.kind, message: error.message, details: error.details };
}

describe('Mastodon connector on the fake server', () => {
  let server: FakeMastodon;
  const connect = (username = nextUsername(), timeoutMs?: number): Connection =>
    mastodonConnector.connect(
      { instanceUrl: server.url, accessToken: server.tokenFor(username) },
      context(timeoutMs),
    );

  beforeAll(async () => {
    server = await startFakeMastodon({ maxCharacters: 1_000, mediaProcessingPolls: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('verify reads the account and adopts the instance’s limits', async () => {
    const username = nextUsername();
    const connection = connect(username);
    expect(connection.limits.maxTextLength).toBe(500);
    const profile = await connection.verify();
    expect(profile).toEqual({
      externalId: server.accountId(username),
      handle: `${username}@${new URL(server.url).host}`,
      displayName: username.charAt(0).toUpperCase() + username.slice(1),
      followers: 0,
      url: `${server.url}/@${username}`,
    });
    expect(connection.limits).toMatchObject({
      maxTextLength: 1_000,
      countBy: 'graphemes',
      maxImages: 4,
      maxAltTextLength: 1_500,
    });
  });

  it('sends the idempotency key as Idempotency-Key, the reply target and the language', async () => {
    const connection = connect();
    const parent = await connection.publish({ idempotencyKey: 'parent-1', text: 'Question?' });
    const reply = await connection.publish({
      idempotencyKey: 'reply-1',
      text: 'Answer.',
      replyTo: parent.ref,
      language: 'fr-CA',
    });
    const post = server
      .requests()
      .filter((request) => request.method === 'POST' && request.url === '/api/v1/statuses')
      .at(-1);
    expect(post?.headers['idempotency-key']).toBe('reply-1');
    expect(server.statuses().find((status) => status.id === reply.externalId)).toMatchObject({
      inReplyToId: parent.externalId,
      language: 'fr',
    });
    expect(reply.url).toMatch(new RegExp(`^${server.url}/@brand\\d+/${reply.externalId}$`));
  });

  it('uploads images with their alt text and waits for Mastodon to process them', async () => {
    const connection = connect();
    const published = await connection.publish({
      idempotencyKey: 'with-image',
      text: 'Look',
      images: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'One red pixel' }],
    });
    const status = server.statuses().find((candidate) => candidate.id === published.externalId);
    expect(status?.mediaIds).toHaveLength(1);
    const polls = server
      .requests()
      .filter((request) => request.url === `/api/v1/media/${status?.mediaIds[0] ?? ''}`);
    // The fake answers 206 twice (processing), then 200.
    expect(polls).toHaveLength(3);
    const upload = server
      .requests()
      .filter((request) => request.url === '/api/v2/media')
      .at(-1);
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data/);
  });

  it('refuses images without alt text or over the limits before sending anything', async () => {
    const connection = connect();
    const before = server.requests().length;
    expect(
      await failure(
        connection.publish({
          idempotencyKey: 'no-alt',
          text: 'x',
          images: [{ data: TINY_PNG, mimeType: 'image/png', altText: ' ' }],
        }),
      ),
    ).toMatchObject({
      kind: 'permanent',
      message: 'Image 1 has no description (alt text)',
    });
    const five = Array.from({ length: 5 }, () => ({
      data: TINY_PNG,
      mimeType: 'image/png',
      altText: 'pixel',
    }));
    expect(
      (await failure(connection.publish({ idempotencyKey: 'five', text: 'x', images: five }))).kind,
    ).toBe('permanent');
    expect((await failure(connection.publish({ idempotencyKey: 'bad key!', text: 'x' }))).kind).toBe(
      'permanent',
    );
    expect(server.requests().length).toBe(before);
  });

  it('maps Mastodon’s answers: 422 permanent with its message, 401 auth, 429 rate limited, 503 transient', async () => {
    const username = nextUsername();
    const connection = connect(username);
    expect(
      await failure(connection.publish({ idempotencyKey: 'long', text: 'é'.repeat(1_001) })),
    ).toMatchObject({
      kind: 'permanent',
      message: 'Mastodon refused the request: Validation failed: Text character limit of 1000 exceeded',
      details: { status: 422 },
    });

    const reset = new Date(Date.now() + 90_000).toISOString();
    server.faults.inject({
      kind: 'status',
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'x-ratelimit-reset': reset },
    });
    const limited = await failure(connection.publish({ idempotencyKey: 'limited', text: 'hi' }));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.details.retryAfterMs).toBeGreaterThan(80_000);
    expect(limited.details.retryAfterMs).toBeLessThanOrEqual(90_000);

    server.faults.inject({ kind: 'status', status: 503 }, { times: 1 });
    expect((await failure(connection.verify())).kind).toBe('transient');

    server.revokeTokens(username);
    expect(await failure(connection.verify())).toMatchObject({
      kind: 'auth',
      message: 'Mastodon refused the access token: The access token is invalid',
    });
  });

  it('a publish whose answer is lost is an unknown outcome, settled by publishing again with the same key', async () => {
    const connection = connect(nextUsername(), 300);
    const input = { idempotencyKey: 'lost-answer', text: 'Did this go out?' };
    server.faults.inject({ kind: 'hang', when: 'after' }, { method: 'POST', path: '/api/v1/statuses' });
    const before = server.statuses().length;
    expect((await failure(connection.publish(input))).kind).toBe('unknown_outcome');
    expect(server.statuses().length).toBe(before + 1);
    const settled = await connection.publish(input);
    expect(server.statuses().length).toBe(before + 1);
    expect(settled.externalId).toBe(server.statuses().at(-1)?.id);
  });

  it('a read that times out is transient, and findPublished says it cannot', async () => {
    const connection = connect(nextUsername(), 300);
    server.faults.inject({ kind: 'hang', when: 'before' }, { path: '/api/v1/accounts/verify_credentials' });
    expect((await failure(connection.verify())).kind).toBe('transient');
    expect((await failure(connection.findPublished('any'))).kind).toBe('permanent');
  });

  it('refuses a private address unless allowed, and an unreachable server is transient', async () => {
    const guarded = mastodonConnector.connect(
      { instanceUrl: server.url, accessToken: server.tokenFor(nextUsername()) },
      context(5_000, false),
    );
    const before = server.requests().length;
    expect(await failure(guarded.verify())).toMatchObject({
      kind: 'permanent',
      message: expect.stringMatching(/^Refused to connect to 127\.0\.0\.1/) as unknown,
    });
    expect(server.requests().length).toBe(before);

    const closed = await startFakeMastodon();
    const url = closed.url;
    await closed.close();
    const unreachable = mastodonConnector.connect({ instanceUrl: url, accessToken: 'x' }, context());
    expect((await failure(unreachable.publish({ idempotencyKey: 'nowhere', text: 'x' }))).kind).toBe(
      'transient',
    );
  });

  it('reads own posts as text across pages, leaves missing posts out of metrics, deletes idempotently', async () => {
    const connection = connect();
    const posts = [];
    for (let n = 1; n <= 45; n += 1) {
      posts.push(
        await connection.publish({
          idempotencyKey: `page-${n}`,
          text: `Post ${n} & <more>\nhttps://example.com/${n}`,
        }),
      );
    }
    const recent = await connection.recentPosts(43);
    expect(recent).toHaveLength(43);
    expect(recent[0]).toMatchObject({
      externalId: posts[44]?.externalId,
      text: 'Post 45 & <more>\nhttps://example.com/45',
    });
    expect(recent.at(-1)?.externalId).toBe(posts[2]?.externalId);

    const [first, second] = posts;
    server.engage(first?.externalId ?? '', { favouritesCount: 7, reblogsCount: 2, quotesCount: 1 });
    await connection.publish({ idempotencyKey: 'reply-to-first', text: 'Indeed', replyTo: first?.ref ?? '' });
    await connection.delete(second?.ref ?? '');
    await connection.delete(second?.ref ?? '');
    const metrics = await connection.metrics([first?.ref ?? '', second?.ref ?? '']);
    expect(metrics).toEqual([{ ref: first?.ref, likes: 7, reposts: 2, replies: 1, quotes: 1 }]);
  });
});

describe('Mastodon credentials', () => {
  it('accept a bare domain or a profile link and keep the origin', () => {
    expect(mastodonCredentialsSchema.parse({ instanceUrl: 'mastodon.social', accessToken: ' abc ' })).toEqual(
      {
        instanceUrl: 'https://mastodon.social',
        accessToken: 'abc',
      },
    );
    expect(
      mastodonCredentialsSchema.parse({ instanceUrl: 'https://piaille.fr/@brand', accessToken: 'abc' })
        .instanceUrl,
    ).toBe('https://piaille.fr');
  });

  it('refuse other schemes, credentials in the address and empty tokens', () => {
    expect(
      mastodonCredentialsSchema.safeParse({ instanceUrl: 'ftp://x.example', accessToken: 'a' }).success,
    ).toBe(false);
    expect(
      mastodonCredentialsSchema.safeParse({ instanceUrl: 'https://u:p@x.example', accessToken: 'a' }).success,
    ).toBe(false);
    expect(
      mastodonCredentialsSchema.safeParse({ instanceUrl: 'https://x.example', accessToken: '' }).success,
    ).toBe(false);
  });
});
