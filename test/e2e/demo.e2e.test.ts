/**
 * `hearth demo` as a user runs it: the built CLI as a process, on a free port and a temporary data
 * folder. It must print where to sign in, serve a workspace with the local network's brand account
 * connected and posts waiting, stop cleanly on Ctrl-C (exit 0, network files removed, no child
 * process left), and start again on the same folder with a new network, reconnected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, HEARTH_BIN } from './server.js';

interface RunningDemo {
  child: ChildProcess;
  output: () => string;
  url: string;
  email: string;
  password: string | null;
  pds: string;
}

const data = mkdtempSync(join(tmpdir(), 'hearth-e2e-demo-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  }
});

async function startDemo(): Promise<RunningDemo> {
  const child = spawn(process.execPath, [HEARTH_BIN, 'demo', '--port', '0', '--data', data], {
    env: cleanEnv({ LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hearth demo did not start:\n${output}`)), 150_000);
    child.stdout.on('data', () => {
      if (output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hearth demo exited with ${String(code)}:\n${output}`));
    });
  });
  const field = (pattern: RegExp): string => {
    const match = pattern.exec(output);
    if (!match?.[1]) {
      throw new Error(`${String(pattern)} not in the output:\n${output}`);
    }
    return match[1];
  };
  const password = /Password {6}(\S+) {3}\(shown once/.exec(output)?.[1] ?? null;
  return {
    child,
    output: () => output,
    url: field(/Hearth is running at (http:\/\/[^/\s]+)\//),
    email: field(/Sign in with {3}(\S+)/),
    password,
    pds: field(/PDS {11}(http:\/\/\S+)/),
  };
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // Fields after the command name (which may hold spaces) start with the state, then the parent id.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function stop(demo: RunningDemo): Promise<number | null> {
  return new Promise((resolve) => {
    demo.child.once('exit', (code) => resolve(code));
    demo.child.kill('SIGINT');
  });
}

interface Session {
  cookie: string;
  workspaces: { id: string; name: string }[];
}

async function signIn(demo: RunningDemo, password: string): Promise<Session> {
  const response = await fetch(`${demo.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demo.email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = /hearth_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
  return {
    cookie,
    workspaces: ((await response.json()) as { workspaces: { id: string; name: string }[] }).workspaces,
  };
}

async function get<T>(demo: RunningDemo, session: Session, path: string): Promise<T> {
  const response = await fetch(`${demo.url}/api/v1${path}`, { headers: { cookie: session.cookie } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface Account {
  id: string;
  network: string;
  handle: string;
  health: string;
}
interface Post {
  id: string;
  status: string;
  publishAt: string | null;
  targets: { accountId: string; status: string }[];
}

describe('hearth demo, as a process', () => {
  let password = '';
  let firstAccountId = '';

  it('starts a local Bluesky network and a filled workspace, prints how to sign in, and stops cleanly on Ctrl-C', async () => {
    const demo = await startDemo();
    expect(demo.email).toBe('demo@hearth.test');
    expect(demo.password).not.toBeNull();
    password = demo.password!;
    expect(demo.output()).toMatch(/maisonlumiere\.test .+ connected to "Maison Lumière \(demo\)"/);
    expect(demo.output()).toMatch(/camilledurand\.test/);

    const session = await signIn(demo, password);
    const workspace = session.workspaces.find((w) => w.name === 'Maison Lumière (demo)')!;
    expect(workspace).toBeDefined();
    const accounts = await get<Account[]>(demo, session, `/workspaces/${workspace.id}/accounts`);
    expect(accounts).toMatchObject([{ network: 'bluesky', handle: 'maisonlumiere.test', health: 'ok' }]);
    firstAccountId = accounts[0]!.id;
    const posts = await get<Post[]>(demo, session, `/workspaces/${workspace.id}/posts`);
    expect(posts.map((p) => p.status).sort()).toEqual(['draft', 'draft', 'draft', 'scheduled']);
    const scheduled = posts.find((p) => p.status === 'scheduled')!;
    expect(Date.parse(scheduled.publishAt!)).toBeGreaterThan(Date.now());

    // The network is real: its PDS answers over HTTP, and the brand's profile is there.
    expect((await fetch(`${demo.pds}/xrpc/_health`)).status).toBe(200);
    expect(existsSync(join(data, 'demo-network'))).toBe(true);

    expect(childrenOf(demo.child.pid!)).toEqual([]);
    expect(await stop(demo)).toBe(0);
    await expect(fetch(`${demo.pds}/xrpc/_health`)).rejects.toThrow();
    expect(existsSync(join(data, 'demo-network'))).toBe(false);
    expect(existsSync(join(data, 'hearth.db'))).toBe(true);
  }, 180_000);

  it('starts again on the same folder: same sign-in, a new network, the brand account reconnected and its posts moved', async () => {
    const demo = await startDemo();
    expect(demo.password).toBeNull();
    expect(demo.output()).toMatch(/the one printed the first time/);
    expect(demo.output()).toMatch(/The previous demo network is gone/);

    const session = await signIn(demo, password);
    const workspace = session.workspaces.find((w) => w.name === 'Maison Lumière (demo)')!;
    const accounts = await get<Account[]>(demo, session, `/workspaces/${workspace.id}/accounts`);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ handle: 'maisonlumiere.test', health: 'ok' });
    expect(accounts[0]!.id).not.toBe(firstAccountId);
    const posts = await get<Post[]>(demo, session, `/workspaces/${workspace.id}/posts`);
    expect(posts.map((p) => p.status).sort()).toEqual(['draft', 'draft', 'draft', 'scheduled']);
    expect(posts.flatMap((p) => p.targets.map((t) => t.accountId))).toEqual(posts.map(() => accounts[0]!.id));

    expect(await stop(demo)).toBe(0);
    expect(existsSync(join(data, 'demo-network'))).toBe(false);
  }, 180_000);
});
