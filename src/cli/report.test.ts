/** `hearth report` in-process on a SQLite data folder: files written atomically, usage errors exit 2. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';
import { openMigratedDatabase } from '../db/open.js';
import { seedReportFixture } from '../reports/reports.fixtures.js';

describe('hearth report', () => {
  let data: string;
  let out: string;
  const hearth = (...args: string[]): Promise<CliRun> => runCli(...args, '--data', data);
  const week = ['--workspace', 'ws-c', '--from', '2026-03-02', '--to', '2026-03-09'];

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-report-cli-'));
    out = mkdtempSync(join(tmpdir(), 'hearth-report-out-'));
    delete process.env.DATABASE_URL;
    await hearth('user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path: join(data, 'hearth.db') });
    try {
      await seedReportFixture(db.kysely, 'c');
      const user = await db.kysely.selectFrom('users').select('id').where('email', '=', 'ana@brand.test').executeTakeFirstOrThrow();
      await db.kysely.insertInto('memberships').values({ workspace_id: 'ws-c', user_id: user.id, role: 'owner', created_at: '2026-03-01T00:00:00.000Z' }).execute();
    } finally {
      await db.close();
    }
  });

  it('writes an HTML report and prints the summary on stderr', async () => {
    const file = join(out, 'support.html');
    const run = await hearth('report', ...week, '--template', 'support', '--format', 'html', '--out', file);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain('Building the support report');
    expect(run.err).toContain('Response rate: 60 %');
    expect(run.err).toContain(`Wrote ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Support report');
    expect(html).toContain('sla_attainment@1');
    // Only the report: no temporary file left beside it.
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes CSV (every table) and PDF', async () => {
    const csv = join(out, 'risk.csv');
    expect((await hearth('report', ...week, '--template', 'risk', '--format', 'csv', '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('influential_critics@1');
    const pdf = join(out, 'leadership.pdf');
    const run = await hearth('report', ...week, '--template', 'leadership', '--format', 'pdf', '--out', pdf);
    expect(run.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('exits 2 on bad flags, before touching anything', async () => {
    const cases: [string[], RegExp][] = [
      [['--template', 'finance', '--out', join(out, 'x.html')], /--template must be one of support, product, marketing, leadership, risk, not "finance"/],
      [['--template', 'support', '--format', 'docx', '--out', join(out, 'x.html')], /--format must be one of html, pdf, csv/],
      [['--template', 'support'], /--out is required/],
    ];
    for (const [flags, message] of cases) {
      const run = await hearth('report', ...week, ...flags);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
    }
    const backwards = await hearth('report', '--workspace', 'ws-c', '--template', 'support', '--from', '2026-03-09', '--to', '2026-03-02', '--out', join(out, 'x.html'));
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('must be before to');
    const tooLong = await hearth('report', '--workspace', 'ws-c', '--template', 'support', '--from', '2020-01-01', '--to', '2026-03-02', '--out', join(out, 'x.html'));
    expect(tooLong.code).toBe(2);
    expect(tooLong.err).toContain('at most two years');
    const badDate = await hearth('report', '--workspace', 'ws-c', '--template', 'support', '--from', 'last monday', '--to', '2026-03-02', '--out', join(out, 'x.html'));
    expect(badDate.code).toBe(2);
    expect(existsSync(join(out, 'x.html'))).toBe(false);
  });

  it('fails with a message for an unknown workspace or an unwritable file', async () => {
    const unknown = await hearth('report', '--workspace', 'Nowhere', '--template', 'support', '--from', '2026-03-02', '--to', '2026-03-09', '--out', join(out, 'y.html'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No workspace "Nowhere"');
    const unwritable = await hearth('report', ...week, '--template', 'support', '--out', join(out, 'missing-folder', 'z.html'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain('Could not write');
  });
});
