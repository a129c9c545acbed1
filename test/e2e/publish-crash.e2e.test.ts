/**
 * Crash test of publishing, as processes: the built `hearth serve --no-worker` takes the API calls,
 * a separate `hearth worker` publishes to a REAL local Bluesky network (PLC + PDS, in this test's
 * process), and the worker is SIGKILLed at random (seeded) moments while posts are going out, then
 * started again. The attempt lease is shortened (HEARTH_PUBLISH_LEASE_SECONDS=2) so that a killed
 * attempt is retried within seconds (the sweep runs every 15 s).
 *
 * Afterwards every post must be published, with its link, and exist on the PDS exactly once: an
 * attempt killed after the PDS created the record is settled by reading it back, never by posting
 * again. Runs on SQLite (the embedded queue) and on PostgreSQL (pg-boss).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../bluesky-network.js';
import { isPostgresReachable, TEST_POSTGRES_URL } from '../../src/db/testing.js';
import { cleanEnv, HEARTH_BIN, startHearth, type RunningHearth } from './server.js';

const POSTS = 48;
const KILLS = 6;
const SEED = 20260328;
/** How long after the last restart every post must be settled. */
const SETTLE_MS = 300_000;
const PUBLISH_ENV = { HEARTH_PUBLISH_LEASE_SECONDS: '2', HEARTH_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'info' };

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const runPostgres = (await isPostgresReachable()) || process.env.CI === 'true';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  process: ChildProcess;
  output: () => string;
}

/** Starts `hearth worker` on the same data folder (and database) and waits until it takes work. */
async function startWorker(dataDir: string, env: Record<string, string>): Promise<Worker> {
  const child = spawn(process.execPath, [HEARTH_BIN, 'worker', '--data', dataDir], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hearth worker did not start:\n${output}`)), 30_000);
    const check = (): void => {
      if (output.includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hearth worker exited with ${String(code)}:\n${output}`));
    });
  });
  return { process: child, output: () => output };
}

function killNow(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The API as a script uses it: a Bearer token, no cookie, no CSRF. */
class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return JSON.parse(text) as T;
  }
}

/** First-run setup, then an API token for the first workspace. */
async function signUp(url: string): Promise<{ api: Api; workspaceId: string }> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ana', email: 'ana@brand.test', password: 'a long password', workspaceName: 'Brand', timeZone: 'UTC', languages: ['en'] }),
  });
  expect(setup.status).toBe(201);
  const session = (await setup.json()) as { csrfToken: string; workspaces: { id: string }[] };
  const cookie = /hearth_session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const workspaceId = session.workspaces[0]!.id;
  const created = await fetch(`${url}/api/v1/workspaces/${workspaceId}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name: 'crash test' }),
  });
  expect(created.status).toBe(201);
  return { api: new Api(url, ((await created.json()) as { secret: string }).secret), workspaceId };
}

interface Target {
  id: string;
  accountId: string;
  status: string;
  attempts: number;
  url: string | null;
  externalId: string | null;
  publishedAt: string | null;
  lastError: string | null;
}
interface Post {
  id: string;
  status: string;
  text: string;
  publishAt: string | null;
  targets: Target[];
}

async function recordsOf(account: TestAccount): Promise<{ uri: string; text: string }[]> {
  const records: { uri: string; text: string }[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100, ...(cursor ? { cursor } : {}) });
    records.push(...data.records.map((record) => ({ uri: record.uri, text: String((record.value as { text?: unknown }).text) })));
    cursor = data.records.length > 0 ? data.cursor : undefined;
  } while (cursor);
  return records;
}

describe('publishing survives a worker killed mid-publish (processes, real local Bluesky)', () => {
  let network: BlueskyTestNetwork;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    network = await startBlueskyNetwork();
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch(() => undefined);
    }
    await network?.close();
  });

  async function crashScenario(label: string, env: Record<string, string>): Promise<void> {
    const random = seeded(SEED);
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
    cleanups.push(() => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const allEnv = { ...PUBLISH_ENV, ...env };
    const server: RunningHearth = await startHearth({ dataDir, env: allEnv, args: ['--no-worker'] });
    cleanups.push(() => killNow(server.process));
    const { api, workspaceId } = await signUp(server.url);
    const ws = `/workspaces/${workspaceId}`;

    const accounts = [await network.createAccount(), await network.createAccount()];
    const accountIds: string[] = [];
    for (const account of accounts) {
      const connected = await api.call<{ id: string }>('POST', `${ws}/accounts`, {
        network: 'bluesky',
        credentials: { handle: account.handle, appPassword: account.appPassword, service: network.service },
      });
      accountIds.push(connected.id);
    }

    // Posts due over ~10 s, starting a few seconds from now, alternating between the two accounts.
    const first = Date.now() + 4_000;
    const posts: { id: string; text: string; accountId: string }[] = [];
    for (let i = 0; i < POSTS; i += 1) {
      const accountId = accountIds[i % accountIds.length]!;
      // Plain words only: the guardrails' spelling check blocks what the dictionary does not know.
      const text = `Crash test on the ${label === 'sqlite' ? 'embedded' : 'server'} database: our spring market opens soon, message ${i + 1} of ${POSTS}.`;
      const draft = await api.call<Post>('POST', `${ws}/posts`, { text, accountIds: [accountId] });
      const publishAt = new Date(first + Math.floor((i * 10_000) / POSTS)).toISOString();
      const scheduled = await api.call<Post>('POST', `${ws}/posts/${draft.id}/schedule`, { publishAt });
      expect(scheduled.status).toBe('scheduled');
      posts.push({ id: draft.id, text, accountId });
    }

    let worker = await startWorker(dataDir, allEnv);
    const logs: string[] = [];
    cleanups.push(() => killNow(worker.process));
    // Kill at random moments while the posts fall due, and start again each time.
    await sleep(Math.max(0, first - Date.now()));
    for (let kill = 0; kill < KILLS; kill += 1) {
      await sleep(300 + Math.floor(random() * 1_500));
      await killNow(worker.process);
      logs.push(worker.output());
      worker = await startWorker(dataDir, allEnv);
    }

    // Every post published: killed attempts are taken again once their 2 s lease ends (sweep: 15 s).
    const restarted = Date.now();
    const deadline = restarted + SETTLE_MS;
    let listed: Post[] = [];
    for (;;) {
      listed = await api.call<Post[]>('GET', `${ws}/posts?limit=1000`);
      const settled = listed.filter((post) => ['published', 'failed', 'unconfirmed', 'cancelled'].includes(post.status));
      if (settled.length === POSTS || Date.now() > deadline) {
        break;
      }
      await sleep(500);
    }
    const settledMs = Date.now() - restarted;
    await killNow(worker.process);
    await killNow(server.process);
    logs.push(worker.output());
    const log = logs.join('\n');

    expect(listed).toHaveLength(POSTS);
    const unfinished = listed.filter((post) => post.status !== 'published');
    expect(unfinished.map((post) => ({ text: post.text, status: post.status, targets: post.targets })), log.slice(-4_000)).toEqual([]);

    // Exactly once on the PDS: every text once, nothing else.
    const records = (await Promise.all(accounts.map((account) => recordsOf(account)))).flat();
    const byText = new Map<string, string[]>();
    for (const record of records) {
      byText.set(record.text, [...(byText.get(record.text) ?? []), record.uri]);
    }
    expect([...byText.values()].filter((uris) => uris.length > 1)).toEqual([]);
    expect(records).toHaveLength(POSTS);
    for (const expected of posts) {
      const post = listed.find((p) => p.id === expected.id)!;
      const [target] = post.targets;
      expect(post.targets).toHaveLength(1);
      expect(target).toMatchObject({ status: 'published', accountId: expected.accountId, lastError: null });
      expect(target!.url).toMatch(/^https:\/\/bsky\.app\/profile\/.+\/post\/[a-z2-7]{13}$/);
      expect(byText.get(expected.text)).toEqual([target!.externalId]);
    }

    const retried = listed.filter((post) => post.targets[0]!.attempts > 1).length;
    const readBack = (log.match(/an earlier attempt had published it/g) ?? []).length;
    const lateness = listed.map((post) => Date.parse(post.targets[0]!.publishedAt!) - Date.parse(post.publishAt!)).sort((a, b) => a - b);
    console.info(
      `[crash ${label}] ${POSTS} posts, ${KILLS} SIGKILLs: ${retried} taken again after a kill, ${readBack} settled by reading back; ` +
        `all settled ${settledMs} ms after the last restart; lateness p50 ${lateness[Math.floor(POSTS / 2)]} ms, max ${lateness.at(-1)} ms`,
    );
  }

  it('on SQLite (embedded queue)', async () => {
    await crashScenario('sqlite', {});
  }, 420_000);

  it.runIf(runPostgres)('on PostgreSQL (pg-boss)', async () => {
    const database = `hearth_crash_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    });
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${database}`;
    await crashScenario('postgres', { DATABASE_URL: url.toString() });
  }, 420_000);
});
