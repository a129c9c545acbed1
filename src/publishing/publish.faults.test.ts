/**
 * Medium tier: publishing under network faults. Real: the HTTP API and the publish service on
 * SQLite and PostgreSQL, the Bluesky and Mastodon connectors with the guarded fetch, a REAL local
 * Bluesky PDS (dev-env) and the in-repo fake Mastodon. Between them, a fault proxy on loopback
 * (test/fault-proxy.ts) drops, delays and answers requests the way networks fail. The queue is the
 * harness's: `publishing.runDue()` runs the attempts dispatched for the test clock's time, and the
 * clock is moved to each retry's time, so backoffs are checked exactly.
 *
 * What must hold, whatever the fault: a post exists on the network at most once; an outcome that
 * cannot be known is settled by reading back (Bluesky) or by the same Idempotency-Key (Mastodon);
 * retries are bounded and honour Retry-After; a refusal is shown with the network's own message.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../test/bluesky-network.js';
import { startFakeMastodon, type FakeMastodon } from '../../test/fake-mastodon/index.js';
import { startFaultProxy, type FaultProxy } from '../../test/fault-proxy.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { blueskyConnector } from '../connectors/bluesky/index.js';
import { mastodonConnector } from '../connectors/mastodon/index.js';
import type { Connector } from '../connectors/types.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Post } from './posts.presenter.js';
import { attemptPublish, DEFAULT_PUBLISH_OPTIONS, type AttemptOutcome } from './publish.service.js';

const CREATE_RECORD = '/xrpc/com.atproto.repo.createRecord';
const GET_RECORD = '/xrpc/com.atproto.repo.getRecord';
const POST_STATUS = '/api/v1/statuses';
/** Short, so that a lost answer times out quickly (the harness's connectors wait 10 s). */
const TIMEOUT_MS = 1_500;

/** The built-in connector with a shorter per-request time limit; everything else is unchanged. */
const withTimeout = <C>(connector: Connector<C>): Connector<C> => ({
  ...connector,
  connect: (credentials, context) => connector.connect(credentials, { ...context, timeoutMs: TIMEOUT_MS }),
});

let bluesky: BlueskyTestNetwork;
let pds: FaultProxy;
let mastodon: FakeMastodon;
let instance: FaultProxy;

beforeAll(async () => {
  bluesky = await startBlueskyNetwork();
  pds = await startFaultProxy(bluesky.service);
  mastodon = await startFakeMastodon();
  instance = await startFaultProxy(mastodon.url);
}, 60_000);

afterAll(async () => {
  await instance?.close();
  await mastodon?.close();
  await pds?.close();
  await bluesky?.close();
});

let serial = 0;
/** A unique, guardrails-clean text (the read-back matches records by text). */
const uniqueText = (what: string): string => `Our workshop opens on Saturday morning: ${what}, note ${(serial += 1)} of the day.`;

async function postTexts(account: TestAccount): Promise<string[]> {
  const { data } = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100 });
  return data.records.map((record) => String((record.value as { text?: unknown }).text));
}

const proxied = (proxy: FaultProxy, path: string) => proxy.requests().filter((request) => request.path === path);

describeEachDatabase('publishing under network faults', (use) => {
  let t: TestApp;
  let owner: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(use(), { connectors: [withTimeout(blueskyConnector), withTimeout(mastodonConnector)] });
    ({ owner, workspaceId: base } = await setUpOwner(t.app));
    base = `/api/v1/workspaces/${base}`;
  });

  afterAll(async () => {
    pds.clear();
    instance.clear();
    await t?.close();
  });

  async function connectBluesky(): Promise<{ account: TestAccount; accountId: string }> {
    const account = await bluesky.createAccount();
    const reply = await owner.post(`${base}/accounts`, {
      network: 'bluesky',
      credentials: { handle: account.handle, appPassword: account.appPassword, service: pds.url },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { account, accountId: (reply.body as { id: string }).id };
  }

  async function connectMastodon(): Promise<{ username: string; accountId: string }> {
    const username = `brand${(serial += 1)}`;
    const reply = await owner.post(`${base}/accounts`, {
      network: 'mastodon',
      credentials: { instanceUrl: instance.url, accessToken: mastodon.tokenFor(username) },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { username, accountId: (reply.body as { id: string }).id };
  }

  /** Creates and schedules a post for now; returns it with its one target's id. */
  async function schedule(accountId: string, text: string): Promise<{ postId: string; targetId: string }> {
    const draft = await owner.post(`${base}/posts`, { text, accountIds: [accountId] });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const post = draft.body as Post;
    const scheduled = await owner.post(`${base}/posts/${post.id}/schedule`, { publishAt: t.clock.now().toISOString() });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    return { postId: post.id, targetId: post.targets[0]!.id };
  }

  interface Step {
    /** Milliseconds after the first attempt. */
    at: number;
    outcomes: AttemptOutcome[];
  }

  /** Runs due attempts, moving the clock to each retry's time, until nothing is dispatched. */
  async function runUntilSettled(maxSteps = 20): Promise<Step[]> {
    const start = t.clock.now().getTime();
    const steps: Step[] = [];
    for (let step = 0; step < maxSteps; step += 1) {
      steps.push({ at: t.clock.now().getTime() - start, outcomes: await t.publishing.runDue() });
      const next = Math.min(...t.publishing.dispatched.map((job) => job.runAt.getTime()));
      if (!Number.isFinite(next)) {
        return steps;
      }
      t.clock.set(new Date(Math.max(next, t.clock.now().getTime())));
    }
    throw new Error(`still retrying after ${maxSteps} steps`);
  }

  const getPost = async (postId: string): Promise<Post> => {
    const reply = await owner.get(`${base}/posts/${postId}`);
    expect(reply.status).toBe(200);
    return reply.body as Post;
  };

  it('a connection reset after the PDS created the record, and a failed read-back: the next attempt reads it back, no second post', async () => {
    const { account, accountId } = await connectBluesky();
    const text = uniqueText('reset after create');
    const { postId } = await schedule(accountId, text);
    const creates = proxied(pds, CREATE_RECORD).length;
    pds.inject({ kind: 'reset', when: 'after' }, { path: CREATE_RECORD });
    // The connector's own read-back right after the lost answer fails too (the pre-check passes).
    pds.inject({ kind: 'status', status: 503 }, { path: GET_RECORD, skip: 1 });

    const steps = await runUntilSettled();

    expect(steps.map((s) => s.outcomes)).toEqual([['retry'], ['published']]);
    expect(steps[1]!.at).toBe(DEFAULT_PUBLISH_OPTIONS.backoffMs);
    expect(proxied(pds, CREATE_RECORD).length - creates).toBe(1); // read back, never posted again
    const post = await getPost(postId);
    expect(post.status).toBe('published');
    expect(post.targets[0]).toMatchObject({ status: 'published', attempts: 2, lastError: null });
    expect(post.targets[0]!.url).toMatch(new RegExp(`^https://bsky.app/profile/${account.did}/post/`));
    expect(await postTexts(account)).toEqual([text]);
  });

  it('a timeout after the request reached the PDS: outcome unknown, settled by reading back on the next attempt', async () => {
    const { account, accountId } = await connectBluesky();
    const text = uniqueText('answer lost');
    const { postId } = await schedule(accountId, text);
    pds.inject({ kind: 'hang', when: 'after' }, { path: CREATE_RECORD });
    pds.inject({ kind: 'reset', when: 'before' }, { path: GET_RECORD, skip: 1 });

    const started = Date.now();
    const steps = await runUntilSettled();

    expect(steps.map((s) => s.outcomes)).toEqual([['retry'], ['published']]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'published', attempts: 2 });
    expect(post.targets[0]!.externalId).toMatch(new RegExp(`^at://${account.did}/app.bsky.feed.post/`));
    expect(await postTexts(account)).toEqual([text]);
  });

  it('a reset after the PDS created the record, read back at once by the connector: published in one attempt', async () => {
    const { account, accountId } = await connectBluesky();
    const text = uniqueText('settled at once');
    const { postId } = await schedule(accountId, text);
    pds.inject({ kind: 'reset', when: 'after' }, { path: CREATE_RECORD });

    expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['published']]);
    expect((await getPost(postId)).targets[0]).toMatchObject({ status: 'published', attempts: 1 });
    expect(await postTexts(account)).toEqual([text]);
  });

  it('5xx: retried with doubling backoff, then published once', async () => {
    const { account, accountId } = await connectBluesky();
    const text = uniqueText('server errors');
    const { postId } = await schedule(accountId, text);
    pds.inject({ kind: 'status', status: 502, body: { error: 'BadGateway', message: 'upstream down' } }, { path: CREATE_RECORD, times: 2 });

    const steps = await runUntilSettled();

    expect(steps.map((s) => s.outcomes)).toEqual([['retry'], ['retry'], ['published']]);
    const backoff = DEFAULT_PUBLISH_OPTIONS.backoffMs;
    expect(steps.map((s) => s.at)).toEqual([0, backoff, backoff + 2 * backoff]);
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'published', attempts: 3, lastError: null });
    expect(await postTexts(account)).toEqual([text]);
  });

  it('429 with Retry-After: the retry is not dispatched, nor can it run, before the time the network gave', async () => {
    const { account, accountId } = await connectBluesky();
    const text = uniqueText('rate limited');
    const { postId, targetId } = await schedule(accountId, text);
    pds.inject(
      { kind: 'status', status: 429, headers: { 'retry-after': '120' }, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' } },
      { path: CREATE_RECORD },
    );
    const firstAt = t.clock.now().getTime();

    expect(await t.publishing.runDue()).toEqual(['retry']);
    const [retry] = t.publishing.dispatched;
    expect(retry!.targetId).toBe(targetId);
    expect(retry!.runAt.getTime() - firstAt).toBeGreaterThanOrEqual(120_000);
    const waiting = await getPost(postId);
    expect(waiting.targets[0]).toMatchObject({ status: 'publishing', nextAttemptAt: retry!.runAt.toISOString() });
    expect(waiting.targets[0]!.lastError).toMatch(/Rate Limit Exceeded/);
    // A duplicate job (the sweep, another worker) one second early cannot claim it.
    t.clock.set(new Date(firstAt + 119_000));
    expect(await attemptPublish(t.publishing.deps, targetId)).toBe('not-claimed');

    expect((await runUntilSettled()).flatMap((s) => s.outcomes)).toEqual(['published']);
    expect(t.clock.now().getTime() - firstAt).toBe(120_000);
    expect((await getPost(postId)).targets[0]).toMatchObject({ status: 'published', attempts: 2 });
    expect(await postTexts(account)).toEqual([text]);
  });

  it('a permanent 400: failed at once, with the network’s message on the target, nothing posted', async () => {
    const { account, accountId } = await connectBluesky();
    const { postId } = await schedule(accountId, uniqueText('refused'));
    pds.inject(
      { kind: 'status', status: 400, body: { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' } },
      { path: CREATE_RECORD },
    );

    expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['failed']]);
    const post = await getPost(postId);
    expect(post.status).toBe('failed');
    expect(post.targets[0]).toMatchObject({ status: 'failed', attempts: 1, url: null });
    expect(post.targets[0]!.lastError).toContain('Record/text must not be longer than 300 graphemes');
    expect(await postTexts(account)).toEqual([]);
  });

  it('transient failures that never end (Bluesky reads answer 503): failed after maxAttempts, with bounded backoff', async () => {
    const { account, accountId } = await connectBluesky();
    const { postId } = await schedule(accountId, uniqueText('never reachable'));
    pds.inject({ kind: 'status', status: 503, body: { error: 'ServiceUnavailable', message: 'PDS in maintenance' } }, { path: GET_RECORD, times: Infinity });
    try {
      const steps = await runUntilSettled();
      const { maxAttempts, backoffMs, maxBackoffMs } = DEFAULT_PUBLISH_OPTIONS;
      expect(steps.flatMap((s) => s.outcomes)).toEqual([...Array.from({ length: maxAttempts - 1 }, () => 'retry'), 'failed']);
      const gaps = steps.slice(1).map((s, i) => s.at - steps[i]!.at);
      expect(gaps).toEqual(Array.from({ length: maxAttempts - 1 }, (_, i) => Math.min(backoffMs * 2 ** i, maxBackoffMs)));
      const post = await getPost(postId);
      expect(post.status).toBe('failed');
      expect(post.targets[0]).toMatchObject({ status: 'failed', attempts: maxAttempts });
      expect(post.targets[0]!.lastError).toMatch(new RegExp(`Gave up after ${maxAttempts} attempts: .*PDS in maintenance`));
    } finally {
      pds.clear();
    }
    expect(await postTexts(account)).toEqual([]);
  });

  it('5xx on every create (Bluesky): bounded, and never more than one record even when the last answer is unknown', async () => {
    const { account, accountId } = await connectBluesky();
    const { postId } = await schedule(accountId, uniqueText('creates refused'));
    pds.inject({ kind: 'status', status: 503 }, { path: CREATE_RECORD, times: Infinity });
    try {
      const steps = await runUntilSettled();
      expect(steps.flatMap((s) => s.outcomes)).toHaveLength(DEFAULT_PUBLISH_OPTIONS.maxAttempts);
      const post = await getPost(postId);
      expect(post.targets[0]!.attempts).toBe(DEFAULT_PUBLISH_OPTIONS.maxAttempts);
      // Every read-back answered "no such record", so 'failed' is the true state; the connector still
      // reports an answered 5xx on a create as an unknown outcome, hence 'unconfirmed' today.
      expect(['failed', 'unconfirmed']).toContain(post.targets[0]!.status);
    } finally {
      pds.clear();
    }
    expect(await postTexts(account)).toEqual([]);
  });

  it('credentials the network refuses: failed, and the account is marked failing', async () => {
    const { accountId } = await connectBluesky();
    const { postId } = await schedule(accountId, uniqueText('credentials refused'));
    // Refused every time: the agent refreshes its session and the connector signs in again, in vain.
    pds.inject({ kind: 'status', status: 401, body: { error: 'AuthenticationRequired', message: 'Token has been revoked' } }, { path: CREATE_RECORD, times: Infinity });
    try {
      expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['failed']]);
    } finally {
      pds.clear();
    }
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(post.targets[0]!.lastError).toMatch(/refused our credentials: .*Token has been revoked.*Reconnect the account/);
    const account = (await owner.get(`${base}/accounts/${accountId}`)).body as { health: string; healthMessage: string };
    expect(account.health).toBe('failing');
    expect(account.healthMessage).toMatch(/Token has been revoked/);
  });

  it('Mastodon, answer lost after the status was created: the retry sends the same Idempotency-Key and gets the same status', async () => {
    const { username, accountId } = await connectMastodon();
    const text = uniqueText('mastodon answer lost');
    const { postId, targetId } = await schedule(accountId, text);
    const sent = mastodon.requests().length;
    instance.inject({ kind: 'reset', when: 'after' }, { method: 'POST', path: POST_STATUS });

    expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['retry'], ['published']]);

    const posts = mastodon.requests().slice(sent).filter((request) => request.method === 'POST' && request.url === POST_STATUS);
    expect(posts.map((request) => request.headers['idempotency-key'])).toEqual([targetId, targetId]);
    const statuses = mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username));
    expect(statuses.map((status) => status.text)).toEqual([text]);
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'published', attempts: 2, externalId: statuses[0]!.id });
  });

  it('Mastodon, a timeout after sending: the same key settles it, one status', async () => {
    const { username, accountId } = await connectMastodon();
    const text = uniqueText('mastodon timeout');
    const { postId } = await schedule(accountId, text);
    instance.inject({ kind: 'hang', when: 'after' }, { method: 'POST', path: POST_STATUS });

    expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['retry'], ['published']]);
    expect(mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username)).map((s) => s.text)).toEqual([text]);
    expect((await getPost(postId)).status).toBe('published');
  });

  it('Mastodon, 503 forever: failed after maxAttempts, nothing posted', async () => {
    const { username, accountId } = await connectMastodon();
    const { postId } = await schedule(accountId, uniqueText('mastodon down'));
    instance.inject({ kind: 'status', status: 503, body: { error: 'Service Unavailable' } }, { method: 'POST', path: POST_STATUS, times: Infinity });
    try {
      const steps = await runUntilSettled();
      expect(steps.flatMap((s) => s.outcomes)).toEqual([...Array.from({ length: DEFAULT_PUBLISH_OPTIONS.maxAttempts - 1 }, () => 'retry'), 'failed']);
    } finally {
      instance.clear();
    }
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'failed', attempts: DEFAULT_PUBLISH_OPTIONS.maxAttempts });
    expect(post.targets[0]!.lastError).toMatch(/Gave up after 6 attempts: Mastodon answered 503: Service Unavailable/);
    expect(mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username))).toEqual([]);
  });

  it('Mastodon, 429 with Retry-After honoured', async () => {
    const { username, accountId } = await connectMastodon();
    const text = uniqueText('mastodon rate limited');
    const { postId } = await schedule(accountId, text);
    instance.inject({ kind: 'status', status: 429, headers: { 'retry-after': '300' }, body: { error: 'Too many requests' } }, { method: 'POST', path: POST_STATUS });
    const firstAt = t.clock.now().getTime();

    const steps = await runUntilSettled();

    expect(steps.map((s) => s.outcomes)).toEqual([['retry'], ['published']]);
    expect(steps[1]!.at).toBeGreaterThanOrEqual(300_000);
    expect(t.clock.now().getTime() - firstAt).toBe(300_000);
    expect(mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username)).map((s) => s.text)).toEqual([text]);
    expect((await getPost(postId)).targets[0]).toMatchObject({ status: 'published', attempts: 2 });
  });

  // A retry after a 429 is a planned one: nothing was sent, so even hours later it is not an
  // "unknown outcome" to be left unconfirmed on a network without read-back.
  it('Mastodon, 429 with a reset three hours away (its 300 posts per 3 hours limit): published after the wait, not left unconfirmed', async () => {
    const { username, accountId } = await connectMastodon();
    const text = uniqueText('mastodon long rate limit');
    const { postId } = await schedule(accountId, text);
    const reset = new Date(t.clock.now().getTime() + 3 * 3_600_000).toISOString();
    instance.inject({ kind: 'status', status: 429, headers: { 'x-ratelimit-reset': reset }, body: { error: 'Too many requests' } }, { method: 'POST', path: POST_STATUS });

    const steps = await runUntilSettled();

    // A 429 means nothing was posted: the retry after the wait is safe, whatever the key window.
    expect(steps.map((s) => s.outcomes)).toEqual([['retry'], ['published']]);
    expect(steps[1]!.at).toBe(3 * 3_600_000);
    expect(mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username)).map((s) => s.text)).toEqual([text]);
    expect((await getPost(postId)).status).toBe('published');
  });

  it('Mastodon, a revoked token: failed with the reason, the account marked failing', async () => {
    const { username, accountId } = await connectMastodon();
    const { postId } = await schedule(accountId, uniqueText('mastodon revoked'));
    mastodon.revokeTokens(username);

    expect((await runUntilSettled()).map((s) => s.outcomes)).toEqual([['failed']]);
    const post = await getPost(postId);
    expect(post.targets[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(post.targets[0]!.lastError).toMatch(/refused our credentials: Mastodon refused the access token: The access token is invalid/);
    const account = (await owner.get(`${base}/accounts/${accountId}`)).body as { health: string };
    expect(account.health).toBe('failing');
    expect(mastodon.statuses().filter((status) => status.accountId === mastodon.accountId(username))).toEqual([]);
  });
});
