import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { buildItem, listeningDeps, seedWorkspace, testClock } from '../../test/listening-fixtures.js';
import { createSecretBox } from '../core/secret-box.js';
import { describeEachDatabase } from '../db/testing.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { ingestItems } from './ingest.service.js';
import { searchMentions, type MentionSearch } from './mentions.service.js';
import { addSource } from './sources.service.js';

const secrets = createSecretBox(randomBytes(32));

const TEXTS = [
  "L'équipe Lumière a livré ma lampe en deux jours, bravo",
  'Mon equipe de foot a gagné hier soir',
  'The EQUIPE at Lumière answered my question about the lamp',
  'My lamp from Lumière arrived broken, very disappointed',
  'Lamplighters and lampshades: a short history',
  'Nothing to see here about anything',
];

describeEachDatabase('searching mentions', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;
  let other: WorkspaceAccess;
  const search = (params: MentionSearch) => searchMentions(use().kysely, access, params);
  const ids = async (params: MentionSearch): Promise<string[]> => (await search(params)).items.map((item) => item.externalId).sort();

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock);
    other = await seedWorkspace(use(), clock, 'Other brand');
    const db = use().kysely;
    const source = (await addSource({ db, clock, secrets }, access, { kind: 'import', name: 'Archive' })).source.id;
    const otherSource = (await addSource({ db, clock, secrets }, other, { kind: 'import', name: 'Archive' })).source.id;
    const deps = listeningDeps(use(), clock);
    await ingestItems(
      deps,
      access.workspaceId,
      source,
      TEXTS.map((text, n) => buildItem(n, { id: `m${n}`, text, network: n % 2 === 0 ? 'bluesky' : 'mastodon', followers: n * 1000 })),
    );
    await ingestItems(deps, other.workspaceId, otherSource, [buildItem(1, { id: 'theirs', text: "L'équipe d'en face" })]);
  });

  it('finds words whatever their accents and case (équipe = equipe = EQUIPE), in this workspace only', async () => {
    expect(await ids({ text: 'equipe' })).toEqual(['m0', 'm1', 'm2']);
    expect(await ids({ text: 'ÉQUIPE' })).toEqual(['m0', 'm1', 'm2']);
    expect(await ids({ text: 'équipe lumière' })).toEqual(['m0', 'm2']);
    expect(await ids({ text: 'équipe', languages: ['fr'] })).toEqual(['m0', 'm1']);
    expect(await ids({ text: '!!! ...' })).toHaveLength(6);
  });

  it('runs a listening query: the full-text prefilter narrows, the evaluator decides and says why', async () => {
    const page = await search({ query: 'lumiere AND NOT broken' });
    expect(page.items.map((item) => item.externalId).sort()).toEqual(['m0', 'm2']);
    const first = page.items.find((item) => item.externalId === 'm0')!;
    expect(first.why?.highlights.map(({ start, end }) => first.text.slice(start, end))).toEqual(['Lumière']);
    expect(first.why?.terms).toEqual([{ query: 'lumiere', spans: [{ start: 9, end: 16 }] }]);

    expect(await ids({ query: 'lamp*' })).toEqual(['m0', 'm2', 'm3', 'm4']);
    expect(await ids({ query: '"lamp from lumiere"' })).toEqual(['m3']);
    expect(await ids({ query: 'equipe AND lang:fr' })).toEqual(['m0', 'm1']);
    expect(await ids({ query: 'lamp* AND network:bluesky' })).toEqual(['m0', 'm2', 'm4']);
    expect(await ids({ query: 'lamp* AND followers:>2500' })).toEqual(['m3', 'm4']);
    expect(await ids({ query: 'lamp* AND NOT network:bluesky' })).toEqual(['m3']);
    // Proximity: FTS5 NEAR on SQLite, AND on PostgreSQL; the evaluator decides on both.
    // "My lamp from Lumière arrived broken": three words between lamp and broken.
    expect(await ids({ query: 'lamp NEAR/3 broken' })).toEqual(['m3']);
    expect(await ids({ query: 'lamp NEAR/2 broken' })).toEqual([]);
    await expect(search({ query: 'lumiere AND (broken' })).rejects.toMatchObject({ code: 'validation_failed', position: expect.any(Number) as unknown });
  });

  it('filters by network, language, sentiment, source and dates, newest first', async () => {
    const all = await search({});
    expect(all.items.map((item) => item.externalId)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    expect(await ids({ networks: ['mastodon'] })).toEqual(['m1', 'm3', 'm5']);
    const since = buildItem(2).createdAt as string;
    const until = buildItem(4).createdAt as string;
    expect(await ids({ since, until })).toEqual(['m2', 'm3']);
    const sentiment = all.items[0]!.sentiment!.label;
    expect((await search({ sentiments: [sentiment] })).items.every((item) => item.sentiment?.label === sentiment)).toBe(true);
  });

  it('pages with a cursor, without repeats or gaps, with or without a query', async () => {
    for (const params of [{}, { query: 'lamp* OR equipe OR history' }] as MentionSearch[]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await search({ ...params, limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...result.items.map((item) => item.externalId));
        if (result.nextCursor === null) {
          break;
        }
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(params.query ? ['m4', 'm3', 'm2', 'm1', 'm0'] : ['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    }
    await expect(search({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('presents a mention with its analysis and counts', async () => {
    const [item] = (await search({ text: 'disappointed' })).items;
    expect(item).toMatchObject({
      externalId: 'm3',
      network: 'mastodon',
      author: { handle: 'user3.example', name: 'User 3', followers: 3000 },
      likes: 3,
      language: 'en',
      offensive: false,
      spam: false,
      hasLink: false,
    });
    expect(item?.sentiment?.scores).toHaveProperty('negative');
  });

  it('is open to every member and closed to others', async () => {
    expect((await searchMentions(use().kysely, { ...access, role: 'viewer' }, {})).items.length).toBe(6);
    expect((await searchMentions(use().kysely, other, {})).items.map((item) => item.externalId)).toEqual(['theirs']);
  });
});
