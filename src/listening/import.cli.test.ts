import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';
import { buildItem } from '../../test/listening-fixtures.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

function count(dataDir: string, sql = 'select count(*) as n from mentions'): number {
  const db = new BetterSqlite3(join(dataDir, 'hearth.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const csvField = (value: string | number | null | undefined): string => {
  if (value === undefined || value === null) {
    return '';
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

describe('hearth import', () => {
  let data: string;
  beforeEach(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-import-'));
    delete process.env.DATABASE_URL;
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
  });

  it('imports JSONL idempotently and reports bad rows with their line numbers (exit 1)', async () => {
    const file = join(data, 'export.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify(buildItem(1)),
        JSON.stringify(buildItem(2, { network: 'trustpilot' })),
        '',
        '{"id": "broken", ',
        JSON.stringify({ id: 'no-text' }),
        JSON.stringify(buildItem(3, { createdAt: '03/01/2026' })),
        JSON.stringify(buildItem(4)),
      ].join('\n'),
    );
    const first = await hearth(data, 'import', file, '--workspace', 'Brand A');
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/6 rows, 3 stored, 0 already there, 3 bad\./);
    expect(first.err).toMatch(/^line 4: not valid JSON$/m);
    expect(first.err).toMatch(/^line 5 \(id no-text\): text is required$/m);
    expect(first.err).toMatch(/^line 6 \(id item-3\): createdAt must be an ISO 8601/m);
    expect(first.err).toMatch(/3 rows of .* were not imported/);

    const again = await hearth(data, 'import', file, '--workspace', 'Brand A');
    expect(again.out).toMatch(/6 rows, 0 stored, 3 already there, 3 bad\./);
    expect(count(data)).toBe(3);
    expect(count(data, "select count(*) as n from listening_sources where kind = 'import' and name = 'Import'")).toBe(1);
  });

  it('imports CSV with quoted commas, quotes and line breaks; exit 0 when every row is good', async () => {
    const file = join(data, 'export.csv');
    const columns = ['id', 'network', 'author', 'authorName', 'text', 'createdAt', 'url', 'likes', 'reposts', 'replies', 'followers'] as const;
    const items = [
      buildItem(1, { text: 'Lampe "Lumière", enfin!\nDeuxième ligne, avec virgule' }),
      buildItem(2, { text: 'Plain text' }),
      buildItem(3, { text: 'Windows\r\nline break' }),
    ];
    const rows = items.map((item) => columns.map((column) => csvField(item[column])).join(','));
    writeFileSync(file, `\uFEFF${columns.join(',')}\r\n${rows.join('\r\n')}\r\n`);
    const result = await hearth(data, 'import', file, '--workspace', 'Brand A', '--source', 'Brandwatch export');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/source "Brandwatch export"\): 3 rows, 3 stored/);
    const db = new BetterSqlite3(join(data, 'hearth.db'), { readonly: true });
    try {
      const stored = db.prepare('select external_id, text, likes, author_followers from mentions order by external_id').all();
      expect(stored).toEqual([
        { external_id: 'item-1', text: 'Lampe "Lumière", enfin!\nDeuxième ligne, avec virgule', likes: 1, author_followers: 100 },
        { external_id: 'item-2', text: 'Plain text', likes: 2, author_followers: 200 },
        { external_id: 'item-3', text: 'Windows\r\nline break', likes: 3, author_followers: 300 },
      ]);
    } finally {
      db.close();
    }
  });

  it('reports CSV rows by the line they start on, and refuses a file without id and text columns', async () => {
    const file = join(data, 'bad.csv');
    writeFileSync(file, 'id,text,likes\n1,"two\nlines",3\n2,,4\n3,ok,many\n4,"a,b",c,d\n5,fine,1\n');
    const result = await hearth(data, 'import', file, '--workspace', 'Brand A');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/5 rows, 2 stored, 0 already there, 3 bad/);
    expect(result.err.trim().split('\n').slice(0, 3)).toEqual([
      'line 4 (id 2): text is required',
      'line 5 (id 3): likes must be a number',
      'line 6: 4 fields where the header has 3 (a comma in an unquoted field?)',
    ]);

    const headerless = join(data, 'headerless.csv');
    writeFileSync(headerless, 'a,b\n1,2\n');
    expect(await hearth(data, 'import', headerless, '--workspace', 'Brand A')).toMatchObject({ code: 1, err: expect.stringMatching(/must name at least the id and text columns/) as unknown });
    const open = join(data, 'open.csv');
    writeFileSync(open, 'id,text\n1,"never closed\n');
    expect(await hearth(data, 'import', open, '--workspace', 'Brand A')).toMatchObject({ code: 1, err: expect.stringMatching(/opened on line 2 is never closed/) as unknown });
    expect(await hearth(data, 'import', join(data, 'x.txt'), '--workspace', 'Brand A')).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot tell the format/) as unknown });
    expect(await hearth(data, 'import', join(data, 'none.csv'), '--workspace', 'Brand A')).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot read/) as unknown });
  });

  it('an import killed in the middle (kill -9) loses and duplicates nothing when run again', { timeout: 90_000 }, async () => {
    const total = 4_000;
    const file = join(data, 'big.jsonl');
    writeFileSync(file, Array.from({ length: total }, (_, i) => JSON.stringify(buildItem(i))).join('\n'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/run-hearth.ts', 'import', file, '--workspace', 'Brand A', '--data', data], {
      stdio: 'ignore',
      env: { ...process.env, DATABASE_URL: '' },
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let before = 0;
    const deadline = Date.now() + 60_000;
    while (before < 1_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      try {
        before = count(data);
      } catch {
        // The table is not there yet (the child is still migrating).
      }
    }
    child.kill('SIGKILL');
    await exited;
    const killedAt = count(data);
    expect(killedAt).toBeGreaterThanOrEqual(1_000);
    expect(killedAt).toBeLessThan(total);
    // Each batch of 500 is one transaction: never half a batch.
    expect(killedAt % 500).toBe(0);

    const resumed = await hearth(data, 'import', file, '--workspace', 'Brand A');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(new RegExp(`${total} rows, ${total - killedAt} stored, ${killedAt} already there, 0 bad`));
    expect(count(data)).toBe(total);
    expect(count(data, "select count(*) as n from originality_sources where kind = 'ingested'")).toBe(total);
    expect(count(data, 'select items_stored as n from listening_sources')).toBe(total);
  });
});
