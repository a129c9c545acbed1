import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { describeEachDatabase } from '../db/testing.js';

interface QueryBody {
  id: string;
  name: string;
  query: string;
  history: { status: string };
}

describeEachDatabase('saved queries over HTTP: try, save, rewrite', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let base = '';

  beforeAll(async () => {
    t = await startTestApp(use());
    const { owner: signedIn, workspaceId } = await setUpOwner(t.app);
    owner = signedIn;
    viewer = (await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' })).browser;
    base = `/api/v1/workspaces/${workspaceId}/listening/queries`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('tries a query: where a syntax error is, the query in words, and why a sample matches', async () => {
    const broken = await viewer.post(`${base}/test`, { query: 'lamp AND (refund' });
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({ valid: false, error: { message: expect.stringMatching(/parenthesis/i) as unknown, position: 9, end: 10 } });

    const tried = await viewer.post(`${base}/test`, { query: '(refund* OR remboursement) -job lang:fr', text: 'Je veux un remboursement pour ma lampe cassée' });
    expect(tried.status).toBe(200);
    const body = tried.body as {
      valid: true;
      description: string;
      sample: { matches: boolean; language: string; highlights: { start: number; end: number }[]; filters: { query: string; passed: boolean }[] };
    };
    expect(body.valid).toBe(true);
    expect(body.description).toMatch(/remboursement/);
    expect(body.sample.matches).toBe(true);
    expect(body.sample.language).toBe('fr');
    expect(body.sample.highlights).toEqual([{ start: 11, end: 24 }]);
    expect(body.sample.filters).toEqual([expect.objectContaining({ query: 'lang:fr', passed: true })]);

    const missed = await viewer.post(`${base}/test`, { query: 'refund* lang:en', text: 'Je veux un remboursement' });
    expect((missed.body as { sample: { matches: boolean } }).sample.matches).toBe(false);
    expect(await viewer.post(`${base}/test`, { query: '' })).toMatchObject({ status: 400 });
  });

  it('saves a query with its history pending, rewrites it (owner only), and refuses empty changes', async () => {
    const saved = await owner.post(base, { name: 'Refunds', query: 'refund*', tag: 'topic' });
    expect(saved.status).toBe(201);
    const query = saved.body as QueryBody;
    expect(query.history.status).toBe('pending');

    expect(await viewer.patch(`${base}/${query.id}`, { name: 'Mine' })).toMatchObject({ status: 403 });
    expect(await owner.patch(`${base}/${query.id}`, {})).toMatchObject({ status: 400 });
    expect(await owner.patch(`${base}/${query.id}`, { query: 'refund* (' })).toMatchObject({ status: 400 });
    expect(await owner.patch(`${base}/unknown`, { name: 'X' })).toMatchObject({ status: 404 });
    const rewritten = await owner.patch(`${base}/${query.id}`, { query: 'refund* OR remboursement', tag: 'brand' });
    expect(rewritten.status).toBe(200);
    expect(rewritten.body).toMatchObject({ name: 'Refunds', query: 'refund* OR remboursement', tag: 'brand', history: { status: 'pending' } });
  });
});
