/**
 * A real local Bluesky network for the demo, from @atproto/dev-env: a PLC directory (in memory) and
 * a PDS (SQLite and blobs on disk), plus — on request — the AppView and its moderation service on
 * PostgreSQL. Nothing is mocked: Hearth reaches the PDS over HTTP like any other.
 *
 * The network is ephemeral: the PLC keeps its DIDs in memory, so every start is a new network with
 * new accounts. dev-env writes under `os.tmpdir()` and never cleans up, so TMPDIR points at
 * `dir` while it starts, and `close()` removes `dir` (and the AppView's PostgreSQL schemas).
 * dev-env is imported on demand: it takes seconds to load and only `hearth demo` needs it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { AtpAgent, RichText } from '@atproto/api';
import type { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import pg from 'pg';

export interface NetworkAccount {
  handle: string;
  did: string;
  displayName: string;
  /** The account password (signs in anywhere, e.g. with an atproto client pointed at the PDS). */
  password: string;
  /** An app password, what a user gives Hearth to connect the account. */
  appPassword: string;
}

export interface DemoNetwork {
  /** The PDS address: the `service` of an account's credentials. */
  pdsUrl: string;
  plcUrl: string;
  /** The AppView's address, when it runs. */
  appViewUrl: string | null;
  /** Creates `<name>.test` with a profile and an app password. */
  createAccount(persona: { name: string; displayName: string; description: string }): Promise<NetworkAccount>;
  /** Posts as an account created by `createAccount`, with its mentions linked (facets); a reply with `replyTo`. */
  post(account: NetworkAccount, text: string, lang: string, replyTo?: ReplyTarget): Promise<PostedRef>;
  /** An account's posts, newest first, with the post each one answers. */
  listPosts(did: string): Promise<NetworkPost[]>;
  close(): Promise<void>;
}

export interface PostedRef {
  uri: string;
  cid: string;
}

export interface ReplyTarget {
  parent: PostedRef;
  root: PostedRef;
}

export interface NetworkPost extends PostedRef {
  text: string;
  /** The post it answers, and its thread's root; null for a post that starts a thread. */
  reply: ReplyTarget | null;
}

export interface DemoNetworkOptions {
  /** The network's files (PDS database, blobs); emptied at start, removed by `close()`. */
  dir: string;
  /** Runs the AppView too, on this PostgreSQL (schemas `appview_*` and `ozone_*`, dropped on close). */
  appView?: { postgresUrl: string };
}

export async function startDemoNetwork(options: DemoNetworkOptions): Promise<DemoNetwork> {
  // What a previous run left (a crash, a second signal) belongs to a network that is gone.
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const schema = `hearth_demo_${Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const appView = options.appView;
  let network: TestNetworkNoAppView | TestNetwork;
  let appViewUrl: string | null = null;
  try {
    const devEnv = await import('@atproto/dev-env');
    network = await withEnv(
      { TMPDIR: options.dir, ...(appView ? { REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1:1' } : {}) },
      async () => {
        if (!appView) {
          return devEnv.TestNetworkNoAppView.create({});
        }
        const full = await devEnv.TestNetwork.create({
          dbPostgresUrl: appView.postgresUrl,
          dbPostgresSchema: schema,
        });
        appViewUrl = full.bsky.url;
        return full;
      },
    );
  } catch (error) {
    await dropSchemas(appView, schema).catch(() => undefined);
    rmSync(options.dir, { recursive: true, force: true });
    throw error;
  }
  const pdsUrl = network.pds.url;
  const agents = new Map<string, AtpAgent>();
  let closed: Promise<void> | undefined;
  return {
    pdsUrl,
    plcUrl: network.plc.url,
    appViewUrl,
    async createAccount(persona) {
      const handle = `${persona.name}.test`;
      const password = randomBytes(12).toString('base64url');
      const agent = new AtpAgent({ service: pdsUrl });
      const { data } = await agent.createAccount({ handle, email: `${persona.name}@demo.test`, password });
      await agent.com.atproto.repo.putRecord({
        repo: data.did,
        collection: 'app.bsky.actor.profile',
        rkey: 'self',
        record: {
          $type: 'app.bsky.actor.profile',
          displayName: persona.displayName,
          description: persona.description,
        },
      });
      const appPassword = await agent.com.atproto.server.createAppPassword({ name: 'hearth-demo' });
      agents.set(data.did, agent);
      return {
        handle,
        did: data.did,
        displayName: persona.displayName,
        password,
        appPassword: appPassword.data.password,
      };
    },
    async post(account, text, lang, replyTo) {
      const agent = agents.get(account.did);
      if (!agent) {
        throw new Error(`${account.handle} was not created by this network`);
      }
      const rich = new RichText({ text });
      await rich.detectFacets(agent);
      const created = await agent.post({
        text: rich.text,
        ...(rich.facets ? { facets: rich.facets } : {}),
        ...(replyTo ? { reply: replyTo } : {}),
        langs: [lang],
        createdAt: new Date().toISOString(),
      });
      return { uri: created.uri, cid: created.cid };
    },
    async listPosts(did) {
      const reader = new AtpAgent({ service: pdsUrl });
      const { data } = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post', limit: 100 });
      return data.records.map((record) => {
        const value = record.value as { text?: string; reply?: ReplyTarget };
        return { uri: record.uri, cid: record.cid, text: value.text ?? '', reply: value.reply ?? null };
      });
    },
    close() {
      closed ??= (async () => {
        try {
          await network.close();
        } finally {
          await dropSchemas(appView, schema).catch(() => undefined);
          rmSync(options.dir, { recursive: true, force: true });
        }
      })();
      return closed;
    },
  };
}

async function dropSchemas(appView: DemoNetworkOptions['appView'], schema: string): Promise<void> {
  if (appView) {
    await dropAppViewSchemas(appView.postgresUrl, schema);
  }
}

/** Drops the schemas a dev-env AppView made in PostgreSQL (dev-env leaves them behind). */
export async function dropAppViewSchemas(postgresUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  try {
    await client.connect();
    await client.query(`drop schema if exists "appview_${schema}" cascade`);
    await client.query(`drop schema if exists "ozone_${schema}" cascade`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `create` with these environment variables set, then puts the previous values back. */
export async function withEnv<T>(vars: Record<string, string>, create: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await create();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}
