/**
 * Medium tier: what the Bluesky connector does on a REAL local PDS without an AppView (dev-env's
 * TestNetworkNoAppView), read back from the repository: facets, record keys, replies, images,
 * idempotency under races and lost answers, sessions, and the fallbacks when the AppView is missing.
 * Faults (lost answers, refused connections, 429, expired tokens) are injected in the fetch the
 * connection is given; the PDS behind it is real.
 */
import { AtUri } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBlueskyNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../../../test/bluesky-network.js';
import { newId } from '../../core/ids.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { TINY_PNG } from '../contract.suite.js';
import { isConnectorError, type Connection, type ConnectorErrorKind } from '../types.js';
import { blueskyConnector } from './bluesky.connector.js';
import { decodePostRef, POST_COLLECTION } from './post-ref.js';
import { recordKeyFor } from './record-key.js';

let network: BlueskyTestNetwork;

beforeAll(async () => {
  network = await startBlueskyNetwork();
});

afterAll(async () => {
  await network.close();
});

/** A fetch that lets a test answer, delay or fail some calls; the others reach the PDS. */
type Interceptor = (method: string, request: Request, forward: () => Promise<Response>) => Promise<Response>;

const passThrough: Interceptor = (_method, _request, forward) => forward();

/** Records the XRPC methods called, in order. */
const recording =
  (calls: string[]): Interceptor =>
  (method, _request, forward) => {
    calls.push(method);
    return forward();
  };

function connect(
  account: TestAccount,
  options: { intercept?: Interceptor; timeoutMs?: number; service?: string } = {},
): Connection {
  const intercept = options.intercept ?? passThrough;
  const fetchFn: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const method = new URL(request.url).pathname.replace('/xrpc/', '');
    return intercept(method, request, () => globalThis.fetch(request));
  };
  const credentials = blueskyConnector.credentialsSchema.parse({
    handle: account.handle,
    appPassword: account.appPassword,
    service: options.service ?? network.service,
  });
  return blueskyConnector.connect(credentials, {
    fetch: fetchFn,
    timeoutMs: options.timeoutMs ?? 10_000,
    now: () => new Date(),
  });
}

async function record(account: TestAccount, uri: string): Promise<Record<string, unknown>> {
  const at = new AtUri(uri);
  const { data } = await account.agent.com.atproto.repo.getRecord({
    repo: at.host,
    collection: at.collection,
    rkey: at.rkey,
  });
  return data.value;
}

async function postCount(account: TestAccount): Promise<number> {
  const { data } = await account.agent.com.atproto.repo.listRecords({
    repo: account.did,
    collection: POST_COLLECTION,
    limit: 100,
  });
  return data.records.length;
}

async function expectKind(promise: Promise<unknown>, kind: ConnectorErrorKind): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isConnectorError(error) ? error.kind : error).toBe(kind);
  return error;
}

const json = (status: number, body: object, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Resolves never; rejects with the request's abort reason (the connection's time limit). */
const untilAborted = (request: Request): Promise<never> =>
  new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true });
  });

const networkFailure = (code: string): TypeError =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });

describe('Bluesky on a PDS without an AppView', () => {
  describe('what is written', () => {
    it('turns mentions, links and hashtags into facets; an unknown handle stays text', async () => {
      const alice = await network.createAccount();
      const bob = await network.createAccount();
      const text = `Merci @${bob.handle} ! Voir https://example.com/page #Hearth — et @nobody-here.test`;
      const published = await connect(alice).publish({ idempotencyKey: newId(), text, language: 'fr' });

      const stored = await record(alice, published.externalId);
      expect(stored.text).toBe(text);
      expect(stored.langs).toEqual(['fr']);
      const features = (stored.facets as { features: Record<string, unknown>[] }[]).flatMap(
        (facet) => facet.features,
      );
      expect(features).toEqual([
        { $type: 'app.bsky.richtext.facet#mention', did: bob.did },
        { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/page' },
        { $type: 'app.bsky.richtext.facet#tag', tag: 'Hearth' },
      ]);
      const utf8 = Buffer.from(text);
      const [mention] = stored.facets as { index: { byteStart: number; byteEnd: number } }[];
      expect(utf8.subarray(mention!.index.byteStart, mention!.index.byteEnd).toString()).toBe(
        `@${bob.handle}`,
      );
    });

    it('stores the post under the record key derived from the idempotency key', async () => {
      const alice = await network.createAccount();
      const key = newId();
      const published = await connect(alice).publish({ idempotencyKey: key, text: 'Keyed' });
      expect(new AtUri(published.externalId).rkey).toBe(recordKeyFor(key));
      expect(published.url).toBe(`https://bsky.app/profile/${alice.did}/post/${recordKeyFor(key)}`);
    });

    it('chains a thread: every part names the first as root and the previous as parent', async () => {
      const alice = await network.createAccount();
      const connection = connect(alice);
      const id = newId();
      const first = await connection.publish({ idempotencyKey: `${id}.1`, text: 'Part 1' });
      const second = await connection.publish({
        idempotencyKey: `${id}.2`,
        text: 'Part 2',
        replyTo: first.ref,
      });
      const third = await connection.publish({
        idempotencyKey: `${id}.3`,
        text: 'Part 3',
        replyTo: second.ref,
      });

      const firstRef = decodePostRef(first.ref);
      const secondRef = decodePostRef(second.ref);
      expect(await record(alice, third.externalId)).toMatchObject({
        reply: {
          root: { uri: firstRef.uri, cid: firstRef.cid },
          parent: { uri: secondRef.uri, cid: secondRef.cid },
        },
      });
      expect(decodePostRef(third.ref).root).toEqual({ uri: firstRef.uri, cid: firstRef.cid });
      // Read back, a reply's ref still carries its root.
      expect((await connection.findPublished(`${id}.3`))?.ref).toBe(third.ref);
    });

    it('answers a post of another account', async () => {
      const alice = await network.createAccount();
      const bob = await network.createAccount();
      const question = await connect(bob).publish({ idempotencyKey: newId(), text: 'Anyone from Hearth?' });
      const answer = await connect(alice).publish({
        idempotencyKey: newId(),
        text: 'Yes!',
        replyTo: question.ref,
      });
      expect(await record(alice, answer.externalId)).toMatchObject({
        reply: { root: { uri: question.externalId }, parent: { uri: question.externalId } },
      });
    });

    it('uploads images with their alt text', async () => {
      const alice = await network.createAccount();
      const published = await connect(alice).publish({
        idempotencyKey: newId(),
        text: 'Two pixels',
        images: [
          { data: TINY_PNG, mimeType: 'image/png', altText: 'An orange pixel' },
          { data: TINY_PNG, mimeType: 'image/png', altText: 'The same pixel again' },
        ],
      });
      const stored = await record(alice, published.externalId);
      expect(stored.embed).toMatchObject({
        $type: 'app.bsky.embed.images',
        images: [
          { alt: 'An orange pixel', image: { mimeType: 'image/png', size: TINY_PNG.byteLength } },
          { alt: 'The same pixel again', image: { mimeType: 'image/png' } },
        ],
      });
    });

    it('refuses what Bluesky would refuse before sending anything', async () => {
      const alice = await network.createAccount();
      const calls: string[] = [];
      const connection = connect(alice, { intercept: recording(calls) });
      await expectKind(connection.publish({ idempotencyKey: newId(), text: '🙂'.repeat(301) }), 'permanent');
      await expectKind(
        connection.publish({
          idempotencyKey: newId(),
          text: 'x',
          images: [{ data: TINY_PNG, mimeType: 'image/png', altText: ' ' }],
        }),
        'permanent',
      );
      await expectKind(connection.publish({ idempotencyKey: 'not a key!', text: 'x' }), 'permanent');
      await expectKind(
        connection.publish({ idempotencyKey: newId(), text: 'x', replyTo: 'https://example.com' }),
        'permanent',
      );
      expect(calls).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('concurrent publishes of one key make one post (the PDS refuses the second key, we read it back)', async () => {
      const alice = await network.createAccount();
      const input = { idempotencyKey: newId(), text: 'Raced' };
      const results = await Promise.all(
        [connect(alice), connect(alice), connect(alice)].map((c) => c.publish(input)),
      );
      expect(new Set(results.map((result) => result.externalId)).size).toBe(1);
      expect(new Set(results.map((result) => result.ref)).size).toBe(1);
      expect(await postCount(alice)).toBe(1);
    });

    it('a create whose answer is lost (timeout after sending) is settled by reading the record back', async () => {
      const alice = await network.createAccount();
      const connection = connect(alice, {
        timeoutMs: 1_500,
        intercept: async (method, request, forward) => {
          if (method !== 'com.atproto.repo.createRecord') {
            return forward();
          }
          await forward(); // the PDS creates the record…
          return untilAborted(request); // …and its answer never arrives
        },
      });
      const key = newId();
      const published = await connection.publish({ idempotencyKey: key, text: 'Lost answer' });
      expect(new AtUri(published.externalId).rkey).toBe(recordKeyFor(key));
      expect(await postCount(alice)).toBe(1);
    });

    it("a lost answer that cannot be read back is 'unknown_outcome'; findPublished settles it later", async () => {
      const alice = await network.createAccount();
      let created = false;
      const connection = connect(alice, {
        timeoutMs: 1_500,
        intercept: async (method, request, forward) => {
          if (method === 'com.atproto.repo.createRecord') {
            await forward();
            created = true;
            return untilAborted(request);
          }
          if (created && method === 'com.atproto.repo.getRecord') {
            throw networkFailure('ECONNRESET');
          }
          return forward();
        },
      });
      const key = newId();
      await expectKind(
        connection.publish({ idempotencyKey: key, text: 'Unknown outcome' }),
        'unknown_outcome',
      );
      expect(await connect(alice).findPublished(key)).not.toBeNull();
    });

    it("a create that could not be sent (connection refused) is 'transient' and publishes nothing", async () => {
      const alice = await network.createAccount();
      const connection = connect(alice, {
        intercept: async (method, _request, forward) => {
          if (method === 'com.atproto.repo.createRecord') {
            throw networkFailure('ECONNREFUSED');
          }
          return forward();
        },
      });
      await expectKind(connection.publish({ idempotencyKey: newId(), text: 'Not sent' }), 'transient');
      expect(await postCount(alice)).toBe(0);
    });

    it("a 429 is 'rate_limited' with the delay the network gave", async () => {
      const alice = await network.createAccount();
      const reset = Math.floor(Date.now() / 1000) + 120;
      const connection = connect(alice, {
        intercept: async (method, _request, forward) =>
          method === 'com.atproto.repo.createRecord'
            ? json(
                429,
                { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
                { 'ratelimit-reset': String(reset) },
              )
            : forward(),
      });
      const error = await expectKind(
        connection.publish({ idempotencyKey: newId(), text: 'Too fast' }),
        'rate_limited',
      );
      const retryAfterMs = isConnectorError(error) ? error.details.retryAfterMs : undefined;
      expect(retryAfterMs).toBeGreaterThan(100_000);
      expect(retryAfterMs).toBeLessThanOrEqual(120_000);
    });
  });

  describe('sessions', () => {
    it('logs in once for many calls', async () => {
      const alice = await network.createAccount();
      const calls: string[] = [];
      const connection = connect(alice, { intercept: recording(calls) });
      await connection.verify();
      const published = await connection.publish({ idempotencyKey: newId(), text: 'One session' });
      await connection.recentPosts(5);
      await connection.delete(published.ref);
      expect(calls.filter((method) => method === 'com.atproto.server.createSession')).toHaveLength(1);
    });

    it('refreshes an expired access token, and logs in again when the refresh is refused', async () => {
      const alice = await network.createAccount();
      const calls: string[] = [];
      let expire: 'access' | 'both' | undefined;
      const connection = connect(alice, {
        intercept: async (method, request, forward) => {
          calls.push(method);
          if (method === 'com.atproto.server.refreshSession' && expire === 'both') {
            expire = undefined;
            return json(400, { error: 'ExpiredToken', message: 'Token has expired' });
          }
          if (
            method === 'com.atproto.repo.listRecords' &&
            expire !== undefined &&
            request.headers.has('authorization')
          ) {
            expire = expire === 'access' ? undefined : expire;
            return json(400, { error: 'ExpiredToken', message: 'Token has expired' });
          }
          return forward();
        },
      });
      await connection.recentPosts(1);
      // A token refreshed within the second it was issued is the same string: the agent would not retry.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expire = 'access';
      await connection.recentPosts(1);
      expect(calls.filter((method) => method === 'com.atproto.server.refreshSession')).toHaveLength(1);
      expect(calls.filter((method) => method === 'com.atproto.server.createSession')).toHaveLength(1);
      expire = 'both';
      await connection.recentPosts(1);
      expect(calls.filter((method) => method === 'com.atproto.server.createSession')).toHaveLength(2);
    });
  });

  describe('without an AppView', () => {
    it('verify reads the profile record from the repository; followers are unknown', async () => {
      const alice = await network.createAccount();
      await alice.agent.com.atproto.repo.putRecord({
        repo: alice.did,
        collection: 'app.bsky.actor.profile',
        rkey: 'self',
        record: { $type: 'app.bsky.actor.profile', displayName: 'Alice Example' },
      });
      expect(await connect(alice).verify()).toEqual({
        externalId: alice.did,
        handle: alice.handle,
        displayName: 'Alice Example',
        followers: null,
        url: `https://bsky.app/profile/${alice.handle}`,
      });
    });

    it("metrics are 'transient' (the AppView does not answer); an empty list needs no call", async () => {
      const alice = await network.createAccount();
      const connection = connect(alice);
      const published = await connection.publish({ idempotencyKey: newId(), text: 'No AppView' });
      await expectKind(connection.metrics([published.ref]), 'transient');
      expect(await connection.metrics([])).toEqual([]);
    });
  });

  describe("through Hearth's guarded fetch (core/safe-fetch)", () => {
    const guarded = (account: TestAccount, allowPrivateNetworks: boolean): Connection =>
      blueskyConnector.connect(
        blueskyConnector.credentialsSchema.parse({
          handle: account.handle,
          appPassword: account.appPassword,
          service: network.service,
        }),
        {
          fetch: createSafeFetch({ allowPrivateNetworks, timeoutMs: 10_000 }),
          timeoutMs: 10_000,
          now: () => new Date(),
        },
      );

    it('signs in, uploads, publishes and reads back when loopback is allowed', async () => {
      const alice = await network.createAccount();
      const connection = guarded(alice, true);
      expect((await connection.verify()).externalId).toBe(alice.did);
      const key = newId();
      const published = await connection.publish({
        idempotencyKey: key,
        text: 'Guarded',
        images: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'A pixel' }],
      });
      expect((await connection.findPublished(key))?.externalId).toBe(published.externalId);
      expect((await connection.recentPosts(5)).map((own) => own.text)).toEqual(['Guarded']);
    });

    it("is refused ('permanent') when the PDS is on a private address the operator did not allow", async () => {
      const alice = await network.createAccount();
      await expectKind(guarded(alice, false).verify(), 'permanent');
    });
  });

  describe('errors', () => {
    it("a wrong app password is 'auth'", async () => {
      const alice = await network.createAccount();
      await expectKind(connect({ ...alice, appPassword: 'aaaa-bbbb-cccc-dddd' }).verify(), 'auth');
    });

    it("an unreachable server is 'transient'", async () => {
      const alice = await network.createAccount();
      await expectKind(connect(alice, { service: 'http://127.0.0.1:9' }).verify(), 'transient');
    });

    it("a time-out on a read is 'transient'", async () => {
      const alice = await network.createAccount();
      const connection = connect(alice, {
        timeoutMs: 1_500,
        intercept: (method, request, forward) =>
          method === 'com.atproto.repo.listRecords' ? untilAborted(request) : forward(),
      });
      await expectKind(connection.recentPosts(5), 'transient');
    });

    it("deleting another account's post is refused ('permanent')", async () => {
      const alice = await network.createAccount();
      const bob = await network.createAccount();
      const bobs = await connect(bob).publish({ idempotencyKey: newId(), text: 'Mine' });
      await expectKind(connect(alice).delete(bobs.ref), 'permanent');
      expect(await postCount(bob)).toBe(1);
    });
  });
});
