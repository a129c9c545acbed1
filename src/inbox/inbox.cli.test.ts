import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

describe('hearth inbox', () => {
  let data: string;
  let ids: string[] = [];

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-inbox-cli-'));
    delete process.env.DATABASE_URL;
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth(data, 'user', 'create', '--email', 'bo@brand.test', '--name', 'Bo');
    await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
    const db = new BetterSqlite3(join(data, 'hearth.db'));
    try {
      const workspace = db.prepare('select id from workspaces').get() as { id: string };
      const now = new Date().toISOString();
      db.prepare(
        `insert into memberships (workspace_id, user_id, role, created_at) select ?, id, 'agent', ? from users where email = 'bo@brand.test'`,
      ).run(workspace.id, now);
      // A connected account as `hearth account connect` leaves it (its credentials are never read here).
      db.prepare(
        `insert into connected_accounts (id, workspace_id, network, external_id, handle, display_name, url, followers, credentials, voice_override, health, health_message, checked_at, created_by, created_at, updated_at, removed_at)
         values ('acc1', ?, 'bluesky', 'did:plc:brand', 'brand.test', 'Brand', null, 10, 'sealed', null, 'ok', null, null, null, ?, ?, null)`,
      ).run(workspace.id, now, now);
    } finally {
      db.close();
    }
    // Mentions addressed to the brand, as an export of them would carry them.
    const file = join(data, 'mentions.jsonl');
    writeFileSync(
      file,
      [
        {
          id: 'at://did:plc:ana/app.bsky.feed.post/1',
          network: 'bluesky',
          author: 'ana.test',
          authorName: 'Ana Lopez',
          text: '@brand.test my order never arrived, this is unacceptable',
          createdAt: '2026-12-01T10:00:00Z',
          followers: 50_000,
          addressedTo: ['brand.test'],
          ref: '{"uri":"at://did:plc:ana/app.bsky.feed.post/1","cid":"bafyreia"}',
        },
        {
          id: 'at://did:plc:bo/app.bsky.feed.post/2',
          network: 'bluesky',
          author: 'bo.test',
          text: '@brand.test lovely lamps!',
          createdAt: '2026-12-01T11:00:00Z',
          addressedTo: ['brand.test'],
        },
        {
          id: 'at://did:plc:cy/app.bsky.feed.post/3',
          network: 'bluesky',
          author: 'cy.test',
          text: 'talking about someone else',
          createdAt: '2026-12-01T12:00:00Z',
          addressedTo: ['other.test'],
        },
        {
          id: 'at://did:plc:dd/app.bsky.feed.post/4',
          network: 'bluesky',
          author: 'dd.test',
          text: '@brand.test you are stupid idiots, shut up and die',
          createdAt: '2026-12-01T13:00:00Z',
          addressedTo: ['brand.test'],
        },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
    expect((await hearth(data, 'import', file, '--workspace', 'Brand A')).code).toBe(0);
  });

  it('lists conversations, the most urgent first, as text and JSON', async () => {
    const listed = await hearth(data, 'inbox', 'list', '--workspace', 'Brand A', '--json');
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.out) as {
      items: { id: string; author: { handle: string }; priority: { score: number } }[];
    };
    expect(page.items.map((c) => c.author.handle)).toEqual(['ana.test', 'bo.test']);
    ids = page.items.map((c) => c.id);
    const text = await hearth(data, 'inbox', 'list', '--workspace', 'Brand A');
    expect(text.out).toMatch(/open\s+p\s*\d+ .*bluesky @ana\.test: @brand\.test my order never arrived/);
    expect((await hearth(data, 'inbox', 'list', '--workspace', 'Brand A', '--status', 'gone')).err).toMatch(
      /--status must be one of/,
    );
    // The insult is sorted out of the main view, into the spam tab, tagged offensive.
    const db = new BetterSqlite3(join(data, 'hearth.db'), { readonly: true });
    try {
      expect(
        db.prepare(`select spam, tags from conversations where author_handle = 'dd.test'`).get(),
      ).toEqual({
        spam: 1,
        tags: '["offensive"]',
      });
    } finally {
      db.close();
    }
  });

  it('assigns to a member, refuses strangers, filters by assignee, and closes', async () => {
    const assigned = await hearth(data, 'inbox', 'assign', ids[0]!, '--to', 'bo@brand.test');
    expect(assigned.code).toBe(0);
    expect(assigned.out).toMatch(/^Assigned to bo@brand\.test: .* → bo@brand\.test/);
    const stranger = await hearth(data, 'inbox', 'assign', ids[0]!, '--to', 'zed@else.test');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toMatch(/not a member of this workspace/);
    const bos = JSON.parse(
      (await hearth(data, 'inbox', 'list', '--workspace', 'Brand A', '--assignee', 'bo@brand.test', '--json'))
        .out,
    ) as { items: { id: string }[] };
    expect(bos.items.map((c) => c.id)).toEqual([ids[0]]);
    expect((await hearth(data, 'inbox', 'close', ids[1]!)).out).toMatch(/^Closed: .*closed/);
    const open = JSON.parse(
      (await hearth(data, 'inbox', 'list', '--workspace', 'Brand A', '--status', 'open', '--json')).out,
    ) as { items: unknown[] };
    expect(open.items).toHaveLength(1);
    expect((await hearth(data, 'inbox', 'close', 'nope')).err).toMatch(/No conversation nope/);
  });

  it('refuses an aggressive reply with the findings (exit 1), and says when a message cannot be answered', async () => {
    const blocked = await hearth(
      data,
      'inbox',
      'reply',
      ids[0]!,
      '--text',
      'Read the FAQ, stupid. We already told you idiots a hundred times!',
    );
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/guardrails block this reply/);
    expect(blocked.err).toMatch(/^ {2}tone\.[a-z-]+: /m);
    // Imported without the network's reference: Hearth cannot answer it on the network.
    const unanswerable = await hearth(data, 'inbox', 'reply', ids[1]!, '--text', 'So sorry, we are on it.');
    expect(unanswerable.code).toBe(1);
    expect(unanswerable.err).toMatch(/cannot be answered from Hearth/);
    // Moderation needs the account's credentials; stored ones that cannot be opened say so.
    const hidden = await hearth(data, 'inbox', 'hide', ids[0]!);
    expect(hidden.code).toBe(1);
    expect(hidden.err).toMatch(/credentials cannot be opened .*connect it again/);
  });
});
