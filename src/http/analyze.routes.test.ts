import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';

interface AnalysisBody {
  analysis: { language: string; sentiment: { label: string }; named: { name: string; kind: string }[]; hashtags: string[] };
}

describeEachDatabase('POST /api/v1/analyze', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    await owner.patch(`/api/v1/workspaces/${workspaceId}`, { namedThings: { brand: ['Maison Lumière'], competitors: ['Clairlune'] } });
  });
  afterAll(() => t.close());

  it('analyses one text with the workspace named things', async () => {
    const reply = await owner.post('/api/v1/analyze', {
      workspaceId,
      text: "J'adore ma nouvelle lampe de chez Maison Lumière, bien mieux que Clairlune ! #déco",
    });
    expect(reply.status).toBe(200);
    const { analysis } = reply.body as AnalysisBody;
    expect(analysis.language).toBe('fr');
    expect(analysis.sentiment.label).toBe('positive');
    expect(analysis.hashtags).toEqual(['déco']);
    expect(analysis.named.map((n) => `${n.kind}:${n.name}`)).toEqual(['brand:Maison Lumière', 'competitor:Clairlune']);
  });

  it('analyses a batch in order, keeping ids', async () => {
    const reply = await owner.post('/api/v1/analyze', {
      items: [
        { id: 'a', text: 'This is the worst customer service I have ever had. Still waiting for my refund!' },
        { id: 'b', text: 'Merci pour votre réponse rapide, tout est réglé.' },
      ],
    });
    expect(reply.status).toBe(200);
    const { results } = reply.body as { results: { id: string; analysis: { language: string; sentiment: { label: string } } }[] };
    expect(results.map((r) => [r.id, r.analysis.language, r.analysis.sentiment.label])).toEqual([
      ['a', 'en', 'negative'],
      ['b', 'fr', 'positive'],
    ]);
  });

  it('refuses bad requests clearly, and strangers', async () => {
    expect((await owner.post('/api/v1/analyze', {})).status).toBe(400);
    expect((await owner.post('/api/v1/analyze', { text: 'x', items: [{ id: '1', text: 'y' }] })).status).toBe(400);
    expect((await owner.post('/api/v1/analyze', { text: '' })).status).toBe(400);
    expect((await owner.post('/api/v1/analyze', { text: 'hello', workspaceId: 'not-mine' })).status).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/analyze', payload: { text: 'hello' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
