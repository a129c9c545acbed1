/**
 * Medium tier, real SQLite and PostgreSQL, the real Fastify app driven in-process: the people API
 * (list, sorts, filters, pages, CSV, detail, changes, notes, pipeline, timeline, export, forget,
 * the activity import) and who may do what.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { storeConversation, storeMentions } from './community.fixtures.js';
import { importActivities } from './import/activities.import.js';
import { linesOf } from './community.fixtures.js';
import { syncWorkspace } from './sync.service.js';

interface Summary {
  id: string;
  displayName: string | null;
  identities: { network: string; handle: string | null; accountKey: string }[];
  stage: string;
  tags: string[];
  ownerId: string | null;
  nextStepDue: string | null;
  activityCount: number;
  scores: { engagement: number; engagementLevel: string };
}

describeEachDatabase('community routes', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let agent: Browser;
  let agentId: string;
  let workspaceId: string;
  let base: string;
  const ids = new Map<string, string>();

  const personOf = async (key: string): Promise<string> => {
    const row = await use()
      .kysely.selectFrom('person_identities')
      .select('person_id')
      .where('workspace_id', '=', workspaceId)
      .where('account_key', '=', key)
      .executeTakeFirstOrThrow();
    return row.person_id;
  };

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'vi@brand.test', role: 'viewer' })).browser;
    ({ browser: agent, userId: agentId } = await addMember(t.app, owner, workspaceId, {
      email: 'ag@brand.test',
      role: 'agent',
      name: 'Agent Smith',
    }));
    base = `/api/v1/workspaces/${workspaceId}/community`;

    const rows = [
      {
        person: 'ana',
        name: 'Ana Lopez',
        network: 'forum',
        type: 'question',
        at: '2026-01-01T10:00:00Z',
        text: 'How do I?',
      },
      {
        person: 'bo',
        network: 'forum',
        type: 'answer',
        at: '2026-01-02T10:00:00Z',
        text: 'Like so',
        target: 'ana',
      },
      { person: 'bo', network: 'forum', type: 'comment', at: '2026-01-03T10:00:00Z', target: 'ana' },
      { person: 'cy', network: 'forum', type: 'like', at: '2026-01-04T10:00:00Z', target: 'bo' },
      { person: 'dee', name: '=cmd|evil', network: 'forum', type: 'comment', at: '2026-01-05T10:00:00Z' },
    ];
    const imported = await agent.post(`${base}/activities`, { rows });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ read: 5, imported: 5, duplicates: 0, forgotten: 0, own: 0, refused: [] });

    // And people from listening: the sync of stored mentions.
    const [post, reply] = await storeMentions(use().kysely, workspaceId, [
      {
        author: 'eve.test',
        authorName: 'Eve',
        createdAt: '2026-02-01T10:00:00.000Z',
        externalId: 'eve-post',
        text: 'Eve writes about Lumière',
      },
      {
        author: 'fay.test',
        createdAt: '2026-02-02T10:00:00.000Z',
        replyTo: 'eve-post',
        text: 'Fay answers Eve',
      },
    ]);
    await storeConversation(use().kysely, post!, [reply!]);
    await syncWorkspace(use().kysely, t.clock, workspaceId, { settleMs: 0 });

    for (const key of ['ana', 'bo', 'cy', 'dee', 'eve.test', 'fay.test']) {
      ids.set(key, await personOf(key));
    }
    // Cached scores, as the scoring task leaves them.
    const scores: [string, number, string][] = [
      ['ana', 5, 'participating'],
      ['bo', 12, 'contributing'],
      ['cy', 1, 'exploring'],
      ['dee', 5, 'participating'],
      ['eve.test', 25, 'leading'],
      ['fay.test', 0.5, 'exploring'],
    ];
    for (const [key, engagement, level] of scores) {
      await use()
        .kysely.updateTable('people')
        .set({ engagement, engagement_level: level as 'exploring', reach: engagement * 2 })
        .where('id', '=', ids.get(key)!)
        .execute();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists people by a score, a page at a time, with their identities', async () => {
    const seen: string[] = [];
    let url = `${base}/people?sort=engagement&limit=2`;
    for (let page = 0; page < 5; page++) {
      const reply = await viewer.get(url);
      expect(reply.status).toBe(200);
      const body = reply.body as { people: Summary[]; nextCursor: string | null };
      seen.push(...body.people.map((person) => person.identities[0]!.accountKey));
      if (!body.nextCursor) {
        break;
      }
      url = `${base}/people?sort=engagement&limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    // Ties (ana and dee at 5) by id: both, once each.
    expect(seen.slice(0, 2)).toEqual(['eve.test', 'bo']);
    expect(new Set(seen.slice(2, 4))).toEqual(new Set(['ana', 'dee']));
    expect(seen.slice(4)).toEqual(['cy', 'fay.test']);

    const byName = (await owner.get(`${base}/people?sort=name`)).body as { people: Summary[] };
    expect(byName.people.map((person) => person.displayName)).toEqual([
      '=cmd|evil',
      'Ana Lopez',
      'bo',
      'cy',
      'Eve',
      'fay.test',
    ]);
    const recent = (await owner.get(`${base}/people?sort=recent&limit=1`)).body as { people: Summary[] };
    expect(recent.people[0]!.identities[0]).toMatchObject({ network: 'bluesky', handle: 'fay.test' });
  });

  it('filters by network, level, words, stage and tag; refuses what it cannot read', async () => {
    const keys = async (query: string): Promise<string[]> => {
      const reply = await owner.get(`${base}/people?${query}`);
      expect(reply.status).toBe(200);
      return (reply.body as { people: Summary[] }).people
        .map((person) => person.identities[0]!.accountKey)
        .sort();
    };
    expect(await keys('network=bluesky')).toEqual(['eve.test', 'fay.test']);
    expect(await keys('level=participating')).toEqual(['ana', 'dee']);
    expect(await keys('q=lopez')).toEqual(['ana']);
    expect(await keys('q=%40fay')).toEqual(['fay.test']);
    expect(await keys('q=100%25')).toEqual([]);

    // As of a date: only the people seen before it, scored from what they did before it.
    const asOf = await owner.get(`${base}/people?asOf=${encodeURIComponent('2026-01-02T12:00:00Z')}&limit=1`);
    expect(asOf.status).toBe(200);
    const early = asOf.body as { people: Summary[]; nextCursor: string };
    const next = (
      await owner.get(
        `${base}/people?asOf=${encodeURIComponent('2026-01-02T12:00:00Z')}&cursor=${encodeURIComponent(early.nextCursor)}`,
      )
    ).body as {
      people: Summary[];
      nextCursor: string | null;
    };
    expect(
      [...early.people, ...next.people].map((person) => person.identities[0]!.accountKey).sort(),
    ).toEqual(['ana', 'bo']);
    expect(next.nextCursor).toBeNull();
    expect(early.people[0]!.scores.engagement).toBeGreaterThan(0);

    expect((await owner.get(`${base}/people?sort=loudest`)).status).toBe(400);
    expect((await owner.get(`${base}/people?cursor=nonsense`)).status).toBe(400);
    expect((await owner.get(`${base}/people?asOf=yesterday`)).status).toBe(400);
  });

  it('shows a person, and lets editors change stage, next step, tags and owner (not viewers)', async () => {
    const ana = ids.get('ana')!;
    const detail = await viewer.get(`${base}/people/${ana}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: ana,
      displayName: 'Ana Lopez',
      stage: 'none',
      activityCount: 1,
      notes: [],
      merges: [],
      explanations: null,
    });

    expect((await viewer.patch(`${base}/people/${ana}`, { stage: 'contacted' })).status).toBe(403);
    expect((await agent.patch(`${base}/people/${ana}`, { stage: 'best-friend' })).status).toBe(400);
    expect((await agent.patch(`${base}/people/${ana}`, {})).status).toBe(400);
    expect((await agent.patch(`${base}/people/${ana}`, { ownerId: 'not-a-member' })).status).toBe(400);
    expect((await agent.patch(`${base}/people/unknown-person`, { stage: 'contacted' })).status).toBe(404);

    const changed = await agent.patch(`${base}/people/${ana}`, {
      stage: 'contacted',
      nextStep: 'Send the beta invite',
      nextStepDue: '2026-04-01T09:00:00+02:00',
      tags: ['VIP', 'beta', 'VIP'],
      ownerId: agentId,
      displayName: 'Ana L.',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      stage: 'contacted',
      nextStep: 'Send the beta invite',
      nextStepDue: '2026-04-01T07:00:00.000Z',
      tags: ['VIP', 'beta'],
      ownerId: agentId,
      displayName: 'Ana L.',
    });
    await agent.patch(`${base}/people/${ids.get('bo')!}`, {
      stage: 'contacted',
      nextStepDue: '2026-03-30T09:00:00Z',
      tags: ['vip'],
    });
    await agent.patch(`${base}/people/${ids.get('cy')!}`, { stage: 'contacted' });
    await agent.patch(`${base}/people/${ids.get('eve.test')!}`, { stage: 'ambassador' });

    const tagged = (await owner.get(`${base}/people?tag=vip&sort=name`)).body as { people: Summary[] };
    expect(tagged.people.map((person) => person.id)).toEqual([ids.get('ana'), ids.get('bo')]);
    const contacted = (await owner.get(`${base}/people?stage=contacted`)).body as { people: Summary[] };
    expect(contacted.people).toHaveLength(3);

    const board = (await viewer.get(`${base}/pipeline`)).body as {
      stages: { stage: string; people: Summary[] }[];
    };
    expect(board.stages.map((stage) => stage.stage)).toEqual([
      'identified',
      'contacted',
      'engaged',
      'partner',
      'ambassador',
    ]);
    // Next steps due soonest first, people without one last.
    expect(board.stages[1]!.people.map((person) => person.id)).toEqual([
      ids.get('bo'),
      ids.get('ana'),
      ids.get('cy'),
    ]);
    expect(board.stages[4]!.people.map((person) => person.id)).toEqual([ids.get('eve.test')]);

    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select(['action', 'details'])
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'person.updated')
      .where('target_id', '=', ana)
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain('beta invite');
  });

  it('keeps notes', async () => {
    const bo = ids.get('bo')!;
    expect((await viewer.post(`${base}/people/${bo}/notes`, { text: 'Met at the fair' })).status).toBe(403);
    expect((await agent.post(`${base}/people/${bo}/notes`, { text: '   ' })).status).toBe(400);
    const note = await agent.post(`${base}/people/${bo}/notes`, { text: 'Met at the fair' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      text: 'Met at the fair',
      authorId: agentId,
      authorName: 'Agent Smith',
    });
    const noteId = (note.body as { id: string }).id;
    expect(((await owner.get(`${base}/people/${bo}`)).body as { notes: unknown[] }).notes).toHaveLength(1);
    expect((await agent.delete(`${base}/people/${bo}/notes/${noteId}`)).status).toBe(204);
    expect((await agent.delete(`${base}/people/${bo}/notes/${noteId}`)).status).toBe(404);
    expect(((await owner.get(`${base}/people/${bo}`)).body as { notes: unknown[] }).notes).toHaveLength(0);
  });

  it('gives the timeline newest first, a page at a time, with targets and conversations', async () => {
    const bo = ids.get('bo')!;
    const first = await viewer.get(`${base}/people/${bo}/activities?limit=1`);
    expect(first.status).toBe(200);
    const page = first.body as {
      activities: { type: string; targetHandle: string | null; occurredAt: string }[];
      nextCursor: string;
    };
    expect(page.activities).toMatchObject([
      { type: 'comment', targetHandle: 'ana', occurredAt: '2026-01-03T10:00:00.000Z' },
    ]);
    const second = (
      await viewer.get(
        `${base}/people/${bo}/activities?limit=1&before=${encodeURIComponent(page.nextCursor)}`,
      )
    ).body as {
      activities: { type: string }[];
      nextCursor: string | null;
    };
    expect(second).toMatchObject({ activities: [{ type: 'answer' }], nextCursor: null });
    const before = (await viewer.get(`${base}/people/${bo}/activities?before=2026-01-03T00:00:00Z`)).body as {
      activities: { type: string }[];
    };
    expect(before.activities.map((activity) => activity.type)).toEqual(['answer']);
    expect((await viewer.get(`${base}/people/${bo}/activities?before=last-week`)).status).toBe(400);

    const fay = (await viewer.get(`${base}/people/${ids.get('fay.test')!}/activities`)).body as {
      activities: {
        type: string;
        targetHandle: string | null;
        conversationId: string | null;
        url: string | null;
      }[];
    };
    expect(fay.activities).toMatchObject([{ type: 'reply', targetHandle: 'eve.test' }]);
    expect(fay.activities[0]!.conversationId).not.toBeNull();
    expect(fay.activities[0]!.url).toMatch(/^https:\/\/social\.example\//);
    const eve = (await viewer.get(`${base}/people/${ids.get('eve.test')!}`)).body as {
      conversations: { subject: string }[];
    };
    expect(eve.conversations).toMatchObject([{ subject: 'Eve writes about Lumière' }]);
  });

  it('exports the list as CSV, formulas defused', async () => {
    const reply = await viewer.get(`${base}/people.csv?sort=name`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    expect(reply.headers['content-disposition']).toMatch(/attachment; filename="people\.csv"/);
    const lines = Buffer.from(reply.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,displayName,identities,followers,stage,tags/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain(`${ids.get('dee')},'=cmd|evil,forum:dee`);
  });

  it('answers 404 for a person merged into another, naming them', async () => {
    const cy = ids.get('cy')!;
    await use()
      .kysely.updateTable('people')
      .set({ merged_into_id: ids.get('bo')! })
      .where('id', '=', cy)
      .execute();
    try {
      const reply = await owner.get(`${base}/people/${cy}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({
        error: { code: 'not_found', message: expect.stringContaining('bo') as unknown },
        mergedIntoId: ids.get('bo'),
      });
      expect(
        ((await owner.get(`${base}/people?sort=name`)).body as { people: Summary[] }).people.map((p) => p.id),
      ).not.toContain(cy);
    } finally {
      await use().kysely.updateTable('people').set({ merged_into_id: null }).where('id', '=', cy).execute();
    }
  });

  it('refuses bad activity rows by position, and imports to viewers never', async () => {
    expect(
      (
        await viewer.post(`${base}/activities`, {
          rows: [{ person: 'x', network: 'forum', type: 'like', at: '2026-01-01' }],
        })
      ).status,
    ).toBe(403);
    expect((await agent.post(`${base}/activities`, { rows: [] })).status).toBe(400);
    const reply = await agent.post(`${base}/activities`, {
      rows: [
        { person: 'gil', network: 'forum', type: 'like', at: '2026-01-06T00:00:00Z' },
        { person: 'gil', network: 'forum', type: 'hug', at: '2026-01-06' },
        'text',
      ],
    });
    expect(reply.body).toMatchObject({
      read: 3,
      imported: 1,
      refused: [
        { line: 2, reason: expect.stringMatching(/^type must be one of/) as unknown },
        { line: 3, reason: 'must be a JSON object' },
      ],
    });
  });

  it('exports everything about a person, and forgets them for good (owners and admins)', async () => {
    const eve = ids.get('eve.test')!;
    expect((await agent.get(`${base}/people/${eve}/export`)).status).toBe(403);
    const exported = await owner.get(`${base}/people/${eve}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="person-/);
    const document = exported.body as {
      person: { id: string };
      identities: unknown[];
      activities: unknown[];
      mentions: { text: string }[];
      conversations: unknown[];
    };
    expect(document.person.id).toBe(eve);
    expect(document.identities).toHaveLength(1);
    expect(document.activities).toHaveLength(1);
    expect(document.mentions.map((mention) => mention.text)).toEqual(['Eve writes about Lumière']);
    expect(document.conversations).toHaveLength(1);

    expect((await agent.post(`${base}/people/${eve}/forget`)).status).toBe(403);
    expect((await owner.post(`${base}/people/${eve}/forget`)).status).toBe(204);
    expect((await owner.get(`${base}/people/${eve}`)).status).toBe(404);

    const db = use().kysely;
    expect(
      await db
        .selectFrom('mentions')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('author_handle', '=', 'eve.test')
        .execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('person_identities')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('account_key', '=', 'eve.test')
        .execute(),
    ).toEqual([]);
    // Fay's reply to Eve keeps no trace of whom it answered.
    const fay = await db
      .selectFrom('activities')
      .select(['target_identity_id', 'target_key'])
      .where('person_id', '=', ids.get('fay.test')!)
      .execute();
    expect(fay).toEqual([{ target_identity_id: null, target_key: null }]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['details'])
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'person.forgotten')
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toMatch(/eve/i);

    // Neither listening nor an import brings Eve back.
    await storeMentions(db, workspaceId, [
      { author: 'Eve.Test', createdAt: '2026-02-05T10:00:00.000Z', text: 'Eve again' },
    ]);
    expect(await syncWorkspace(db, t.clock, workspaceId, { settleMs: 0 })).toMatchObject({
      recorded: 0,
      forgotten: 1,
    });
    const again = await importActivities(
      db,
      t.clock,
      workspaceId,
      linesOf([
        JSON.stringify({ person: 'eve.test', network: 'bluesky', type: 'post', at: '2026-02-06T00:00:00Z' }),
      ]),
    );
    expect(again).toMatchObject({ imported: 0, forgotten: 1 });
    expect(
      await db
        .selectFrom('person_identities')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('account_key', '=', 'eve.test')
        .execute(),
    ).toEqual([]);
  });
});
