import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/cli-harness.js';
import { buildItem, sharedAnalyzer } from '../../../test/listening-fixtures.js';
import { createLogger } from '../../core/logger.js';
import { createWorkspaceOriginalityIndexes } from '../../originality/originality.indexes.js';
import { systemClock } from '../../core/clock.js';
import { openMigratedDatabase } from '../../db/open.js';
import { findWorkspaces } from '../../workspaces/workspaces.service.js';
import { ingestItems } from '../ingest.service.js';
import { queriesRepo } from '../queries.repo.js';
import { importSourceNamed } from '../sources.service.js';
import { newId } from '../../core/ids.js';

describe('hearth trends and hearth competitors', () => {
  let data: string;
  const hearth = (...args: string[]): Promise<CliRun> => runCli(...args, '--data', data);

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-insights-'));
    delete process.env.DATABASE_URL;
    await hearth('user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth('workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
    // Mentions and a brand query, put there through the services on the same data folder.
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path: join(data, 'hearth.db') });
    try {
      const workspace = (await findWorkspaces(db.kysely, 'Brand A'))[0]!;
      const now = new Date().toISOString();
      await queriesRepo(db.kysely).insert({
        id: newId(),
        workspace_id: workspace.id,
        name: 'Brand',
        query: 'lumiere',
        tag: 'brand',
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      const source = await importSourceNamed(db.kysely, systemClock, workspace.id, 'Archive');
      const at = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();
      const deps = {
        db: db.kysely,
        clock: systemClock,
        logger: createLogger({ level: 'silent' }),
        analyzer: sharedAnalyzer,
        originality: createWorkspaceOriginalityIndexes(db.kysely),
      };
      await ingestItems(deps, workspace.id, source.id, [
        ...[1, 2, 3, 4].map((n) =>
          buildItem(n, {
            id: `r${n}`,
            text: 'Lumière #Printemps arrive',
            createdAt: at(n),
            likes: n,
            reposts: 0,
            replies: 0,
            followers: 10,
          }),
        ),
        buildItem(5, {
          id: 'z1',
          text: 'Zorvalta soldes',
          createdAt: at(3),
          network: 'bluesky',
          author: 'Zorvalta.test',
          likes: 6,
          reposts: 0,
          replies: 0,
          followers: 40,
        }),
      ]);
    } finally {
      await db.close();
    }
  });

  it('prints rising terms with the formula, or JSON; refuses an unknown query', async () => {
    const json = await hearth('trends', '--workspace', 'Brand A', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as {
      terms: { term: string; recent: number; baseline: number; samples: unknown[] }[];
    };
    expect(report.terms.find((term) => term.term === '#printemps')).toMatchObject({ recent: 4, baseline: 0 });

    const text = await hearth('trends', '--workspace', 'Brand A', '--query', 'Brand');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Trends in "Brand A" \(query "Brand"\)/);
    expect(text.out).toMatch(/score = \(recent − expected\)/);
    expect(text.out).toMatch(
      /^#printemps {2}\(hashtag\) {2}now 4, baseline 0, expected 0, score 4, ratio 5$/m,
    );
    expect(text.out).toMatch(/^ {4}@user4\.example: Lumière #Printemps arrive {2}\(4 engagement\)$/m);

    const unknown = await hearth('trends', '--workspace', 'Brand A', '--query', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No saved query "nope"/);
  });

  it('adds and lists competitors, reports on one and prints the share of voice', async () => {
    const added = await hearth(
      'competitors',
      'add',
      'Zorvalta',
      '--account',
      'bluesky:@Zorvalta.test',
      '--query',
      'zorvalta',
      '--workspace',
      'Brand A',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      competitor: { name: 'Zorvalta', accounts: [{ network: 'bluesky', handle: 'zorvalta.test' }] },
    });
    expect(
      (await hearth('competitors', 'add', 'Bad', '--account', 'nocolon', '--workspace', 'Brand A')).code,
    ).toBe(2);

    const listed = await hearth('competitors', 'list', '--workspace', 'Brand A');
    expect(listed.out).toMatch(/^Zorvalta {2}\(\S+\) {2}bluesky:zorvalta\.test; query zorvalta$/m);

    const report = await hearth('competitors', 'report', 'zorvalta', '--workspace', 'Brand A');
    expect(report.out).toMatch(/Zorvalta: 1 posts/);
    expect(report.out).toMatch(/Engagement: 6 in all, 6 per post, median 6/);

    const sov = await hearth('competitors', 'sov', '--weight', 'reach', '--workspace', 'Brand A');
    expect(sov.code).toBe(0);
    expect(sov.out).toMatch(/^share = reach\(entity\) ÷ \(reach\(brand\) \+ Σ reach\(competitors\)\)/m);
    // Reach: brand 4 × 10 = 40, Zorvalta 40: half each.
    expect(sov.out).toMatch(
      /^ {2} 50\.0 % {2}Brand A \(brand\): 40 of 80 — mentions 4, engagement 10, reach 40; saved queries tagged brand: Brand$/m,
    );
    expect(sov.out).toMatch(/^ {2} 50\.0 % {2}Zorvalta \(competitor\): 40 of 80/m);
    const bad = await hearth('competitors', 'sov', '--weight', 'likes', '--workspace', 'Brand A');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--weight/);
  });
});
