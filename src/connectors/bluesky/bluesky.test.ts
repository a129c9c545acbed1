/**
 * Medium tier: the Bluesky connector passes the connector contract against a REAL local network
 * (PLC + PDS + AppView on this machine's PostgreSQL, from @atproto/dev-env), and reads real
 * engagement from the AppView. Without PostgreSQL these are skipped locally with a warning and fail
 * in CI. PDS-only behaviour (no AppView) is in bluesky.pds-only.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPVIEW_POSTGRES_URL,
  isAppViewPostgresReachable,
  startBlueskyNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../../../test/bluesky-network.js';
import { newId } from '../../core/ids.js';
import { describeConnectorContract } from '../contract.suite.js';
import type { Connection, ConnectorContext } from '../types.js';
import { blueskyConnector } from './bluesky.connector.js';
import { blueskyCredentialsSchema, type BlueskyCredentials } from './bluesky.credentials.js';
import { decodePostRef } from './post-ref.js';

const runAppView = (await isAppViewPostgresReachable()) || process.env.CI === 'true';
if (!runAppView) {
  console.warn(
    `PostgreSQL unreachable at ${APPVIEW_POSTGRES_URL}: the Bluesky contract (AppView) is skipped (it fails in CI)`,
  );
}

const context: ConnectorContext = { fetch: globalThis.fetch, timeoutMs: 10_000, now: () => new Date() };

describe.runIf(runAppView)('Bluesky on a local network with an AppView', () => {
  let network: BlueskyTestNetwork;

  beforeAll(async () => {
    network = await startBlueskyNetwork({ appView: true });
  });

  afterAll(async () => {
    await network?.close();
  });

  const credentials = (handle: string, appPassword: string): BlueskyCredentials =>
    blueskyCredentialsSchema.parse({ handle, appPassword, service: network.service });

  const connect = (account: TestAccount): Connection =>
    blueskyConnector.connect(credentials(account.handle, account.appPassword), context);

  describeConnectorContract('bluesky', async () => ({
    connector: blueskyConnector,
    account: async () => {
      const account = await network.createAccount();
      await network.settle(); // the AppView knows the account: verify reads its profile there
      return { credentials: credentials(account.handle, account.appPassword), context };
    },
    badCredentials: async () => {
      const account = await network.createAccount();
      return credentials(account.handle, 'aaaa-bbbb-cccc-dddd');
    },
    settle: () => network.settle(),
  }));

  it('verify counts followers, metrics count likes, reposts, replies and quotes (AppView)', async () => {
    const alice = await network.createAccount();
    const bob = await network.createAccount();
    const connection = connect(alice);
    const published = await connection.publish({ idempotencyKey: newId(), text: 'Worth a like' });
    const { uri, cid } = decodePostRef(published.ref);
    await bob.agent.follow(alice.did);
    await bob.agent.like(uri, cid);
    await bob.agent.repost(uri, cid);
    await bob.agent.post({ text: 'Agreed', reply: { root: { uri, cid }, parent: { uri, cid } } });
    await bob.agent.post({ text: 'Look', embed: { $type: 'app.bsky.embed.record', record: { uri, cid } } });
    await network.settle();

    expect((await connection.verify()).followers).toBe(1);
    expect(await connection.metrics([published.ref])).toEqual([
      { ref: published.ref, likes: 1, reposts: 1, replies: 1, quotes: 1 },
    ]);
  });

  it('metrics leave out a deleted post', async () => {
    const alice = await network.createAccount();
    const connection = connect(alice);
    const kept = await connection.publish({ idempotencyKey: newId(), text: 'Kept' });
    const gone = await connection.publish({ idempotencyKey: newId(), text: 'Gone' });
    await connection.delete(gone.ref);
    await network.settle();
    expect((await connection.metrics([kept.ref, gone.ref])).map((metric) => metric.ref)).toEqual([kept.ref]);
  });
});
