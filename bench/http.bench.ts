/**
 * HTTP figures of the foundation, over real loopback sockets, on SQLite (the embedded default):
 * an API-token read, a session read, and a password sign-in at the production scrypt cost.
 * Run: npm run bench:http
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/db/testing.js';
import type { HearthApp } from '../src/http/app.js';
import { startTestApp } from '../test/http-harness.js';

let db: TestDatabase;
let app: HearthApp;
let base = '';
let token = '';
let cookie = '';
let workspaceId = '';
const credentials = { email: 'bench@brand.test', password: 'a bench password' };

beforeAll(async () => {
  delete process.env.HEARTH_SCRYPT_LOG2N; // measure the production password cost
  db = await createTestDatabase('sqlite');
  ({ app } = await startTestApp(db, { signInAttemptsPerWindow: 1_000_000 }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const setup = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, name: 'Bench', workspaceName: 'Bench', timeZone: 'UTC', languages: ['en'] }),
  });
  cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = (await setup.json()) as { csrfToken: string; workspaces: { id: string }[] };
  workspaceId = session.workspaces[0]!.id;
  const created = await fetch(`${base}/api/v1/workspaces/${workspaceId}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  token = ((await created.json()) as { secret: string }).secret;
});

afterAll(async () => {
  await app.close();
  await db.drop();
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const memory = process.memoryUsage();
  console.log(`memory after the run: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
});

describe('HTTP on SQLite, loopback, one client at a time', () => {
  bench('GET /api/v1/workspaces/:id with an API token', async () => {
    const reply = await fetch(`${base}/api/v1/workspaces/${workspaceId}`, { headers: { authorization: `Bearer ${token}` } });
    await reply.arrayBuffer();
  });

  bench('GET /api/v1/session with the session cookie', async () => {
    const reply = await fetch(`${base}/api/v1/session`, { headers: { cookie } });
    await reply.arrayBuffer();
  });

  bench(
    'POST /api/v1/session (sign-in, scrypt N=2^17)',
    async () => {
      const reply = await fetch(`${base}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      await reply.arrayBuffer();
    },
    { iterations: 10, time: 0 },
  );
});
