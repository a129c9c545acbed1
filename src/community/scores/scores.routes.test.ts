import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addMember,
  setUpOwner,
  startTestApp,
  type Browser,
  type TestApp,
} from '../../../test/http-harness.js';
import { describeEachDatabase } from '../../db/testing.js';
import { DAY, storeActivities, storePerson } from './scores.fixtures.js';
import { DEFAULT_SCORING, type ScoringSettings } from './settings.js';

describeEachDatabase('scoring over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId = '';
  let base = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' }))
      .browser;
    base = `/api/v1/workspaces/${workspaceId}/community`;
    const now = t.clock.now().getTime();
    const ana = await storePerson(use().kysely, workspaceId, 'ana');
    // Two replies and four likes this month: 6 + 4 = 10, capped to 3 by default.
    await storeActivities(use().kysely, workspaceId, ana, [
      { type: 'reply', at: new Date(now - DAY).toISOString() },
      { type: 'reply', at: new Date(now - 2 * DAY).toISOString() },
      ...[3, 4, 5, 6].map((days) => ({
        type: 'like' as const,
        at: new Date(now - days * DAY).toISOString(),
      })),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the defaults to any member', async () => {
    const reply = await viewer.get(`${base}/scoring`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(DEFAULT_SCORING);
  });

  it('refuses bad settings with 400s that name the field, and viewers with 403', async () => {
    const bad: [unknown, string][] = [
      [{ ...DEFAULT_SCORING, monthlyDecay: 1.5 }, 'monthlyDecay'],
      [{ ...DEFAULT_SCORING, monthlyCap: -1 }, 'monthlyCap'],
      [
        { ...DEFAULT_SCORING, levels: { participating: 10, contributing: 5, leading: 20 } },
        'levels must increase',
      ],
      [{ ...DEFAULT_SCORING, weights: { ...DEFAULT_SCORING.weights, reply: -2 } }, 'weights.reply'],
      [{ ...DEFAULT_SCORING, weights: { ...DEFAULT_SCORING.weights, dance: 2 } }, 'weights'],
      [{ weights: DEFAULT_SCORING.weights }, 'monthlyDecay'],
    ];
    for (const [body, field] of bad) {
      const reply = await owner.put(`${base}/scoring`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect((reply.body as { error: { message: string } }).error.message).toContain(field);
    }
    expect((await viewer.put(`${base}/scoring`, DEFAULT_SCORING)).status).toBe(403);
    expect((await viewer.post(`${base}/scores/recompute`)).status).toBe(403);
    expect((await owner.get(`/api/v1/workspaces/nope/community/scoring`)).status).toBe(404);
  });

  it('stores new settings, rescores with them, and recomputes on demand', async () => {
    const recomputed = await owner.post(`${base}/scores/recompute`);
    expect(recomputed.status).toBe(200);
    expect(recomputed.body).toEqual({ scored: 1 });
    const before = await use()
      .kysely.selectFrom('people')
      .select(['engagement', 'engagement_level'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ engagement: 3, engagement_level: 'participating' });

    const plain: ScoringSettings = {
      ...DEFAULT_SCORING,
      monthlyCap: null,
      levels: { participating: 1, contributing: 5, leading: 10 },
    };
    const put = await owner.put(`${base}/scoring`, plain);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(plain);
    expect((await viewer.get(`${base}/scoring`)).body).toEqual(plain);
    // Rescored at once: no cap, 2 × 3 + 4 × 1 = 10, leading from 10.
    const after = await use()
      .kysely.selectFrom('people')
      .select(['engagement', 'engagement_level', 'scores'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(after.engagement).toBe(10);
    expect(after.engagement_level).toBe('leading');
    expect(after.scores).toContain('weight × 0.9^(whole months ago)');
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'community.scoring_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
