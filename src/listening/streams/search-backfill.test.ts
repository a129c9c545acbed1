/**
 * Medium tier: the search backfill of a Bluesky source against a REAL local network WITH its AppView
 * (on this machine's PostgreSQL): posts written before the source existed are found by
 * app.bsky.feed.searchPosts, filtered like the stream's, and stored once with their counts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { createSafeFetch } from '../../core/safe-fetch.js';
import { createSecretBox } from '../../core/secret-box.js';
import { describeEachDatabase } from '../../db/testing.js';
import {
  isAppViewPostgresReachable,
  startBlueskyNetwork,
  type BlueskyTestNetwork,
} from '../../../test/bluesky-network.js';
import { listeningDeps, seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { readBlueskyCursor } from '../sources/source-settings.js';
import { sourcesRepo } from '../sources.repo.js';
import { addSource, listSources } from '../sources.service.js';
import { streamBlueskySource } from './bluesky-stream.service.js';

const reachable = await isAppViewPostgresReachable();
let net: BlueskyTestNetwork | undefined;

beforeAll(async () => {
  if (reachable) {
    net = await startBlueskyNetwork({ appView: true });
  }
}, 120_000);

afterAll(async () => {
  await net?.close();
});

describeEachDatabase('Bluesky search backfill (local AppView)', (use) => {
  it.skipIf(!reachable)(
    'finds the posts written before the source existed, keeps what the filter keeps, once',
    async () => {
      const network = net as BlueskyTestNetwork;
      const db = use();
      const clock = testClock();
      const access = await seedWorkspace(db, clock);
      const deps = {
        ...listeningDeps(db, clock),
        clock: systemClock,
        fetch: createSafeFetch({ allowPrivateNetworks: true }),
      };
      const keyword = `aurore${randomBytes(3).toString('hex')}`;
      const fan = await network.createAccount();
      await fan.agent.post({ text: `The ${keyword} lamp is lovely`, createdAt: new Date().toISOString() });
      await fan.agent.post({
        text: `Still thinking about ${keyword} for the bedroom`,
        createdAt: new Date().toISOString(),
      });
      await fan.agent.post({ text: 'Nothing about lamps at all', createdAt: new Date().toISOString() });
      await network.settle();

      const added = await addSource(
        { db: db.kysely, clock, secrets: createSecretBox(randomBytes(32)) },
        access,
        {
          kind: 'bluesky',
          settings: {
            service: network.service,
            plcUrl: network.plcUrl,
            appViewUrl: network.appViewUrl,
            keywords: [keyword],
          },
        },
      );
      const first = await streamBlueskySource(deps, added.source.id, { windowMs: 300, claimSeconds: 120 });
      expect(first).toMatchObject({ status: 'streamed', backfilled: 2, stored: 2, error: null });
      const rows = await db.kysely
        .selectFrom('mentions')
        .select(['text', 'author_handle', 'likes'])
        .where('workspace_id', '=', access.workspaceId)
        .orderBy('text')
        .execute();
      expect(rows).toEqual([
        { text: `Still thinking about ${keyword} for the bedroom`, author_handle: fan.handle, likes: 0 },
        { text: `The ${keyword} lamp is lovely`, author_handle: fan.handle, likes: 0 },
      ]);
      const cursor = readBlueskyCursor(
        (await sourcesRepo(db.kysely).findLive(added.source.id))?.cursor ?? null,
      );
      expect(cursor.searchedAt).not.toBeNull();

      // Not due again for 15 minutes; forced now, it finds the same posts and stores nothing twice.
      const again = await streamBlueskySource(deps, added.source.id, {
        windowMs: 300,
        claimSeconds: 120,
        searchEveryMs: 0,
      });
      expect(again).toMatchObject({ status: 'streamed', backfilled: 2, stored: 0 });
      expect((await listSources(db.kysely, access)).find((s) => s.id === added.source.id)).toMatchObject({
        status: 'ok',
        itemsStored: 2,
      });
    },
    60_000,
  );
});
