import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { Browser, OWNER, setUpOwner, startTestApp, type TestApp } from '../../test/http-harness.js';

describeEachDatabase('setup, sign-in and sessions over HTTP', (use) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(use(), { signInAttemptsPerWindow: 5 });
  });
  afterAll(() => t.close());

  it('asks for setup on an empty database, then never again', async () => {
    const anonymous = new Browser(t.app);
    expect((await anonymous.get('/api/v1/setup')).body).toEqual({ needsSetup: true });
    const { owner, workspaceId } = await setUpOwner(t.app);
    expect(owner.cookie).toMatch(/^hearth_session=/);
    const session = await owner.get('/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      user: { email: OWNER.email, name: OWNER.name },
      workspaces: [{ id: workspaceId, name: OWNER.workspaceName, role: 'owner' }],
    });
    expect((await anonymous.get('/api/v1/setup')).body).toEqual({ needsSetup: false });
    const again = await new Browser(t.app).post('/api/v1/setup', { ...OWNER, email: 'intruder@x.test' });
    expect(again.status).toBe(409);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const reply = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: OWNER.email, password: OWNER.password } });
    expect(reply.statusCode).toBe(200);
    const cookie = reply.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeUndefined();
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secure = await startTestApp(use(), { secureCookies: true });
    const reply = await secure.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: OWNER.email, password: OWNER.password } });
    expect(reply.cookies.find((c) => c.name === 'hearth_session')?.secure).toBe(true);
    await secure.close();
  });

  it('signs in with e-mail in any case, refuses a wrong password with 401, and signs out', async () => {
    const browser = new Browser(t.app);
    const wrong = await browser.post('/api/v1/session', { email: OWNER.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthenticated', message: 'Wrong e-mail or password' } });
    const unknown = await browser.post('/api/v1/session', { email: 'nobody@x.test', password: 'whatever password' });
    expect(unknown.body).toEqual(wrong.body);

    const ok = await browser.post('/api/v1/session', { email: ' Camille@Brand.TEST ', password: OWNER.password });
    expect(ok.status).toBe(200);
    expect((await browser.get('/api/v1/session')).status).toBe(200);
    expect((await browser.delete('/api/v1/session')).status).toBe(204);
    expect((await browser.get('/api/v1/session')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const browser = new Browser(t.app);
    await browser.post('/api/v1/session', { email: OWNER.email, password: OWNER.password });
    const forged = await browser.request('POST', '/api/v1/workspaces', { name: 'X', timeZone: 'UTC', languages: ['en'] }, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect((forged.body as { error: { code: string } }).error.code).toBe('csrf_failed');
    const withToken = await browser.post('/api/v1/workspaces', { name: 'Second brand', timeZone: 'UTC', languages: ['en'] });
    expect(withToken.status).toBe(201);
  });

  it('explains invalid input field by field', async () => {
    const reply = await new Browser(t.app, '10.0.0.2').post('/api/v1/session', { email: 'not-an-email' });
    expect(reply.status).toBe(400);
    const error = (reply.body as { error: { code: string; fields: { path: string }[] } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['body.email', 'body.password']);
  });

  it('rate-limits sign-in attempts', async () => {
    const browser = new Browser(t.app, '10.0.0.3');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await browser.post('/api/v1/session', { email: OWNER.email, password: `wrong ${i} password` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client is not affected.
    const other = await new Browser(t.app, '10.0.0.4').post('/api/v1/session', { email: OWNER.email, password: OWNER.password });
    expect(other.status).toBe(200);
  });

  it('never logs passwords, cookies or CSRF tokens', () => {
    const all = t.logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(OWNER.password);
    expect(all).not.toMatch(/hearth_session=/);
  });
});
