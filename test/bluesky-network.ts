/**
 * A REAL local Bluesky network for medium-tier tests, from @atproto/dev-env: a PLC directory and a PDS
 * on SQLite, and — with `appView: true` — the AppView (and its moderation service) on the PostgreSQL of
 * this machine, which feeds, profiles and post counts need. Nothing is mocked.
 *
 * dev-env writes under `os.tmpdir()` and never deletes: the network is created with TMPDIR pointing at
 * a per-run folder, which `close()` removes with the AppView's PostgreSQL schemas. Its logs stay off
 * unless LOG_ENABLED=true. Handles end in `.test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import pg from 'pg';
import { dropAppViewSchemas, withEnv } from '../src/demo/demo-network.js';

export const APPVIEW_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestAccount {
  handle: string;
  did: string;
  /** The account password (createSession with it may do anything, unlike the app password). */
  password: string;
  /** An app password, as a user gives Hearth. */
  appPassword: string;
  /** An agent signed in with the account password, for what the test does outside the connector. */
  agent: AtpAgent;
}

export interface BlueskyTestNetwork {
  /** The PDS address: the `service` of an account's credentials. */
  service: string;
  /** The PLC directory's address (DID documents: handles). */
  plcUrl?: string;
  /** The AppView's address, when it runs (searchPosts…). */
  appViewUrl?: string | null;
  /** Whether an AppView indexes the network (getProfile, getPosts…). */
  appView: boolean;
  /** Milliseconds `startBlueskyNetwork` took (imports excluded). */
  startMs: number;
  /** A new account `<name>.test` with an app password (name: 3–18 letters, digits or hyphens). */
  createAccount(name?: string): Promise<TestAccount>;
  /** Waits until the AppView has indexed every write so far (no-op without AppView). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let accounts = 0;

export async function startBlueskyNetwork(options: { appView?: boolean } = {}): Promise<BlueskyTestNetwork> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bluesky-'));
  // PostgreSQL schema names for the AppView must be letters and underscores only.
  const schema = `hearth_bsky_${Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  let network: TestNetworkNoAppView | TestNetwork;
  try {
    network = await withEnv({ TMPDIR: dataDir, REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1:1' }, () =>
      options.appView
        ? TestNetwork.create({ dbPostgresUrl: APPVIEW_POSTGRES_URL, dbPostgresSchema: schema })
        : TestNetworkNoAppView.create({}),
    );
  } catch (error) {
    await dropSchemas(options.appView === true, schema);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const service = network.pds.url;
  return {
    service,
    plcUrl: network.plc.url,
    appViewUrl: network instanceof TestNetwork ? network.bsky.url : null,
    appView: options.appView === true,
    startMs: Date.now() - started,
    createAccount: async (name) => {
      accounts += 1;
      const handle = `${name ?? `u${accounts}${randomBytes(3).toString('hex')}`}.test`;
      const password = randomBytes(12).toString('base64url');
      const agent = new AtpAgent({ service });
      const { data } = await agent.createAccount({ handle, email: `${handle}@example.com`, password });
      const appPassword = await agent.com.atproto.server.createAppPassword({ name: 'hearth' });
      return { handle, did: data.did, password, appPassword: appPassword.data.password, agent };
    },
    settle: () => network.processAll(),
    close: async () => {
      try {
        await network.close();
      } finally {
        await dropSchemas(options.appView === true, schema);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Whether the AppView's PostgreSQL answers (the AppView network needs it). */
export async function isAppViewPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: APPVIEW_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchemas(appView: boolean, schema: string): Promise<void> {
  if (appView) {
    await dropAppViewSchemas(APPVIEW_POSTGRES_URL, schema);
  }
}
