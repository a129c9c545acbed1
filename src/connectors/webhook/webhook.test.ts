/**
 * Medium tier: the webhook connector against a real HTTP receiver on loopback that checks every
 * signature the way docs/CONNECTORS.md tells receivers to (its own HMAC code, not the connector's),
 * refuses stale timestamps and settles a repeated idempotency key itself. Calls go through the real
 * SSRF guard (private networks allowed for loopback, refused in one test).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { describeConnectorContract, TINY_PNG } from '../contract.suite.js';
import {
  isConnectorError,
  type Connection,
  type ConnectorContext,
  type ConnectorErrorKind,
} from '../types.js';
import { webhookConnector } from './webhook.connector.js';
import { webhookCredentialsSchema } from './webhook.credentials.js';

const SECRET = 'whsec_0123456789abcdef0123';

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

type Override = (response: http.ServerResponse) => void;

/** A receiver that does what the documentation asks of one. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly refused: string[] = [];
  private readonly idsByKey = new Map<string, string>();
  private readonly overrides: Override[] = [];
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next call is answered by `override` instead. */
  next(override: Override): void {
    this.overrides.push(override);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(request: http.IncomingMessage, rawBody: string, response: http.ServerResponse): void {
    const override = this.overrides.shift();
    if (override !== undefined) {
      override(response);
      return;
    }
    // 1. The signature: HMAC-SHA256(secret, timestamp + "." + raw body), compared in constant time.
    const timestamp = String(request.headers['x-hearth-timestamp'] ?? '');
    const given = Buffer.from(String(request.headers['x-hearth-signature'] ?? ''));
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${rawBody}`).digest('hex')}`,
    );
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      this.refused.push('signature');
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'Bad signature' }));
      return;
    }
    // 2. The timestamp: within five minutes, against replays.
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
      this.refused.push('timestamp');
      response.writeHead(401).end('stale');
      return;
    }
    const body = JSON.parse(rawBody) as Record<string, unknown>;
    this.deliveries.push({ headers: request.headers, body });
    if (body['type'] === 'ping') {
      response.writeHead(204).end();
      return;
    }
    // 3. The idempotency key: a repeat gets the first answer and makes nothing new.
    const key = String(request.headers['x-hearth-idempotency-key']);
    const id = this.idsByKey.get(key) ?? `item-${this.idsByKey.size + 1}`;
    this.idsByKey.set(key, id);
    response
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id, url: `https://cms.example/items/${id}` }));
  }

  get created(): number {
    return this.idsByKey.size;
  }
}

const context = (timeoutMs = 5_000, allowPrivateNetworks = true): ConnectorContext => ({
  fetch: createSafeFetch({ allowPrivateNetworks }),
  timeoutMs,
  now: () => new Date(),
});

let hooks = 0;
let contractReceiver: Receiver | undefined;

describeConnectorContract(
  'webhook',
  async () => {
    const receiver = new Receiver();
    await receiver.start();
    contractReceiver = receiver;
    return {
      connector: webhookConnector,
      account: async () => ({
        credentials: { url: `${receiver.url}/hooks/${++hooks}`, secret: SECRET },
        context: context(),
      }),
      badCredentials: async () => ({ url: `${receiver.url}/hooks/bad`, secret: 'not-the-shared-secret' }),
    };
  },
  async () => {
    await contractReceiver?.close();
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

describe('webhook connector', () => {
  const receiver = new Receiver();
  let connection: Connection;

  beforeAll(async () => {
    await receiver.start();
  });
  beforeEach(() => {
    connection = webhookConnector.connect(
      { url: `${receiver.url}/hook?channel=news`, secret: SECRET },
      context(),
    );
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('publishes signed JSON with the documented fields and headers, and keeps the receiver’s id and link', async () => {
    const published = await connection.publish({
      idempotencyKey: 'post-1',
      text: 'Hello « monde » 👋',
      images: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'One pixel' }],
      replyTo: 'item-0',
      language: 'fr',
    });
    const delivery = receiver.deliveries.at(-1);
    expect(delivery?.headers['x-hearth-idempotency-key']).toBe('post-1');
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(delivery?.body).toEqual({
      type: 'post',
      idempotencyKey: 'post-1',
      text: 'Hello « monde » 👋',
      images: [
        { mimeType: 'image/png', altText: 'One pixel', dataBase64: Buffer.from(TINY_PNG).toString('base64') },
      ],
      replyTo: 'item-0',
      language: 'fr',
      sentAt: published.publishedAt,
    });
    expect(published).toMatchObject({
      externalId: 'item-1',
      ref: 'item-1',
      url: 'https://cms.example/items/item-1',
    });
  });

  it('verify pings, and the profile names the receiver', async () => {
    expect(await connection.verify()).toEqual({
      externalId: new URL(receiver.url).host,
      handle: `${new URL(receiver.url).host}/hook`,
      displayName: null,
      followers: null,
      url: null,
    });
    expect(receiver.deliveries.at(-1)?.body).toMatchObject({ type: 'ping' });
    expect(receiver.deliveries.at(-1)?.headers['x-hearth-idempotency-key']).toBeUndefined();
  });

  it('uses the idempotency key as the id when the receiver answers without one', async () => {
    receiver.next((response) => response.writeHead(204).end());
    expect(await connection.publish({ idempotencyKey: 'no-id', text: 'x' })).toMatchObject({
      externalId: 'no-id',
      ref: 'no-id',
      url: null,
    });
  });

  it('maps answers: 401 auth, 429 with Retry-After, 5xx transient, 4xx permanent with a short message, redirects refused', async () => {
    const wrongSecret = webhookConnector.connect(
      { url: receiver.url, secret: 'another-secret-16+' },
      context(),
    );
    expect(await failure(wrongSecret.publish({ idempotencyKey: 'k', text: 'x' }))).toMatchObject({
      kind: 'auth',
      details: { status: 401 },
    });
    expect(receiver.refused.at(-1)).toBe('signature');

    receiver.next((response) => response.writeHead(429, { 'retry-after': '120' }).end());
    expect(await failure(connection.publish({ idempotencyKey: 'k', text: 'x' }))).toMatchObject({
      kind: 'rate_limited',
      details: { status: 429, retryAfterMs: 120_000 },
    });

    receiver.next((response) => response.writeHead(502).end('<html>Bad gateway</html>'));
    expect((await failure(connection.publish({ idempotencyKey: 'k', text: 'x' }))).kind).toBe('transient');

    receiver.next((response) =>
      response
        .writeHead(422, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Unknown channel ${'x'.repeat(500)}` } })),
    );
    const refused = await failure(connection.publish({ idempotencyKey: 'k', text: 'x' }));
    expect(refused.kind).toBe('permanent');
    expect(refused.message).toMatch(/^The webhook refused the post: Unknown channel x+…$/);
    expect(refused.message.length).toBeLessThan(350);

    receiver.next((response) =>
      response.writeHead(307, { location: 'https://elsewhere.example/hook' }).end(),
    );
    expect(await failure(connection.publish({ idempotencyKey: 'k', text: 'x' }))).toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('elsewhere.example') as unknown,
    });
  });

  it('a post whose answer never comes is an unknown outcome; a retry with the same key is settled by the receiver', async () => {
    const quick = webhookConnector.connect({ url: receiver.url, secret: SECRET }, context(200));
    receiver.next(() => undefined);
    expect((await failure(quick.publish({ idempotencyKey: 'slow', text: 'x' }))).kind).toBe(
      'unknown_outcome',
    );
    const created = receiver.created;
    const first = await quick.publish({ idempotencyKey: 'twice', text: 'x' });
    const again = await quick.publish({ idempotencyKey: 'twice', text: 'x' });
    expect(again.externalId).toBe(first.externalId);
    expect(receiver.created).toBe(created + 1);
  });

  it('refuses what it cannot send before sending, and private addresses unless allowed', async () => {
    const before = receiver.deliveries.length;
    expect(
      (await failure(connection.publish({ idempotencyKey: 'long', text: 'a'.repeat(10_001) }))).kind,
    ).toBe('permanent');
    expect(
      (
        await failure(
          connection.publish({
            idempotencyKey: 'alt',
            text: 'x',
            images: [{ data: TINY_PNG, mimeType: 'image/png', altText: '' }],
          }),
        )
      ).kind,
    ).toBe('permanent');
    const guarded = webhookConnector.connect({ url: receiver.url, secret: SECRET }, context(5_000, false));
    expect(await failure(guarded.publish({ idempotencyKey: 'ssrf', text: 'x' }))).toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('127.0.0.1') as unknown,
    });
    expect(receiver.deliveries.length).toBe(before);
    expect((await failure(connection.delete('item-1'))).kind).toBe('permanent');
  });

  it('credentials need an http(s) URL without user info and a secret of 16 characters or more', () => {
    expect(
      webhookCredentialsSchema.safeParse({ url: 'https://cms.example/hook', secret: SECRET }).success,
    ).toBe(true);
    expect(
      webhookCredentialsSchema.safeParse({ url: 'https://cms.example/hook', secret: 'short' }).success,
    ).toBe(false);
    expect(
      webhookCredentialsSchema.safeParse({ url: 'ftp://cms.example/hook', secret: SECRET }).success,
    ).toBe(false);
    expect(
      webhookCredentialsSchema.safeParse({ url: 'https://a:b@cms.example/hook', secret: SECRET }).success,
    ).toBe(false);
  });
});
