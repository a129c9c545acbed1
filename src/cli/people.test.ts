/**
 * `hearth import activities` and `hearth people list|show|merge|forget`, run in-process on a SQLite
 * data folder (the services under them are tested on both databases in src/community).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';

const hearth = (dataDir: string, ...args: string[]): Promise<CliRun> => runCli(...args, '--data', dataDir);

interface Listed {
  id: string;
  displayName: string;
  identities: { network: string; accountKey: string }[];
  scores: { engagement: number; engagementLevel: string };
}

describe('hearth people', () => {
  let data: string;
  let file: string;
  const row = (fields: Record<string, unknown>): string =>
    JSON.stringify({ network: 'forum', at: '2026-03-01T10:00:00Z', ...fields });

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-people-cli-'));
    delete process.env.DATABASE_URL;
    await hearth(data, 'user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth(data, 'workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
    file = join(data, 'activities.jsonl');
    writeFileSync(
      file,
      [
        row({ person: 'kim', name: 'Kim Park', type: 'question', text: 'Where is the manual?', id: 'q1' }),
        row({
          person: 'lou',
          type: 'answer',
          text: 'Page 3',
          target: 'kim',
          id: 'a1',
          at: '2026-03-02T10:00:00Z',
        }),
        row({ person: 'lou', type: 'comment', target: 'kim', id: 'c1', at: '2026-03-03T10:00:00Z' }),
        '',
        row({ person: 'max', type: 'shout' }),
        '{"person":',
      ].join('\n'),
    );
  });

  it('imports activities: counts, refused rows by line, exit 1; again, nothing twice', async () => {
    const first = await hearth(data, 'import', 'activities', file, '--workspace', 'Brand A');
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/5 rows, 3 recorded, 0 already there, 0 about forgotten people, 2 refused/);
    expect(first.err).toMatch(/^line 5: type must be one of/m);
    expect(first.err).toMatch(/^line 6: not valid JSON$/m);
    const again = await hearth(data, 'import', 'activities', file, '-w', 'Brand A');
    expect(again.out).toMatch(/5 rows, 0 recorded, 3 already there/);

    const good = join(data, 'good.jsonl');
    writeFileSync(
      good,
      `${row({ person: 'nat', type: 'like', target: 'lou', at: '2026-03-03T12:00:00Z' })}\n`,
    );
    expect(await hearth(data, 'import', 'activities', good, '--workspace', 'Brand A')).toMatchObject({
      code: 0,
      err: '',
    });
    expect(
      await hearth(data, 'import', 'activities', join(data, 'missing.jsonl'), '--workspace', 'Brand A'),
    ).toMatchObject({ code: 2 });
    expect((await hearth(data, 'import', 'activities', good, '--workspace', 'Nobody')).err).toMatch(
      /No workspace "Nobody"/,
    );

    const db = new BetterSqlite3(join(data, 'hearth.db'), { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from activities').get()).toEqual({ n: 4 });
      expect(db.prepare('select count(*) as n from person_identities').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });

  it('still imports mentions with a plain `hearth import FILE`', async () => {
    const mentions = join(data, 'mentions.jsonl');
    writeFileSync(
      mentions,
      `${JSON.stringify({ id: 'm1', network: 'import', author: 'olga.example', text: 'Lovely lamps', createdAt: '2026-03-04T10:00:00Z' })}\n`,
    );
    const result = await hearth(data, 'import', mentions, '--workspace', 'Brand A');
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/1 rows, 1 stored/);
  });

  it('lists people with identities and scores (JSON and a table), syncing mentions first', async () => {
    const listed = await hearth(
      data,
      'people',
      'list',
      '--workspace',
      'Brand A',
      '--sort',
      'recent',
      '--json',
    );
    expect(listed.code).toBe(0);
    const people = (JSON.parse(listed.out) as { people: Listed[] }).people;
    expect(people.map((person) => person.identities[0]!.accountKey)).toEqual([
      'olga.example',
      'nat',
      'lou',
      'kim',
    ]);
    expect(people[3]).toMatchObject({ displayName: 'Kim Park', scores: { engagementLevel: 'exploring' } });

    const limited = JSON.parse(
      (await hearth(data, 'people', 'list', '-w', 'Brand A', '--sort', 'name', '--limit', '2', '--json')).out,
    ) as { people: Listed[] };
    expect(limited.people.map((person) => person.displayName)).toEqual(['Kim Park', 'lou']);

    const table = await hearth(data, 'people', 'list', '-w', 'Brand A', '--sort', 'name');
    expect(table.out).toMatch(/Kim Park \(forum:kim\)/);

    expect(await hearth(data, 'people', 'list', '-w', 'Brand A', '--sort', 'loudest')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--sort must be one of/) as unknown,
    });
    expect(await hearth(data, 'people', 'list', '-w', 'Brand A', '--as-of', 'soon')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--as-of must be/) as unknown,
    });
    expect(await hearth(data, 'people', 'list', '-w', 'Brand A', '--limit', '0')).toMatchObject({ code: 1 });
  });

  it('shows a person, merges two, and forgets one for good', async () => {
    const people = (
      JSON.parse((await hearth(data, 'people', 'list', '-w', 'Brand A', '--sort', 'name', '--json')).out) as {
        people: Listed[];
      }
    ).people;
    const idOf = (key: string): string =>
      people.find((person) => person.identities[0]!.accountKey === key)!.id;

    const shown = await hearth(data, 'people', 'show', idOf('lou'), '--json');
    expect(shown.code).toBe(0);
    const detail = JSON.parse(shown.out) as {
      activityCount: number;
      recentActivities: { type: string; targetHandle: string }[];
    };
    expect(detail.activityCount).toBe(2);
    expect(detail.recentActivities.map((activity) => [activity.type, activity.targetHandle])).toEqual([
      ['comment', 'kim'],
      ['answer', 'kim'],
    ]);
    expect((await hearth(data, 'people', 'show', idOf('kim'))).out).toMatch(/^Kim Park {2}/);
    expect(await hearth(data, 'people', 'show', 'no-such-person')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No person no-such-person/) as unknown,
    });

    const merged = await hearth(data, 'people', 'merge', idOf('lou'), idOf('nat'), '--json');
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out)).toMatchObject({
      merge: { keptPersonId: idOf('lou'), mergedPersonId: idOf('nat') },
    });
    expect(await hearth(data, 'people', 'show', idOf('nat'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/merged into/) as unknown,
    });

    const forgot = await hearth(data, 'people', 'forget', idOf('kim'));
    expect(forgot.code).toBe(0);
    expect(forgot.out).toMatch(/1 identities, 1 activities/);
    const after = (
      JSON.parse((await hearth(data, 'people', 'list', '-w', 'Brand A', '--json')).out) as {
        people: Listed[];
      }
    ).people;
    expect(after.map((person) => person.identities[0]!.accountKey)).not.toContain('kim');
    const again = await hearth(data, 'import', 'activities', file, '-w', 'Brand A');
    expect(again.out).toMatch(/0 recorded, 2 already there, 1 about forgotten people/);
  });
});
