/**
 * Medium tier, real SQLite and PostgreSQL: the generic activity import (validation with line
 * numbers, targets, dedupe keys, idempotence, forgotten identities, batches).
 */
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { seedWorkspace, testClock } from '../../test/listening-fixtures.js';
import { activityLine, linesOf, storeOwnAccount } from './community.fixtures.js';
import { forgottenKeyHash } from './identity-keys.js';
import { dedupeKeyOf, importActivities, isoInstant, parseActivityRow } from './import/activities.import.js';
import { refreshSuggestions } from './merges/suggestions.service.js';

describe('activity rows', () => {
  it('reads ISO-8601 dates and date-times as UTC instants', () => {
    expect(isoInstant('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00.000Z');
    expect(isoInstant('2026-03-01T12:00:00+02:00')).toBe('2026-03-01T10:00:00.000Z');
    expect(isoInstant('2026-03-01T12:00:00.123456+0200')).toBe('2026-03-01T10:00:00.123Z');
    expect(isoInstant('2011-05-01T12:34:56.78')).toBe('2011-05-01T12:34:56.780Z');
    expect(isoInstant('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoInstant('01/03/2026')).toBeNull();
    expect(isoInstant('2026-02-30T10:00:00Z')).toBeNull();
  });

  it('gives a stable dedupe key: the network id when there is one, else a hash of the row', () => {
    const parse = (value: unknown) => {
      const parsed = parseActivityRow(1, value);
      if ('problem' in parsed) {
        throw new Error(parsed.problem);
      }
      return parsed.row;
    };
    const row = { person: 'Ana', network: 'forum', type: 'answer', at: '2026-03-01T10:00:00Z', target: 'bo' };
    expect(dedupeKeyOf(parse(row))).toBe(
      dedupeKeyOf(
        parse({ target: 'bo', at: '2026-03-01T10:00:00Z', type: 'answer', network: 'forum', person: 'Ana' }),
      ),
    );
    expect(dedupeKeyOf(parse(row))).not.toBe(dedupeKeyOf(parse({ ...row, text: 'other' })));
    expect(dedupeKeyOf(parse({ ...row, id: 42 }))).toBe('forum:42');
  });

  it('says what is wrong with a row', () => {
    expect(parseActivityRow(3, { network: 'forum', type: 'wave', at: 'yesterday' })).toEqual({
      line: 3,
      problem: expect.stringMatching(
        /^person is required; type must be one of mention, reply.*; at must be an ISO-8601/,
      ) as unknown,
    });
    expect(parseActivityRow(4, [1, 2])).toEqual({ line: 4, problem: 'must be a JSON object' });
    expect(
      parseActivityRow(5, { person: 'a', network: 'forum', type: 'like', at: '2026-03-01', followers: -1 }),
    ).toMatchObject({
      problem: expect.stringMatching(/^followers /) as unknown,
    });
  });
});

describeEachDatabase('activity import', (use) => {
  const clock = testClock();

  it('imports rows with their targets, refuses bad ones by line, and is idempotent', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    const lines = [
      activityLine({
        person: 'Ana',
        name: 'Ana Lopez',
        type: 'question',
        at: '2026-01-01T10:00:00Z',
        text: 'How?',
        followers: 10,
      }),
      activityLine({
        person: 'bo',
        type: 'answer',
        at: '2026-01-01T11:00:00Z',
        text: 'Like this',
        target: 'ana',
        id: 'a-1',
        sentiment: 'positive',
        language: 'en',
      }),
      '',
      '{"person": "broken", ',
      activityLine({ person: 'cy', type: 'wave' }),
      activityLine({ person: 'cy', type: 'comment', at: '2026-01-02T09:00:00Z', target: 'newcomer' }),
      activityLine({ person: 'ana', type: 'comment', at: '2026-01-03T09:00:00+01:00', followers: 12 }),
    ];
    const progress: number[] = [];
    const first = await importActivities(db, clock, workspaceId, linesOf(lines), {
      onProgress: (bytes) => progress.push(bytes),
    });
    expect(first).toEqual({
      read: 6,
      imported: 4,
      duplicates: 0,
      forgotten: 0,
      own: 0,
      refused: [
        { line: 4, reason: 'not valid JSON' },
        { line: 5, reason: expect.stringMatching(/^type must be one of/) as unknown },
      ],
    });
    expect(progress.at(-1)).toBe(lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0));

    const identities = await db
      .selectFrom('person_identities')
      .innerJoin('people', 'people.id', 'person_identities.person_id')
      .select([
        'person_identities.account_key',
        'person_identities.handle',
        'person_identities.followers',
        'people.display_name',
        'people.activity_count',
        'people.first_seen_at',
        'people.last_seen_at',
      ])
      .where('person_identities.workspace_id', '=', workspaceId)
      .orderBy('person_identities.account_key')
      .execute();
    expect(identities).toEqual([
      {
        account_key: 'ana',
        handle: 'Ana',
        followers: 12,
        display_name: 'Ana Lopez',
        activity_count: 2,
        first_seen_at: '2026-01-01T10:00:00.000Z',
        last_seen_at: '2026-01-03T08:00:00.000Z',
      },
      {
        account_key: 'bo',
        handle: 'bo',
        followers: null,
        display_name: 'bo',
        activity_count: 1,
        first_seen_at: '2026-01-01T11:00:00.000Z',
        last_seen_at: '2026-01-01T11:00:00.000Z',
      },
      {
        account_key: 'cy',
        handle: 'cy',
        followers: null,
        display_name: 'cy',
        activity_count: 1,
        first_seen_at: '2026-01-02T09:00:00.000Z',
        last_seen_at: '2026-01-02T09:00:00.000Z',
      },
      // Only ever answered: an identity (the interaction graph is whole), with no activity of its own.
      {
        account_key: 'newcomer',
        handle: 'newcomer',
        followers: null,
        display_name: 'newcomer',
        activity_count: 0,
        first_seen_at: '2026-01-02T09:00:00.000Z',
        last_seen_at: '2026-01-02T09:00:00.000Z',
      },
    ]);
    const answer = await db
      .selectFrom('activities')
      .innerJoin('person_identities as target', 'target.id', 'activities.target_identity_id')
      .select(['activities.dedupe_key', 'activities.origin', 'activities.sentiment', 'target.account_key'])
      .where('activities.workspace_id', '=', workspaceId)
      .where('activities.type', '=', 'answer')
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({
      dedupe_key: 'forum:a-1',
      origin: 'import',
      sentiment: 'positive',
      account_key: 'ana',
    });

    const again = await importActivities(db, clock, workspaceId, linesOf(lines));
    expect(again).toMatchObject({ read: 6, imported: 0, duplicates: 4 });
    const count = await db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('skips forgotten people and does not re-create forgotten targets', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await db
      .insertInto('forgotten_identities')
      .values({
        workspace_id: workspaceId,
        network: 'forum',
        key_hash: forgottenKeyHash('forum', 'gone'),
        forgotten_by: null,
        forgotten_at: clock.now().toISOString(),
      })
      .execute();
    const report = await importActivities(
      db,
      clock,
      workspaceId,
      linesOf([activityLine({ person: '@Gone' }), activityLine({ person: 'dee', target: 'gone' })]),
    );
    expect(report).toMatchObject({ read: 2, imported: 1, forgotten: 1, refused: [] });
    const keys = await db
      .selectFrom('person_identities')
      .select('account_key')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(keys).toEqual([{ account_key: 'dee' }]);
  });

  it("skips the brand's own accounts, and answers to them have no target", async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await storeOwnAccount(db, workspaceId, 'maison.test', clock.now().toISOString());
    const report = await importActivities(
      db,
      clock,
      workspaceId,
      linesOf([
        activityLine({ network: 'bluesky', person: '@Maison.test', target: 'ana.test' }),
        activityLine({ network: 'bluesky', person: 'ana.test', target: 'maison.test', type: 'reply' }),
      ]),
    );
    expect(report).toMatchObject({ read: 2, imported: 1, own: 1, refused: [] });
    const rows = await db
      .selectFrom('activities')
      .innerJoin('person_identities', 'person_identities.id', 'activities.identity_id')
      .select(['person_identities.account_key', 'activities.target_identity_id'])
      .where('activities.workspace_id', '=', workspaceId)
      .execute();
    expect(rows).toEqual([{ account_key: 'ana.test', target_identity_id: null }]);
  });

  it('keeps the profile a row carries, which merge suggestions then compare across networks', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    const report = await importActivities(
      db,
      clock,
      workspaceId,
      linesOf([
        activityLine({ network: 'forum', person: 'lea', bio: 'Potière à Lyon', links: ['https://www.lea-ceramique.fr/'] }),
        activityLine({ network: 'mastodon', person: 'lea@piaille.test', links: ['https://lea-ceramique.fr'], avatar: 'https://img.test/lea.png' }),
        activityLine({ network: 'forum', person: 'max', links: ['javascript:alert(1)'] }),
      ]),
    );
    expect(report).toMatchObject({ read: 3, imported: 2, refused: [{ line: 3, reason: expect.stringMatching(/^links\.0 must be an http or https URL/) as unknown }] });
    const lea = await db
      .selectFrom('person_identities')
      .innerJoin('people', 'people.id', 'person_identities.person_id')
      .select(['person_identities.bio', 'person_identities.links', 'people.bio as personBio', 'people.links as personLinks'])
      .where('person_identities.workspace_id', '=', workspaceId)
      .where('person_identities.account_key', '=', 'lea')
      .executeTakeFirstOrThrow();
    expect(lea).toEqual({
      bio: 'Potière à Lyon',
      links: JSON.stringify(['https://www.lea-ceramique.fr/']),
      personBio: 'Potière à Lyon',
      personLinks: JSON.stringify(['https://www.lea-ceramique.fr/']),
    });
    expect(await refreshSuggestions(db, clock, workspaceId)).toEqual({ created: 1 });
    const suggestion = await db.selectFrom('merge_suggestions').select('reasons').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(suggestion.reasons).toContain('same-link');
  });

  it('imports thousands of rows in batches, each person once', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    const rows = Array.from({ length: 3_000 }, (_, n) =>
      activityLine({
        person: `member${n % 400}`,
        type: n % 3 === 0 ? 'question' : 'answer',
        at: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString(),
        target: n % 3 === 0 ? null : `member${(n * 7) % 400}`,
        id: `post-${n}`,
      }),
    );
    const report = await importActivities(db, clock, workspaceId, linesOf(rows));
    expect(report).toMatchObject({ read: 3_000, imported: 3_000, duplicates: 0, refused: [] });
    const people = await db
      .selectFrom('people')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('activity_count').as('activities')])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect({ n: Number(people.n), activities: Number(people.activities) }).toEqual({
      n: 400,
      activities: 3_000,
    });
  });
});
