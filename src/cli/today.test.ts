import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';
import type { TodayList } from '../today/today.types.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

describe('hearth today', () => {
  let data: string;
  let workspaceId = '';

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-today-cli-'));
    delete process.env.DATABASE_URL;
    expect((await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana')).code).toBe(0);
    expect((await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test')).code).toBe(0);
    expect((await hearth(data, 'workspace', 'create', 'Brand B', '--owner', 'ana@brand.test')).code).toBe(0);
    const db = new BetterSqlite3(join(data, 'hearth.db'));
    try {
      workspaceId = (db.prepare(`select id from workspaces where name = 'Brand A'`).get() as { id: string })
        .id;
      const now = new Date().toISOString();
      // An account whose last check failed, and a post waiting for approval, as those capabilities leave them.
      db.prepare(
        `insert into connected_accounts (id, workspace_id, network, external_id, handle, display_name, url, followers, credentials, voice_override, health, health_message, checked_at, created_by, created_at, updated_at, removed_at)
         values ('acc1', ?, 'mastodon', '42', 'brand@social.test', null, null, 10, 'sealed', null, 'failing', 'The access token was revoked', ?, null, ?, ?, null)`,
      ).run(workspaceId, now, now, now);
      db.prepare(
        `insert into posts (id, workspace_id, author_id, status, text, language, partnership, publish_at, version, check_verdict, check_score, check_findings, override_reason, override_by, review_comment, reviewed_by, reviewed_at, created_at, updated_at)
         values ('post1', ?, null, 'in_review', 'Spring is here: meet the walnut lamp', 'en', 0, null, 1, null, null, null, null, null, null, null, null, ?, ?)`,
      ).run(workspaceId, now, now);
    } finally {
      db.close();
    }
  });

  it('prints the list as JSON, most urgent first, each item with why and where', async () => {
    const run = await hearth(data, 'today', '--workspace', 'Brand A', '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.out) as TodayList;
    expect(list.items.map((item) => item.id)).toEqual(['account:acc1', 'approval:post1']);
    expect(list.items[0]).toMatchObject({
      kind: 'account',
      title: '@brand@social.test',
      why: 'Mastodon refuses its credentials: The access token was revoked',
      link: `/w/${workspaceId}/settings/accounts`,
    });
    expect(list.counts).toMatchObject({ account: 1, approval: 1, conversation: 0 });
  });

  it('prints a readable list, and says when there is nothing urgent', async () => {
    const run = await hearth(data, 'today', '-w', workspaceId);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      ' 70  account    @brand@social.test\n     Mastodon refuses its credentials: The access token was revoked\n',
    );
    expect(run.out).toContain(`→ /w/${workspaceId}/publish/post1`);
    expect(run.out.indexOf('account')).toBeLessThan(run.out.indexOf('approve'));
    const empty = await hearth(data, 'today', '--workspace', 'Brand B');
    expect(empty).toMatchObject({ code: 0, out: 'Nothing urgent in Brand B.\n' });
  });

  it('refuses an unknown workspace or member with a message and exit code 1', async () => {
    const unknown = await hearth(data, 'today', '--workspace', 'Brand Z');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No workspace "Brand Z"');
    const stranger = await hearth(data, 'today', '--workspace', 'Brand A', '--as', 'nobody@brand.test');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toContain('No user nobody@brand.test');
  });
});
