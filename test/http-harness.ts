/**
 * Medium-tier HTTP harness: the real Fastify app on a real database, driven in-process with
 * `app.inject` (no socket). A `Browser` keeps the session cookie and CSRF token like the SPA does.
 */
import { fixedClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import type { TestDatabase } from '../src/db/testing.js';
import { buildApp, type HearthApp } from '../src/http/app.js';
import { createAnalyzer } from '../src/analysis/analyzer.js';
import { defaultHttpOptions, lazily, type HttpOptions } from '../src/http/context.js';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createConnectorRegistry } from '../src/connectors/registry.js';
import type { Connector } from '../src/connectors/types.js';
import { createSecretBox } from '../src/core/secret-box.js';
import { createInProcessSpellChecker } from '../src/guardrails/spelling/service.js';
import { createWorkspaceOriginalityIndexes } from '../src/originality/originality.indexes.js';
import { createPostGate } from '../src/publishing/gate.js';
import { attemptPublish, DEFAULT_PUBLISH_OPTIONS, type AttemptOutcome, type PublishOptions } from '../src/publishing/publish.service.js';
import type { PublishingDeps } from '../src/publishing/publishing.deps.js';

export interface TestApp {
  app: HearthApp;
  clock: ReturnType<typeof fixedClock>;
  /** Everything the server logged, one JSON line each. */
  logs: string[];
  publishing: TestPublishing;
  close(): Promise<void>;
}

/**
 * Publishing's queue, in the test's hands: dispatched attempts are recorded and `runDue` performs
 * those due at the test clock's time with the real publish service (the job queue itself has its
 * own contract suite; processes with the real queue are exercised by e2e and crash tests).
 */
export interface TestPublishing {
  deps: PublishingDeps;
  dispatched: { targetId: string; runAt: Date }[];
  runDue(): Promise<AttemptOutcome[]>;
}

export interface TestAppOptions extends Partial<HttpOptions> {
  /** Connectors to use instead of the built-in ones. */
  connectors?: readonly Connector<unknown>[];
  publish?: Partial<PublishOptions>;
}

/** One analyzer and one spell checker for every app of a test file: they load once. */
const sharedAnalyzer = lazily(() => createAnalyzer());
const sharedSpelling = createInProcessSpellChecker();

export async function startTestApp(db: TestDatabase, options: TestAppOptions = {}): Promise<TestApp> {
  const { connectors, publish, ...httpOptions } = options;
  const clock = fixedClock(new Date('2026-03-28T09:00:00.000Z'));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const originality = createWorkspaceOriginalityIndexes(db.kysely);
  const dispatched: TestPublishing['dispatched'] = [];
  const publishing: PublishingDeps = {
    db: db.kysely,
    clock,
    secrets: createSecretBox(randomBytes(32)),
    // Tests' network peers (local Bluesky, fake Mastodon, webhook receivers) live on loopback.
    connectors: createConnectorRegistry({ allowPrivateNetworks: true, now: () => clock.now(), timeoutMs: 10_000, ...(connectors ? { connectors } : {}) }),
    logger,
    originality,
    gate: createPostGate({ db: db.kysely, clock, analyzer: sharedAnalyzer, spelling: sharedSpelling, originality }),
    dispatch: (targetId, runAt) => {
      dispatched.push({ targetId, runAt });
      return Promise.resolve();
    },
  };
  const settings = { ...DEFAULT_PUBLISH_OPTIONS, ...publish };
  const runDue = async (): Promise<AttemptOutcome[]> => {
    const due = dispatched.filter((job) => job.runAt.getTime() <= clock.now().getTime());
    dispatched.splice(0, dispatched.length, ...dispatched.filter((job) => !due.includes(job)));
    const outcomes: AttemptOutcome[] = [];
    for (const job of due) {
      outcomes.push(await attemptPublish(publishing, job.targetId, settings));
    }
    return outcomes;
  };
  const app = await buildApp({
    db: db.kysely,
    dialect: db.dialect,
    clock,
    logger,
    analyzer: sharedAnalyzer,
    spelling: sharedSpelling,
    originality,
    publishing,
    options: { ...defaultHttpOptions, ...httpOptions },
  });
  await app.ready();
  return { app, clock, logs, publishing: { deps: publishing, dispatched, runDue }, close: () => app.close() };
}

export interface Reply {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A client with a cookie jar of one cookie, sending the CSRF header on writes like the web UI. */
export class Browser {
  cookie: string | undefined;
  csrfToken: string | undefined;

  /** `ip` sets the client address, so rate limits can be exercised per client. */
  constructor(
    private readonly app: HearthApp,
    private readonly ip = '127.0.0.1',
  ) {}

  async request(method: Method, url: string, payload?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) {
      headers.cookie = this.cookie;
    }
    if (this.csrfToken && method !== 'GET' && headers['x-csrf-token'] === undefined) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const setCookie = response.cookies.find((c) => c.name === 'hearth_session');
    if (setCookie) {
      this.cookie = setCookie.value ? `hearth_session=${setCookie.value}` : undefined;
    }
    const json = String(response.headers['content-type'] ?? '').includes('json');
    const body: unknown = !response.body ? null : json ? JSON.parse(response.body) : response.rawPayload;
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
      this.csrfToken = body.csrfToken;
    }
    return { status: response.statusCode, body, headers: response.headers };
  }

  get = (url: string): Promise<Reply> => this.request('GET', url);
  post = (url: string, payload: unknown = {}): Promise<Reply> => this.request('POST', url, payload);
  put = (url: string, payload: unknown): Promise<Reply> => this.request('PUT', url, payload);
  patch = (url: string, payload: unknown): Promise<Reply> => this.request('PATCH', url, payload);
  delete = (url: string): Promise<Reply> => this.request('DELETE', url);
}

export const OWNER = {
  name: 'Camille Durand',
  email: 'camille@brand.test',
  password: 'correct horse battery',
  workspaceName: 'Maison Lumière',
  timeZone: 'Europe/Paris',
  languages: ['fr', 'en'],
};

/** Runs first-run setup and returns the owner's signed-in browser and the first workspace id. */
export async function setUpOwner(app: HearthApp): Promise<{ owner: Browser; workspaceId: string }> {
  const owner = new Browser(app);
  const reply = await owner.post('/api/v1/setup', OWNER);
  if (reply.status !== 201) {
    throw new Error(`setup failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  const session = reply.body as { workspaces: { id: string }[] };
  return { owner, workspaceId: session.workspaces[0]!.id };
}

/** Invites `email` with `role` and accepts as a new account; returns that member's browser. */
export async function addMember(
  app: HearthApp,
  admin: Browser,
  workspaceId: string,
  member: { email: string; role: string; name?: string },
): Promise<{ browser: Browser; userId: string }> {
  const invited = await admin.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: member.email, role: member.role });
  if (invited.status !== 201) {
    throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const token = (invited.body as { url: string }).url.split('/invite/')[1]!;
  const browser = new Browser(app);
  const accepted = await browser.post(`/api/v1/invitations/${token}/accept`, {
    name: member.name ?? member.email.split('@')[0],
    password: 'another good password',
  });
  if (accepted.status !== 200) {
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return { browser, userId: (accepted.body as { user: { id: string } }).user.id };
}
