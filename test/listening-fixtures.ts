/**
 * Medium-tier helpers for listening: a workspace with its owner, listening's dependencies on a real
 * database (the real analyzer and originality index), item factories, and a real HTTP server on
 * loopback that serves feeds and records what it was asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createAnalyzer } from '../src/analysis/analyzer.js';
import { fixedClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import type { TestDatabase } from '../src/db/testing.js';
import { lazily } from '../src/http/context.js';
import type { IncomingItem } from '../src/listening/items.js';
import type { ListeningDeps } from '../src/listening/listening.deps.js';
import { createWorkspaceOriginalityIndexes } from '../src/originality/originality.indexes.js';
import { insertWorkspaceWithOwner, type WorkspaceAccess } from '../src/workspaces/workspaces.service.js';

/** One analyzer per test file: its models load once. */
export const sharedAnalyzer = lazily(() => createAnalyzer());

export type TestClock = ReturnType<typeof fixedClock>;

export const testClock = (): TestClock => fixedClock(new Date('2026-03-28T09:00:00.000Z'));

let users = 0;

/** A workspace and its owner's access, created directly in the database. */
export async function seedWorkspace(db: TestDatabase, clock: TestClock, name = 'Maison Lumière'): Promise<WorkspaceAccess> {
  users += 1;
  const userId = `user-${process.pid}-${users}`;
  const now = clock.now().toISOString();
  await db.kysely
    .insertInto('users')
    .values({ id: userId, email: `${userId}@brand.test`, name: 'Owner', password_hash: null, locale: null, created_at: now, disabled_at: null })
    .execute();
  const workspace = await insertWorkspaceWithOwner(db.kysely, clock, {
    ownerUserId: userId,
    settings: { name, timeZone: 'Europe/Paris', languages: ['fr', 'en'], namedThings: { brand: ['Lumière'], products: [], competitors: ['Zorvalta'] } },
  });
  return { workspaceId: workspace.id, userId, role: 'owner' };
}

/** Listening's dependencies on a test database; `logs` collects what it logged. */
export function listeningDeps(db: TestDatabase, clock: TestClock, overrides: Partial<ListeningDeps> = {}): ListeningDeps & { logs: string[] } {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  return {
    db: db.kysely,
    clock,
    logger: createLogger({ level: 'info', destination }),
    analyzer: sharedAnalyzer,
    originality: createWorkspaceOriginalityIndexes(db.kysely),
    logs,
    ...overrides,
  };
}

const TEXTS = [
  'Notre équipe adore la nouvelle lampe Lumière, la lumière est douce et chaude',
  'The Lumière desk lamp arrived broken and support never answered my emails',
  'Is the Zorvalta reading light any good? Thinking of buying one for my studio',
  'Superbe service client chez Lumière, livraison rapide et emballage soigné',
  'Our team compared five lamps for the new office and picked the warmest one',
];

/** An item of the import format; `n` makes its id and text unique. */
export function buildItem(n: number, overrides: Partial<IncomingItem> = {}): IncomingItem {
  return {
    id: `item-${n}`,
    network: 'import',
    author: `user${n % 7}.example`,
    authorName: `User ${n % 7}`,
    text: `${TEXTS[n % TEXTS.length] as string} (note ${n})`,
    createdAt: new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString(),
    url: `https://social.example/p/${n}`,
    likes: n % 11,
    reposts: n % 3,
    replies: n % 5,
    followers: 100 * (n % 13),
    ...overrides,
  };
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  requests: RecordedRequest[];
  /** Sets (or replaces) what a path answers. */
  route(path: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** A real HTTP server on loopback with handlers per path (404 elsewhere), recording every request. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, (request: IncomingMessage, response: ServerResponse) => void>();
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler serving `body` with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
export function conditional(body: string, contentType: string, etag: string, lastModified = 'Sat, 28 Mar 2026 08:00:00 GMT') {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
      response.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified }).end(body);
  };
}
