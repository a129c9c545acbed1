import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';

// Authentication is the only database use here; the database tier is covered by the other route tests.
describe('POST /api/v1/check', () => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: Browser;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    t = await startTestApp(db);
    ({ owner } = await setUpOwner(t.app));
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('returns the verdict, the score and the findings', async () => {
    const reply = await owner.post('/api/v1/check', {
      text: 'As we already said, you should have read the manual.',
      replyTo: 'Your lamp broke after two days, terrible quality.',
      language: 'en',
      network: 'x',
    });
    expect(reply.status).toBe(200);
    const body = reply.body as { verdict: string; score: number; findings: { rule: string }[] };
    expect(body.verdict).toBe('block');
    expect(body.findings.map((f) => f.rule)).toContain('tone.defensive');
  }, 30_000);

  it('refuses bad input with the field named, and anonymous callers', async () => {
    const bad = await owner.post('/api/v1/check', { text: 'Hello', network: 'myspace', publishAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.network', 'body.publishAt']));
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'Hello' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
