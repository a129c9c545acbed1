import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';
import { buildItem } from '../../test/listening-fixtures.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

describe('hearth query test', () => {
  it('says whether a text matches and why: exit 0 when it does, 1 when not, 2 when the query is wrong', async () => {
    const yes = await runCli('query', 'test', '(refund* OR remboursement) -job', '--text', 'Je veux un remboursement pour ma lampe');
    expect(yes.code).toBe(0);
    expect(yes.out).toMatch(/^Matches\./);
    expect(yes.out).toContain('Je veux un [remboursement] pour ma lampe');
    expect(yes.out).toMatch(/remboursement: found at 11–24 \(decisive\)/);

    const no = await runCli('query', 'test', 'refund* lang:en', '--text', 'Je veux un remboursement', '--json');
    expect(no.code).toBe(1);
    expect(JSON.parse(no.out)).toMatchObject({ valid: true, sample: { matches: false, language: 'fr' } });

    const broken = await runCli('query', 'test', 'lamp AND (refund', '--text', 'x');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/parenthesis/i);
    // The caret points under the parenthesis that is never closed.
    expect(broken.err).toContain('\n  lamp AND (refund\n           ^\n');
  });
});

describe('hearth source, query and mentions', () => {
  let data: string;
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-listen-cli-'));
    delete process.env.DATABASE_URL;
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
  });

  it('adds and lists sources; a webhook’s secret is shown once; bad input exits 1 with a message', async () => {
    const feed = await hearth(data, 'source', 'add', 'rss', '--workspace', 'Brand A', '--url', 'https://blog.example/feed.xml', '--every', '30');
    expect(feed.code).toBe(0);
    expect(feed.out).toMatch(/Added .* rss\s+blog\.example https:\/\/blog\.example\/feed\.xml/);
    const hook = await hearth(data, 'source', 'add', 'webhook', '--workspace', 'Brand A', '--name', 'Reviews', '--json');
    expect(hook.code).toBe(0);
    const added = JSON.parse(hook.out) as { source: { id: string }; secret: string };
    expect(added.secret.length).toBeGreaterThanOrEqual(40);

    const listed = await hearth(data, 'source', 'list', '--workspace', 'Brand A', '--json');
    const sources = JSON.parse(listed.out) as { kind: string; name: string }[];
    expect(sources.map((s) => `${s.kind}:${s.name}`).sort()).toEqual(['rss:blog.example', 'webhook:Reviews']);
    expect(listed.out).not.toContain(added.secret);

    const bad = await hearth(data, 'source', 'add', 'rss', '--workspace', 'Brand A', '--url', 'ftp://x.example/feed');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^hearth: .*http/m);
    expect((await hearth(data, 'source', 'add', 'rss', '--workspace', 'Brand A', '--url', 'https://x.example/', '--every', '1')).code).toBe(1);
    expect((await hearth(data, 'source', 'list', '--workspace', 'Nope')).err).toMatch(/No workspace "Nope"/);
  });

  it('saves a query, matches the imported history, and lists mentions by saved query, text and date', async () => {
    const file = join(data, 'export.jsonl');
    const items = [
      buildItem(1, { id: 'a', text: 'I want a refund for my lamp', createdAt: '2026-11-01T10:00:00Z' }),
      buildItem(2, { id: 'b', text: 'Refunded already, thanks!', createdAt: '2026-11-20T10:00:00Z' }),
      buildItem(3, { id: 'c', text: 'Lovely lamp', createdAt: '2026-11-21T10:00:00Z' }),
    ];
    writeFileSync(file, items.map((item) => JSON.stringify(item)).join('\n'));
    expect((await hearth(data, 'import', file, '--workspace', 'Brand A')).code).toBe(0);

    const saved = await hearth(data, 'query', 'add', '--workspace', 'Brand A', '--name', 'Refunds', '--query', 'refund*', '--tag', 'topic');
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/Saved .*\[topic\] Refunds: refund\*\s+\(history pending\)/);
    const wrong = await hearth(data, 'query', 'add', '--workspace', 'Brand A', '--name', 'Broken', '--query', 'refund AND');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^hearth: /);
    expect((await hearth(data, 'query', 'add', '--workspace', 'Brand A', '--name', 'X', '--query', 'x', '--tag', 'rival')).err).toMatch(/--tag must be one of/);

    const bySaved = JSON.parse((await hearth(data, 'mentions', 'list', '--workspace', 'Brand A', '--query', 'Refunds', '--json')).out) as {
      items: { externalId: string; why?: { highlights: unknown[] } }[];
    };
    expect(bySaved.items.map((m) => m.externalId)).toEqual(['b', 'a']);
    expect(bySaved.items[0]?.why?.highlights).toEqual([{ start: 0, end: 8 }]);

    const since = JSON.parse((await hearth(data, 'mentions', 'list', '--workspace', 'Brand A', '--since', '2026-11-15T00:00:00Z', '--limit', '1', '--json')).out) as {
      items: { externalId: string }[];
      nextCursor: string | null;
    };
    expect(since.items.map((m) => m.externalId)).toEqual(['c']);
    expect(since.nextCursor).not.toBeNull();
    const text = await hearth(data, 'mentions', 'list', '--workspace', 'Brand A', '--text', 'LAMP');
    expect(text.out.trim().split('\n')).toHaveLength(2);
    expect((await hearth(data, 'mentions', 'list', '--workspace', 'Brand A', '--since', 'yesterday')).err).toMatch(/--since: an ISO 8601/);
    expect((await hearth(data, 'mentions', 'list', '--workspace', 'Brand A', '--limit', '0')).code).toBe(1);
  });
});
