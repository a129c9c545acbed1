import { randomBytes } from 'node:crypto';
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { conditional, listeningDeps, seedWorkspace, startFeedServer, testClock, type FeedServer } from '../../test/listening-fixtures.js';
import { createSafeFetch } from '../core/safe-fetch.js';
import { createSecretBox } from '../core/secret-box.js';
import { describeEachDatabase } from '../db/testing.js';
import type { AnyTask, TaskContext } from '../jobs/task.js';
import type { JobQueue } from '../jobs/queue.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { createListening } from './listening.tasks.js';
import { findMentionPage } from './mentions.service.js';
import { pollSource, type PollDeps } from './poll.service.js';
import { addSource, listSources } from './sources.service.js';

const secrets = createSecretBox(randomBytes(32));

const RSS = generateRssFeed({
  title: 'Le blog des lampes',
  link: 'https://blog.example/',
  description: 'Lampes et lumières',
  language: 'fr-FR',
  items: [
    {
      title: 'Notre équipe teste la lampe Lumière',
      link: 'https://blog.example/2026/03/lampe',
      description: '<p>La lumière est <b>douce</b> &amp; chaude.</p>',
      guid: { value: '1042', isPermaLink: false },
      pubDate: new Date('2026-03-20T08:00:00Z'),
      dc: { creators: ['Ana Martin'] },
    },
    {
      title: 'Zorvalta baisse ses prix',
      link: 'https://blog.example/2026/03/zorvalta',
      description: 'Une guerre des prix commence.',
      guid: { value: 'https://blog.example/?p=1043', isPermaLink: true },
      pubDate: new Date('2026-03-21T08:00:00Z'),
      enclosures: [{ url: 'https://blog.example/img.jpg', type: 'image/jpeg', length: 1000 }],
    },
  ],
});

const ATOM = generateAtomFeed({
  id: 'urn:uuid:feed-1',
  title: { value: 'Lamp reviews' },
  updated: new Date('2026-03-22T00:00:00Z'),
  entries: [
    {
      id: 'urn:uuid:entry-1',
      title: { value: 'Lumière desk lamp: a review', type: 'text' },
      updated: new Date('2026-03-22T00:00:00Z'),
      published: new Date('2026-03-21T12:00:00Z'),
      links: [{ href: 'https://reviews.example/lumiere-desk', rel: 'alternate' }],
      authors: [{ name: 'Bob Reviewer' }],
      content: { value: '<p>Warm light, <em>sturdy</em> base.</p>', type: 'html' },
    },
  ],
});

const JSON_FEED = JSON.stringify(
  generateJsonFeed({
    title: 'Forum: lighting',
    items: [
      {
        id: 'https://forum.example/t/77',
        url: 'https://forum.example/t/77',
        title: 'Which lamp for reading?',
        content_text: 'Is the Zorvalta reading light better than the Lumière one?',
        date_published: new Date('2026-03-23T18:30:00Z'),
        authors: [{ name: 'reader42' }],
      },
    ],
  }),
);

describeEachDatabase('polling feed sources', (use) => {
  const clock = testClock();
  let server: FeedServer;
  let access: WorkspaceAccess;
  let deps: PollDeps;

  const add = async (path: string, name: string): Promise<string> =>
    (await addSource({ db: use().kysely, clock, secrets }, access, { kind: 'rss', url: `${server.origin}${path}`, name })).source.id;
  const source = async (id: string) => (await listSources(use().kysely, access)).find((s) => s.id === id)!;

  beforeAll(async () => {
    server = await startFeedServer();
    access = await seedWorkspace(use(), clock);
    // Tests serve feeds on loopback: private networks are allowed explicitly, as an operator would.
    deps = { ...listeningDeps(use(), clock), fetch: createSafeFetch({ allowPrivateNetworks: true }), feedTimeoutMs: 2_000 };
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('reads an RSS feed, then asks again conditionally: a 304 stores nothing', async () => {
    server.route('/rss.xml', conditional(RSS, 'application/rss+xml; charset=utf-8', '"v1"'));
    const id = await add('/rss.xml', 'Blog');
    expect(await pollSource(deps, id)).toMatchObject({ status: 'fetched', ingest: { received: 2, stored: 2, duplicates: 0 } });
    expect(await source(id)).toMatchObject({ status: 'ok', errorCount: 0, lastError: null, itemsStored: 2, nextPollAt: '2026-03-28T09:15:00.000Z' });

    // Not due yet: nothing is fetched.
    expect(await pollSource(deps, id)).toEqual({ status: 'skipped' });
    expect(server.requests).toHaveLength(1);

    clock.advance(15 * 60 * 1000);
    expect(await pollSource(deps, id)).toEqual({ status: 'not-modified' });
    expect(server.requests[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Sat, 28 Mar 2026 08:00:00 GMT' });
    expect((await source(id)).itemsStored).toBe(2);

    const page = await findMentionPage(use().kysely, access.workspaceId, { sourceId: id });
    expect(page.items.map(({ externalId, network, author, url, createdAt, language, hasImage, text }) => ({ externalId, network, author, url, createdAt, language, hasImage, text }))).toEqual([
      {
        externalId: 'https://blog.example/?p=1043',
        network: 'rss',
        author: { handle: 'blog.example', name: null, followers: null },
        url: 'https://blog.example/2026/03/zorvalta',
        createdAt: '2026-03-21T08:00:00.000Z',
        language: 'fr',
        hasImage: true,
        text: 'Zorvalta baisse ses prix\n\nUne guerre des prix commence.',
      },
      {
        // A guid that is not unique by itself is scoped to the feed's address.
        externalId: `${server.origin}/rss.xml#1042`,
        network: 'rss',
        author: { handle: 'blog.example', name: 'Ana Martin', followers: null },
        url: 'https://blog.example/2026/03/lampe',
        createdAt: '2026-03-20T08:00:00.000Z',
        language: 'fr',
        hasImage: false,
        text: 'Notre équipe teste la lampe Lumière\n\nLa lumière est douce & chaude.',
      },
    ]);
    // Searchable at once, accents folded.
    expect((await findMentionPage(use().kysely, access.workspaceId, { text: 'equipe lumiere' })).items).toHaveLength(1);
  });

  it('reads Atom and JSON Feed', async () => {
    server.route('/atom.xml', conditional(ATOM, 'application/atom+xml', '"a1"'));
    server.route('/feed.json', conditional(JSON_FEED, 'application/feed+json', '"j1"'));
    const atom = await add('/atom.xml', 'Reviews');
    const json = await add('/feed.json', 'Forum');
    expect(await pollSource(deps, atom)).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    expect(await pollSource(deps, json)).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });
    const [review] = (await findMentionPage(use().kysely, access.workspaceId, { sourceId: atom })).items;
    expect(review).toMatchObject({
      externalId: 'urn:uuid:entry-1',
      url: 'https://reviews.example/lumiere-desk',
      author: { handle: 'reviews.example', name: 'Bob Reviewer' },
      createdAt: '2026-03-21T12:00:00.000Z',
      text: 'Lumière desk lamp: a review\n\nWarm light, sturdy base.',
    });
    const [post] = (await findMentionPage(use().kysely, access.workspaceId, { sourceId: json })).items;
    expect(post).toMatchObject({
      externalId: 'https://forum.example/t/77',
      author: { handle: 'forum.example', name: 'reader42' },
      createdAt: '2026-03-23T18:30:00.000Z',
      text: 'Which lamp for reading?\n\nIs the Zorvalta reading light better than the Lumière one?',
    });
  });

  it('reports a malformed feed on the source, backs off, and recovers when it is fixed', async () => {
    let body = '<rss><channel><item><title>broken';
    server.route('/broken.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const id = await add('/broken.xml', 'Broken');
    const failed = await pollSource(deps, id);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Not a feed Hearth can read/) as unknown });
    const start = clock.now().getTime();
    expect(await source(id)).toMatchObject({ status: 'failing', errorCount: 1, nextPollAt: new Date(start + 30 * 60_000).toISOString() });

    clock.advance(30 * 60_000);
    await pollSource(deps, id);
    expect(await source(id)).toMatchObject({ errorCount: 2, nextPollAt: new Date(start + 90 * 60_000).toISOString() });

    body = RSS;
    clock.advance(60 * 60_000);
    expect(await pollSource(deps, id)).toMatchObject({ status: 'fetched' });
    expect(await source(id)).toMatchObject({ status: 'ok', errorCount: 0, lastError: null });
  });

  it('follows redirects within limits, and reports a loop', async () => {
    server.route('/old-feed', (_request, response) => response.writeHead(301, { location: '/atom-moved.xml' }).end());
    server.route('/atom-moved.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM.replace('entry-1', 'entry-2')));
    const moved = await add('/old-feed', 'Moved');
    expect(await pollSource(deps, moved)).toMatchObject({ status: 'fetched', ingest: { stored: 1 } });

    server.route('/loop', (_request, response) => response.writeHead(302, { location: '/loop' }).end());
    const loop = await add('/loop', 'Loop');
    expect(await pollSource(deps, loop)).toMatchObject({ status: 'failed', error: expect.stringMatching(/Too many redirects/) as unknown });
  });

  it('gives up on a slow feed after the timeout and says so', async () => {
    server.route('/slow.xml', (_request, response) => {
      const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS), 3_000);
      response.on('close', () => clearTimeout(timer));
    });
    const id = await add('/slow.xml', 'Slow');
    const started = performance.now();
    const report = await pollSource({ ...deps, feedTimeoutMs: 300 }, id);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({ status: 'failed', error: expect.stringMatching(/did not answer within 0\.3 s/) as unknown });
  });

  it('honours Retry-After on 429 and names HTTP errors', async () => {
    server.route('/busy.xml', (_request, response) => response.writeHead(429, { 'retry-after': '7200' }).end());
    const busy = await add('/busy.xml', 'Busy');
    await pollSource(deps, busy);
    expect(await source(busy)).toMatchObject({ lastError: 'The feed answered 429 Too Many Requests', nextPollAt: new Date(clock.now().getTime() + 7_200_000).toISOString() });

    const missing = await add('/nowhere.xml', 'Missing');
    expect(await pollSource(deps, missing)).toMatchObject({ status: 'failed', error: 'The feed answered 404 Not Found' });
  });

  it('refuses loopback feeds unless the operator allowed private networks, without sending anything', async () => {
    server.route('/private.xml', conditional(RSS, 'application/rss+xml', '"p"'));
    const id = await add('/private.xml', 'Private');
    const report = await pollSource({ ...deps, fetch: createSafeFetch({ allowPrivateNetworks: false }) }, id);
    expect(report).toMatchObject({ status: 'failed', error: expect.stringMatching(/HEARTH_ALLOW_PRIVATE_NETWORKS/) as unknown });
    expect(server.requests).toHaveLength(0);
  });

  it('the minute task queues one poll per due source, keyed by source', async () => {
    const due = await add('/rss.xml', 'Due again');
    const enqueued: { task: string; payload: unknown; key: string | undefined }[] = [];
    const queue = {
      enqueue: (task: { name: string }, payload: unknown, options?: { singletonKey?: string }) => {
        enqueued.push({ task: task.name, payload, key: options?.singletonKey });
        return Promise.resolve('job');
      },
    } as unknown as JobQueue;
    const listening = createListening(deps, queue);
    const scan = listening.tasks.find((task) => task.name === 'listening.poll-sources') as AnyTask;
    await scan.perform({}, { jobId: 'j', attempt: 1, logger: deps.logger, signal: new AbortController().signal } satisfies TaskContext);
    expect(enqueued).toContainEqual({ task: 'listening.poll-source', payload: { sourceId: due }, key: due });
    expect(enqueued.every((job) => job.key === (job.payload as { sourceId: string }).sourceId)).toBe(true);
  });
});
