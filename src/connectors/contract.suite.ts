/**
 * The one contract every connector passes, against a real peer (a local Bluesky network, the in-repo
 * Mastodon fake, a loopback webhook receiver). A case that a connector's capabilities rule out is
 * SKIPPED with the reason, never passed silently.
 *
 *   describeConnectorContract('bluesky', async () => ({ connector, account, badCredentials }), close);
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { newId } from '../core/ids.js';
import {
  isConnectorError,
  type Connection,
  type ConnectorCapabilities,
  type ConnectorContext,
  type ConnectorErrorKind,
  type Connector,
  type PostInput,
} from './types.js';

export interface ContractHarness<C> {
  connector: Connector<C>;
  /** A working account: its credentials and the context to connect with. */
  account(): Promise<{ credentials: C; context: ConnectorContext }>;
  /** Credentials the network refuses. */
  badCredentials(): Promise<C>;
  /**
   * Waits until what was just written can be read where the network serves reads from (Bluesky: the
   * AppView has indexed it). Called before metrics are read; leave it out when writes read back at once.
   */
  settle?(): Promise<void>;
}

/** A 1×1 PNG, real bytes (networks that inspect uploads accept it). */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGO46aX9HwAFnAJOfFafxgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export function describeConnectorContract<C>(
  name: string,
  setUp: () => Promise<ContractHarness<C>>,
  tearDown?: () => Promise<void>,
): void {
  describe(`${name}: connector contract`, () => {
    let harness: ContractHarness<C>;

    beforeAll(async () => {
      harness = await setUp();
    });

    afterAll(async () => {
      await tearDown?.();
    });

    const connect = async (): Promise<Connection> => {
      const { credentials, context } = await harness.account();
      return harness.connector.connect(credentials, context);
    };

    /** Skips the running case, with the reason, when the connector says it cannot do this. */
    const requires = (context: TestContext, ...capabilities: (keyof ConnectorCapabilities)[]): void => {
      for (const capability of capabilities) {
        context.skip(
          !harness.connector.capabilities[capability],
          `${harness.connector.network}: capabilities.${capability} is false`,
        );
      }
    };

    const post = (text: string, extra: Partial<PostInput> = {}): PostInput => ({
      idempotencyKey: newId(),
      text: `${text} (${name} contract)`,
      ...extra,
    });

    it('a connection declares the same capabilities and limits as its connector', async () => {
      const connection = await connect();
      expect(connection.network).toBe(harness.connector.network);
      expect(connection.capabilities).toEqual(harness.connector.capabilities);
      expect(connection.limits).toEqual(harness.connector.limits);
      expect(connection.limits.maxTextLength).toBeGreaterThan(0);
    });

    it('verify returns the account profile', async () => {
      const profile = await (await connect()).verify();
      expect(profile.externalId).not.toBe('');
      expect(profile.handle).not.toBe('');
      if (profile.followers !== null) {
        expect(profile.followers).toBeGreaterThanOrEqual(0);
      }
    });

    it("verify with credentials the network refuses fails with 'auth'", async () => {
      const { context } = await harness.account();
      const connection = harness.connector.connect(await harness.badCredentials(), context);
      await expectConnectorError(connection.verify(), 'auth');
    });

    it('publish returns the external id, a link and a ref', async (context) => {
      requires(context, 'publish');
      const connection = await connect();
      const published = await connection.publish(post('Hello from Hearth'));
      expect(published.externalId).not.toBe('');
      expect(published.ref).not.toBe('');
      expect(published.url === null || /^https?:\/\//.test(published.url)).toBe(true);
      expect(new Date(published.publishedAt).toISOString()).toBe(published.publishedAt);
    });

    it('publishing twice with the same idempotency key gives the same post, once', async (context) => {
      requires(context, 'publish');
      const connection = await connect();
      const input = post('Only once');
      const first = await connection.publish(input);
      const second = await connection.publish(input);
      expect(second.externalId).toBe(first.externalId);
      expect(second.ref).toBe(first.ref);
      if (harness.connector.capabilities.readOwnPosts) {
        const recent = await connection.recentPosts(20);
        expect(recent.filter((own) => own.externalId === first.externalId)).toHaveLength(1);
        expect(recent.filter((own) => own.text === input.text)).toHaveLength(1);
      }
    });

    it('findPublished finds a published key and answers null for an unknown one', async (context) => {
      requires(context, 'publish', 'readBack');
      const connection = await connect();
      const input = post('Find me');
      const published = await connection.publish(input);
      const found = await connection.findPublished(input.idempotencyKey);
      expect(found?.externalId).toBe(published.externalId);
      expect(found?.ref).toBe(published.ref);
      expect(await connection.findPublished(newId())).toBeNull();
    });

    it('recentPosts returns own posts with their text, newest first', async (context) => {
      requires(context, 'publish', 'readOwnPosts');
      const connection = await connect();
      const older = await connection.publish(post('Older'));
      const newer = await connection.publish(post('Newer'));
      const recent = await connection.recentPosts(10);
      expect(recent.map((own) => own.externalId)).toEqual([newer.externalId, older.externalId]);
      expect(recent[0]?.text).toBe(`Newer (${name} contract)`);
      expect(recent[0]?.ref).toBe(newer.ref);
    });

    it('replies to a published post', async (context) => {
      requires(context, 'publish', 'reply');
      const connection = await connect();
      const parent = await connection.publish(post('A question?'));
      const replyInput = post('An answer.', { replyTo: parent.ref });
      const reply = await connection.publish(replyInput);
      expect(reply.externalId).not.toBe(parent.externalId);
      if (harness.connector.capabilities.readBack) {
        expect((await connection.findPublished(replyInput.idempotencyKey))?.externalId).toBe(
          reply.externalId,
        );
      }
    });

    it('publishes a thread of three parts', async (context) => {
      requires(context, 'publish', 'threads');
      const connection = await connect();
      const id = newId();
      const parts = [];
      let previous: string | undefined;
      for (const n of [1, 2, 3]) {
        const part = await connection.publish({
          idempotencyKey: `${id}.${n}`,
          text: `Thread part ${n}/3 (${name} contract)`,
          ...(previous ? { replyTo: previous } : {}),
        });
        parts.push(part);
        previous = part.ref;
      }
      expect(new Set(parts.map((part) => part.externalId)).size).toBe(3);
      if (harness.connector.capabilities.readOwnPosts) {
        const recent = (await connection.recentPosts(10)).map((own) => own.externalId);
        expect(recent).toEqual(expect.arrayContaining(parts.map((part) => part.externalId)));
      }
    });

    it('publishes an image with its alt text', async (context) => {
      requires(context, 'publish', 'images');
      const connection = await connect();
      const input = post('A picture', {
        images: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'A single pixel, for the contract test' }],
      });
      const published = await connection.publish(input);
      expect(published.externalId).not.toBe('');
      if (harness.connector.capabilities.readBack) {
        expect((await connection.findPublished(input.idempotencyKey))?.externalId).toBe(published.externalId);
      }
    });

    it("text over the limit fails with 'permanent' and publishes nothing", async (context) => {
      requires(context, 'publish');
      const connection = await connect();
      const input: PostInput = {
        idempotencyKey: newId(),
        text: 'a'.repeat(connection.limits.maxTextLength + 1),
      };
      await expectConnectorError(connection.publish(input), 'permanent');
      if (harness.connector.capabilities.readBack) {
        expect(await connection.findPublished(input.idempotencyKey)).toBeNull();
      }
    });

    it('delete removes a post, and deleting it again is fine', async (context) => {
      requires(context, 'publish', 'delete');
      const connection = await connect();
      const input = post('Short-lived');
      const published = await connection.publish(input);
      await connection.delete(published.ref);
      if (harness.connector.capabilities.readBack) {
        expect(await connection.findPublished(input.idempotencyKey)).toBeNull();
      }
      if (harness.connector.capabilities.readOwnPosts) {
        const recent = await connection.recentPosts(10);
        expect(recent.map((own) => own.externalId)).not.toContain(published.externalId);
      }
      await connection.delete(published.ref);
    });

    it('metrics count the engagement of a published post', async (context) => {
      requires(context, 'publish', 'metrics');
      const connection = await connect();
      const published = await connection.publish(post('Count me'));
      await harness.settle?.();
      const metrics = await connection.metrics([published.ref]);
      expect(metrics).toHaveLength(1);
      expect(metrics[0]).toMatchObject({ ref: published.ref, likes: 0, reposts: 0, replies: 0 });
      expect([null, 0]).toContain(metrics[0]?.quotes);
      expect(await connection.metrics([])).toEqual([]);
    });

    it('moderation a network does not offer is refused as permanent, never pretended', async (context) => {
      const { capabilities } = harness.connector;
      // What a network offers is exercised on its peer by the inbox tests (block, hide a reply).
      context.skip(
        capabilities.block && capabilities.hideReplies,
        `${harness.connector.network} offers every moderation action`,
      );
      const connection = await connect();
      if (!capabilities.block) {
        await expectConnectorError(connection.block('someone'), 'permanent');
      }
      if (!capabilities.hideReplies) {
        await expectConnectorError(connection.hideReply('no-such-ref'), 'permanent');
      }
    });
  });
}

async function expectConnectorError(promise: Promise<unknown>, kind: ConnectorErrorKind): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a ConnectorError '${kind}'`).toBeDefined();
  expect(isConnectorError(error) ? error.kind : error).toBe(kind);
}
