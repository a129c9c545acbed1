import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { addMember, Browser, setUpOwner, startTestApp, type TestApp } from '../../test/http-harness.js';

type Body = Record<string, unknown> & { error?: { code: string; message: string } };

describeEachDatabase('workspaces, members, invitations, tokens and audit over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId: string;
  const ws = (path = ''): string => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    t = await startTestApp(use(), { publicUrl: 'https://hearth.example.test' });
    ({ owner, workspaceId } = await setUpOwner(t.app));
  });
  afterAll(() => t.close());

  it('updates settings as owner and records it in the audit log', async () => {
    const reply = await owner.patch(ws(), { name: 'Maison Lumière FR', timeZone: 'America/Toronto' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: 'Maison Lumière FR', timeZone: 'America/Toronto', languages: ['fr', 'en'], role: 'owner' });
    const audit = (await owner.get(ws('/audit'))).body as { entries: { action: string; details: Body }[] };
    expect(audit.entries[0]).toMatchObject({ action: 'workspace.settings_changed', details: { changes: { name: 'Maison Lumière FR' } } });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['workspace.created', 'user.signed_in']));
  });

  it('keeps the brand, products and competitors that analysis looks for', async () => {
    const reply = await owner.patch(ws(), {
      namedThings: { brand: ['Maison Lumière', ' Maison Lumière '], products: ['Lampe Aube'], competitors: ['Clairlune'] },
    });
    expect(reply.status).toBe(200);
    expect((reply.body as { namedThings: unknown }).namedThings).toEqual({
      brand: ['Maison Lumière'],
      products: ['Lampe Aube'],
      competitors: ['Clairlune'],
    });
    const empty = await owner.patch(ws(), { namedThings: { brand: [''] } });
    expect(empty.status).toBe(400);
  });

  it('refuses an unknown time zone and an empty change', async () => {
    const zone = await owner.patch(ws(), { timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect((zone.body as Body).error?.message).toMatch(/time zone/);
    expect((await owner.patch(ws(), {})).status).toBe(400);
  });

  it('invites by link; the invitee creates an account and joins with the invited role', async () => {
    const invited = await owner.post(ws('/invitations'), { email: 'Viewer@Brand.test', role: 'viewer' });
    expect(invited.status).toBe(201);
    const { url, invitation } = invited.body as { url: string; invitation: { email: string } };
    expect(url).toMatch(/^https:\/\/hearth\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invitation.email).toBe('viewer@brand.test');
    const token = url.split('/invite/')[1]!;

    const pending = (await owner.get(ws('/invitations'))).body as { invitations: unknown[] };
    expect(pending.invitations).toHaveLength(1);

    const guest = new Browser(t.app);
    expect((await guest.get(`/api/v1/invitations/${token}`)).body).toMatchObject({
      workspaceName: 'Maison Lumière FR',
      role: 'viewer',
      accountExists: false,
    });
    const tooShort = await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'Vic', password: 'short' });
    expect(tooShort.status).toBe(400);
    const accepted = await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'Vic Viewer', password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { email: 'viewer@brand.test' }, workspaceId, workspaces: [{ id: workspaceId, role: 'viewer' }] });

    // A used link is dead.
    expect((await new Browser(t.app).get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect(((await owner.get(ws('/invitations'))).body as { invitations: unknown[] }).invitations).toHaveLength(0);
  });

  it('lets a viewer read but not change settings, members or the audit log', async () => {
    const { browser: viewer } = await addMember(t.app, owner, workspaceId, { email: 'v2@brand.test', role: 'viewer' });
    expect((await viewer.get(ws())).status).toBe(200);
    expect((await viewer.get(ws('/members'))).status).toBe(200);
    expect((await viewer.patch(ws(), { name: 'Hijacked' })).status).toBe(403);
    expect((await viewer.post(ws('/invitations'), { email: 'friend@x.test', role: 'admin' })).status).toBe(403);
    expect((await viewer.get(ws('/audit'))).status).toBe(403);
  });

  it('keeps admins below owners and the workspace never without an owner', async () => {
    const { browser: admin, userId: adminId } = await addMember(t.app, owner, workspaceId, { email: 'admin@brand.test', role: 'admin' });
    const members = (await owner.get(ws('/members'))).body as { members: { userId: string; role: string }[] };
    const ownerId = members.members.find((m) => m.role === 'owner')!.userId;

    expect((await admin.post(ws('/invitations'), { email: 'boss@x.test', role: 'owner' })).status).toBe(403);
    expect((await admin.patch(ws(`/members/${ownerId}`), { role: 'viewer' })).status).toBe(403);
    const lastOwner = await owner.patch(ws(`/members/${ownerId}`), { role: 'admin' });
    expect(lastOwner.status).toBe(409);
    expect((await owner.delete(ws(`/members/${ownerId}`))).status).toBe(409);

    const demoted = await owner.patch(ws(`/members/${adminId}`), { role: 'editor' });
    expect(demoted.body).toMatchObject({ userId: adminId, role: 'editor' });
    expect((await admin.get(ws('/audit'))).status).toBe(403);
  });

  it('hides other workspaces entirely: 404, never data', async () => {
    const { browser: outsider } = await addMember(t.app, owner, workspaceId, { email: 'agency@x.test', role: 'manager' });
    const created = await outsider.post('/api/v1/workspaces', { name: 'Other brand', timeZone: 'Europe/Berlin', languages: ['de'] });
    expect(created.status).toBe(201);
    const otherId = (created.body as { id: string }).id;

    for (const path of ['', '/members', '/invitations', '/tokens', '/audit']) {
      const reply = await owner.get(`/api/v1/workspaces/${otherId}${path}`);
      expect(reply.status, path).toBe(404);
      expect(JSON.stringify(reply.body)).not.toContain('Other brand');
    }
    expect((await owner.patch(`/api/v1/workspaces/${otherId}`, { name: 'mine now' })).status).toBe(404);
    // The agency member switches between both workspaces.
    const session = (await outsider.get('/api/v1/session')).body as { workspaces: { id: string; role: string }[] };
    expect(session.workspaces.map((w) => w.role).sort()).toEqual(['manager', 'owner']);
  });

  it('issues API tokens that act in one workspace only and die when revoked', async () => {
    const created = await owner.post(ws('/tokens'), { name: 'Zapier' });
    expect(created.status).toBe(201);
    const { secret, token } = created.body as { secret: string; token: { id: string; prefix: string } };
    expect(secret.startsWith(token.prefix)).toBe(true);
    const listed = (await owner.get(ws('/tokens'))).body as { tokens: Body[] };
    expect(JSON.stringify(listed)).not.toContain(secret);

    const bearer = (url: string, method: 'GET' | 'POST' = 'GET') =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(method === 'POST' ? { payload: { name: 'X', timeZone: 'UTC', languages: ['en'] } } : {}) });
    expect((await bearer(ws())).statusCode).toBe(200);
    const mine = JSON.parse((await bearer('/api/v1/workspaces')).body) as { workspaces: { id: string }[] };
    expect(mine.workspaces.map((w) => w.id)).toEqual([workspaceId]);
    expect((await bearer('/api/v1/workspaces', 'POST')).statusCode).toBe(403);

    expect((await owner.delete(ws(`/tokens/${token.id}`))).status).toBe(204);
    const revoked = await bearer(ws());
    expect(revoked.statusCode).toBe(401);
    expect((await owner.delete(ws(`/tokens/${token.id}`))).status).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const reply = await owner.get('/api/v1/nothing-here');
    expect(reply.status).toBe(404);
    expect((reply.body as Body).error?.code).toBe('not_found');
  });
});
