import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { startTestApp, type TestApp } from '../../test/http-harness.js';

describe('OpenAPI document', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    t = await startTestApp(db);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('is served, and matches the committed docs/openapi.json (run `npx vitest -u` after changing routes)', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(reply.statusCode).toBe(200);
    const document = JSON.parse(reply.body) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/session', '/api/v1/workspaces/{workspaceId}/members', '/healthz', '/readyz']),
    );
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot('../../docs/openapi.json');
  });

  it('has a readable page', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('swagger');
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    const db = await createTestDatabase('sqlite');
    const t = await startTestApp(db);
    expect(JSON.parse((await t.app.inject({ url: '/healthz' })).body)).toEqual({ status: 'ok' });
    expect(JSON.parse((await t.app.inject({ url: '/readyz' })).body)).toEqual({ status: 'ready', database: 'sqlite' });
    await db.drop(); // database gone: not ready, but still alive
    const notReady = await t.app.inject({ url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await t.close();
  });
});
