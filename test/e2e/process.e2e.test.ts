import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '../../src/db/testing.js';
import { cleanEnv, HEARTH_BIN, startHearth, type RunningHearth } from './server.js';

function run(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HEARTH_BIN, ...args], { env: cleanEnv(options.env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(options.stdin ?? '');
  });
}

describe('hearth serve, as a process', () => {
  const running: RunningHearth[] = [];
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop('SIGKILL')));
  });

  it('serves the web UI, deep links and the API, and prints its URL', async () => {
    const hearth = await startHearth();
    running.push(hearth);
    expect(hearth.output()).toMatch(/create the owner account/);
    const page = await fetch(`${hearth.url}/w/some-id/inbox`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(await (await fetch(`${hearth.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'sqlite' });
    const missing = await fetch(`${hearth.url}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-z]{26}$/);
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    // Production password cost (scrypt 2^17): the setup request takes long enough to be in flight.
    const hearth = await startHearth({ env: { HEARTH_SCRYPT_LOG2N: '17' } });
    const inFlight = fetch(`${hearth.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana', email: 'ana@brand.test', password: 'a long password', workspaceName: 'Brand', timeZone: 'UTC', languages: ['en'] }),
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exited = hearth.stop('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(201);
    expect(await exited).toBe(0);
    expect(hearth.output()).toMatch(/"msg":"stopped"/);
    expect(hearth.output()).not.toContain('a long password');
  });

  it('reads a password from stdin for `user create --password-stdin`', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hearth-e2e-cli-'));
    const created = await run(['user', 'create', '--email', 'ana@brand.test', '--password-stdin', '--data', data], { stdin: 'a strong password\n' });
    expect(created.code).toBe(0);
    expect(created.out).not.toMatch(/Password \(shown once\)/);
    const hearth = await startHearth({ dataDir: data });
    running.push(hearth);
    const signIn = await fetch(`${hearth.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@brand.test', password: 'a strong password' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('runs on PostgreSQL with DATABASE_URL, beside a separate worker process', async () => {
    const database = `hearth_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${database}`;
    try {
      const hearth = await startHearth({ env: { DATABASE_URL: url.toString() }, args: ['--no-worker'] });
      running.push(hearth);
      expect(await (await fetch(`${hearth.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'postgres' });
      const worker = spawn(process.execPath, [HEARTH_BIN, 'worker'], { env: cleanEnv({ DATABASE_URL: url.toString() }) });
      let log = '';
      worker.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not start: ${log}`)), 30_000);
        worker.stdout.on('data', () => {
          if (log.includes('worker started')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const exit = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      expect(await exit).toBe(0);
      await hearth.stop();
    } finally {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });
});
