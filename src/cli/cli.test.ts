import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';

/** Runs `hearth ...args` in-process against a temporary data folder. */
const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

describe('hearth CLI (SQLite)', () => {
  let data: string;
  beforeEach(() => {
    data = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates a user with a generated password, a workspace and an API token', async () => {
    const user = await hearth(data, 'user', 'create', '--email', 'Ana@Brand.test', '--name', 'Ana');
    expect(user.code).toBe(0);
    expect(user.out).toMatch(/Created user ana@brand\.test/);
    expect(user.out).toMatch(/Password \(shown once\): \S{24}/);

    const workspace = await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test', '--time-zone', 'Europe/Paris');
    expect(workspace.code).toBe(0);
    expect(workspace.out).toMatch(/Created workspace "Brand A"/);

    const token = await hearth(data, 'token', 'create', '--email', 'ana@brand.test', '--workspace', 'Brand A');
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^hth_[A-Za-z0-9_-]{43}$/);

    // The data folder holds the database and a private key file.
    expect(existsSync(join(data, 'hearth.db'))).toBe(true);
    expect(existsSync(join(data, 'secret.key'))).toBe(true);
  });

  it('fails with a message and a non-zero exit code on bad input', async () => {
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test');
    const cases: [string[], RegExp][] = [
      [['user', 'create', '--email', 'not-an-email'], /--email: Enter a valid e-mail address/],
      [['user', 'create', '--email', 'ana@brand.test'], /already exists/],
      [['workspace', 'create', 'X', '--owner', 'ghost@brand.test'], /No user ghost@brand\.test/],
      [['workspace', 'create', 'X', '--owner', 'ana@brand.test', '--time-zone', 'Nowhere/City'], /--time-zone: Unknown time zone/],
      [['workspace', 'create', 'X', '--owner', 'ana@brand.test', '--languages', 'fr,klingon'], /--languages/],
      [['token', 'create', '--email', 'ana@brand.test', '--workspace', 'Nope'], /No workspace "Nope"/],
    ];
    for (const [args, message] of cases) {
      const result = await hearth(data, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('refuses a token for a workspace the user is not a member of', async () => {
    await hearth(data, 'user', 'create', '--email', 'a@brand.test');
    await hearth(data, 'user', 'create', '--email', 'b@brand.test');
    await hearth(data, 'workspace', 'create', 'Mine', '--owner', 'a@brand.test');
    const result = await hearth(data, 'token', 'create', '--email', 'b@brand.test', '--workspace', 'Mine');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not a member/);
  });

  it('makes a recovery owner of every workspace with --owner', async () => {
    await hearth(data, 'user', 'create', '--email', 'a@brand.test');
    await hearth(data, 'workspace', 'create', 'One', '--owner', 'a@brand.test');
    await hearth(data, 'workspace', 'create', 'Two', '--owner', 'a@brand.test');
    const rescue = await hearth(data, 'user', 'create', '--email', 'rescue@brand.test', '--owner');
    expect(rescue.out).toMatch(/Owner of: One, Two/);
  });

  it('backs up the SQLite database to a file that opens with the same data, and never overwrites', async () => {
    await hearth(data, 'user', 'create', '--email', 'a@brand.test');
    const target = join(data, 'copy.db');
    const first = await hearth(data, 'backup', target);
    expect(first.code).toBe(0);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.prepare('select email from users').all()).toEqual([{ email: 'a@brand.test' }]);
    copy.close();
    const second = await hearth(data, 'backup', target);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/exists/);
    expect((await hearth(data, 'backup', target, '--force')).code).toBe(0);
  });

  it('migrates idempotently', async () => {
    expect((await hearth(data, 'migrate')).out).toMatch(/Applied: 0001_foundation/);
    expect((await hearth(data, 'migrate')).out).toMatch(/already up to date/);
  });
});
