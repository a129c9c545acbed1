import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

describe('hearth originality add', () => {
  let data: string;
  beforeEach(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-originality-'));
    delete process.env.DATABASE_URL;
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
  });

  it('indexes a JSONL file idempotently, reporting short texts and bad lines with their numbers', async () => {
    const file = join(data, 'competitors.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'z1', text: 'Our new reading lamp gives a warm light that never tires your eyes.', label: 'Zorvalta' }),
        JSON.stringify({ id: 2, text: 'A second competitor post about their spring collection of lamps.', kind: 'ingested' }),
        JSON.stringify({ id: 'z3', text: 'Hi' }),
        '{not json',
        JSON.stringify({ id: 'z4' }),
        '',
      ].join('\n'),
    );
    const first = await hearth(data, 'originality', 'add', file, '--workspace', 'Brand A');
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/Indexed 2 texts for "Brand A", skipped 1 too short to compare, 2 bad lines\./);
    expect(first.err).toMatch(/line 4: not valid JSON/);
    expect(first.err).toMatch(/line 5: text/);

    await hearth(data, 'originality', 'add', file, '--workspace', 'Brand A');
    const sqlite = new BetterSqlite3(join(data, 'hearth.db'), { readonly: true });
    try {
      const rows = sqlite.prepare('select source_id, kind, label from originality_sources order by source_id').all();
      expect(rows).toEqual([
        { source_id: '2', kind: 'ingested', label: null },
        { source_id: 'z1', kind: 'competitor', label: 'Zorvalta' },
      ]);
      // Only hashes are kept, never the text.
      const stored = sqlite.prepare('select * from originality_sources').all();
      expect(JSON.stringify(stored)).not.toMatch(/reading lamp/);
    } finally {
      sqlite.close();
    }
  });

  it('refuses a bad kind, a missing file and an unknown workspace', async () => {
    expect(await hearth(data, 'originality', 'add', join(data, 'none.jsonl'), '--workspace', 'Brand A')).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot read/) as unknown });
    const file = join(data, 'ok.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'a', text: 'one two three four five six seven' }));
    expect(await hearth(data, 'originality', 'add', file, '--workspace', 'Brand A', '--kind', 'friend')).toMatchObject({ code: 2 });
    expect(await hearth(data, 'originality', 'add', file, '--workspace', 'Nope')).toMatchObject({ code: 1, err: expect.stringMatching(/No workspace "Nope"/) as unknown });
  });
});
