/**
 * Publishing over HTTP on both databases, against a REAL local Bluesky network (PLC + PDS from
 * @atproto/dev-env): connect, compose, review, gate, schedule, publish exactly once, edit and cancel.
 * Attempts are run with the harness's `runDue` (the real publish service at the test clock).
 */
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../test/bluesky-network.js';

interface PostBody {
  id: string;
  status: string;
  version: number;
  publishAt: string | null;
  check: { verdict: string; findings: { rule: string; severity: string; accountId?: string }[] } | null;
  override: { reason: string } | null;
  targets: { id: string; status: string; url: string | null; externalId: string | null; lastError: string | null; warning: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

let network: BlueskyTestNetwork;
beforeAll(async () => {
  network = await startBlueskyNetwork();
}, 60_000);
afterAll(() => network?.close());

async function recordsOf(account: TestAccount): Promise<{ uri: string; text: string }[]> {
  const agent = new AtpAgent({ service: network.service });
  const { data } = await agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100 });
  return data.records.map((record) => ({ uri: record.uri, text: (record.value as { text: string }).text }));
}

describeEachDatabase('publishing to a real local Bluesky network', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId: string;
  let brand: TestAccount;
  let accountId: string;
  const api = (path = ''): string => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    brand = await network.createAccount();
  }, 30_000);
  afterAll(() => t.close());

  const draft = async (browser: Browser, body: Record<string, unknown>): Promise<PostBody> => {
    const reply = await browser.post(api('/posts'), { accountIds: [accountId], ...body });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body as PostBody;
  };

  it('connects an account only with credentials the network accepts, and never shows them', async () => {
    const refused = await owner.post(api('/accounts'), {
      network: 'bluesky',
      credentials: { handle: brand.handle, appPassword: 'aaaa-bbbb-cccc-dddd', service: network.service },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as ErrorBody).error.message).toMatch(/Bluesky refused the credentials: /);
    expect((await owner.post(api('/accounts'), { network: 'bluesky', credentials: { handle: brand.handle } })).status).toBe(400);

    const connected = await owner.post(api('/accounts'), {
      network: 'bluesky',
      credentials: { handle: brand.handle, appPassword: brand.appPassword, service: network.service },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    expect(connected.body).toMatchObject({ network: 'bluesky', handle: brand.handle, health: 'ok' });
    accountId = (connected.body as { id: string }).id;

    const listed = await owner.get(api('/accounts'));
    expect(JSON.stringify(listed.body)).not.toContain(brand.appPassword);
    const stored = await use().kysely.selectFrom('connected_accounts').select('credentials').executeTakeFirstOrThrow();
    expect(stored.credentials).not.toContain(brand.appPassword);
    // Reconnecting the same account updates it instead of adding a second one.
    await owner.post(api('/accounts'), { network: 'bluesky', credentials: { handle: brand.handle, appPassword: brand.appPassword, service: network.service } });
    expect((await owner.get(api('/accounts'))).body).toHaveLength(1);
  });

  it('publishes a post now, exactly once, with its link', async () => {
    const text = `Bonjour ! Notre atelier de Lyon ouvre ses portes samedi. ${Date.now()}`;
    const post = await draft(owner, { text, language: 'fr' });
    const scheduled = (await owner.post(api(`/posts/${post.id}/schedule`), {})).body as PostBody;
    expect(scheduled.status).toBe('scheduled');
    expect(t.publishing.dispatched).toHaveLength(1);

    expect(await t.publishing.runDue()).toEqual(['published']);
    const published = (await owner.get(api(`/posts/${post.id}`))).body as PostBody;
    expect(published.status).toBe('published');
    expect(published.targets[0]).toMatchObject({ status: 'published', lastError: null });
    expect(published.targets[0]?.url).toMatch(/^https:\/\/bsky\.app\/profile\/.+\/post\/.+/);

    // A duplicate job, a retry or a second process: nothing more goes out.
    await t.publishing.deps.dispatch(post.targets[0]!.id, t.clock.now());
    expect(await t.publishing.runDue()).toEqual(['not-claimed']);
    expect((await recordsOf(brand)).filter((r) => r.text === text)).toHaveLength(1);
    // Published posts are read back: they can be edited no more, cancelled no more.
    expect((await owner.patch(api(`/posts/${post.id}`), { version: published.version, text: 'changed' })).status).toBe(409);
    expect((await owner.post(api(`/posts/${post.id}/cancel`), {})).status).toBe(409);
  });

  it('publishes the edited text of a scheduled post, never the old one, and refuses edits once it is claimed', async () => {
    const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const post = await draft(owner, { text: `First version of the spring announcement ${Date.now()}`, publishAt: at });
    const scheduled = (await owner.post(api(`/posts/${post.id}/schedule`), {})).body as PostBody;
    expect(scheduled).toMatchObject({ status: 'scheduled', publishAt: at });
    const newText = `Second version of the spring announcement ${Date.now()}`;
    const edited = await owner.patch(api(`/posts/${post.id}`), { version: scheduled.version, text: newText });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'scheduled' });
    // A stale version is refused (another tab saved meanwhile).
    expect((await owner.patch(api(`/posts/${post.id}`), { version: scheduled.version, text: 'stale' })).status).toBe(409);
    // An edit the guardrails now block unschedules the post and says why: it never goes out unchecked.
    const current = edited.body as PostBody;
    const blocked = await owner.patch(api(`/posts/${post.id}`), { version: current.version, text: `${'Far too long for Bluesky. '.repeat(14)}${Date.now()}` });
    expect(blocked.body).toMatchObject({ status: 'draft', check: { verdict: 'block' }, unscheduled: expect.stringMatching(/guardrails block/) as unknown });
    const fixed = await owner.patch(api(`/posts/${post.id}`), { version: (blocked.body as PostBody).version, text: newText });
    expect(fixed.body).toMatchObject({ status: 'draft', publishAt: at });
    expect((await owner.post(api(`/posts/${post.id}/schedule`), {})).body).toMatchObject({ status: 'scheduled', publishAt: at });

    t.clock.advance(3_600_000);
    expect(await t.publishing.runDue()).toContain('published');
    const texts = (await recordsOf(brand)).map((r) => r.text);
    expect(texts).toContain(newText);
    expect(texts.some((text) => text.startsWith('First version of the spring'))).toBe(false);
  });

  it('cancels a scheduled post: nothing goes out', async () => {
    const text = `A post we will cancel ${Date.now()}`;
    const post = await draft(owner, { text });
    await owner.post(api(`/posts/${post.id}/schedule`), { publishAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    const cancelled = await owner.post(api(`/posts/${post.id}/cancel`), {});
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    t.clock.advance(120_000);
    await t.publishing.runDue();
    expect((await recordsOf(brand)).some((r) => r.text === text)).toBe(false);
  });

  it('makes editors ask for approval when the workspace says so, with comments', async () => {
    expect((await owner.patch(api(), { approvalPolicy: 'editors' })).body).toMatchObject({ approvalPolicy: 'editors' });
    const { browser: editor } = await addMember(t.app, owner, workspaceId, { email: 'editor@brand.test', role: 'editor' });
    const post = await draft(editor, { text: `Editor's draft about the autumn collection ${Date.now()}` });
    const direct = await editor.post(api(`/posts/${post.id}/schedule`), {});
    expect(direct.status).toBe(403);
    expect((direct.body as ErrorBody).error.message).toMatch(/approval/);

    expect((await editor.post(api(`/posts/${post.id}/submit`), {})).body).toMatchObject({ status: 'in_review' });
    expect((await editor.post(api(`/posts/${post.id}/approve`), {})).status).toBe(403);
    expect((await owner.post(api(`/posts/${post.id}/request-changes`), {})).status).toBe(400);
    const back = (await owner.post(api(`/posts/${post.id}/request-changes`), { comment: 'Mention the Lyon workshop' })).body as PostBody;
    expect(back).toMatchObject({ status: 'changes_requested', review: { comment: 'Mention the Lyon workshop' } });

    const revised = (await editor.patch(api(`/posts/${post.id}`), { version: back.version, text: `Autumn collection, made in our Lyon workshop ${Date.now()}`, publishAt: new Date(t.clock.now().getTime() + 600_000).toISOString() })).body as PostBody;
    await editor.post(api(`/posts/${post.id}/submit`), {});
    const approved = (await owner.post(api(`/posts/${post.id}/approve`), { comment: 'Good to go' })).body as PostBody;
    expect(approved.status).toBe('scheduled');
    expect(approved.publishAt).toBe(revised.publishAt);
    // An editor's edit of an approved, scheduled post sends it back for review.
    const reedited = await editor.patch(api(`/posts/${post.id}`), { version: approved.version, text: `Autumn collection, edited again ${Date.now()}` });
    expect(reedited.body).toMatchObject({ status: 'draft', unscheduled: expect.stringMatching(/approval/) as unknown });

    // An approval is for the approved text: an editor who changes it must ask again.
    const other = await draft(editor, { text: `Winter sale announcement for the newsletter ${Date.now()}` });
    await editor.post(api(`/posts/${other.id}/submit`), {});
    const ok = (await owner.post(api(`/posts/${other.id}/approve`), {})).body as PostBody;
    expect(ok.status).toBe('approved');
    const sneaky = (await editor.patch(api(`/posts/${other.id}`), { version: ok.version, text: `Something else entirely ${Date.now()}` })).body as PostBody;
    expect(sneaky.status).toBe('draft');
    expect((await editor.post(api(`/posts/${other.id}/schedule`), {})).status).toBe(403);
    await owner.patch(api(), { approvalPolicy: 'none' });
  });

  it('blocks a post the guardrails refuse, unless a manager overrides with a reason kept in the audit log', async () => {
    const tooLong = `${'Our lamps are made by hand in Lyon. '.repeat(10)}${Date.now()}`;
    const post = await draft(owner, { text: tooLong, language: 'en' });
    const blocked = await owner.post(api(`/posts/${post.id}/schedule`), {});
    expect(blocked.status).toBe(409);
    expect((blocked.body as ErrorBody).error.fields?.some((f) => f.path.startsWith('check.network'))).toBe(true);

    const { browser: editor } = await addMember(t.app, owner, workspaceId, { email: 'editor2@brand.test', role: 'editor' });
    expect((await editor.post(api(`/posts/${post.id}/schedule`), { override: { reason: 'We know, publish it anyway please' } })).status).toBe(403);
    expect((await owner.post(api(`/posts/${post.id}/schedule`), { override: { reason: 'short' } })).status).toBe(400);
    const overridden = (await owner.post(api(`/posts/${post.id}/schedule`), { override: { reason: 'Testing what the network says about length' } })).body as PostBody;
    expect(overridden).toMatchObject({ status: 'scheduled', check: { verdict: 'block' }, override: { reason: 'Testing what the network says about length' } });
    const audit = (await owner.get(api('/audit'))).body as { entries: { action: string; details: { reason?: string } }[] };
    expect(audit.entries.find((e) => e.action === 'post.guardrails_overridden')?.details.reason).toBe('Testing what the network says about length');

    // The network refuses it for good: the post fails with Bluesky's reason, nothing retried forever.
    expect(await t.publishing.runDue()).toEqual(['failed']);
    const failed = (await owner.get(api(`/posts/${post.id}`))).body as PostBody;
    expect(failed.status).toBe('failed');
    expect(failed.targets[0]?.lastError).toMatch(/300|long/i);
  });

  it('keeps images with their alt text and serves them back', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const post = await draft(owner, { text: `A photo of the new lamp ${Date.now()}` });
    expect((await owner.post(api(`/posts/${post.id}/media`), { mimeType: 'image/png', dataBase64: png.toString('base64'), altText: '' })).status).toBe(400);
    expect((await owner.post(api(`/posts/${post.id}/media`), { mimeType: 'image/svg+xml', dataBase64: png.toString('base64'), altText: 'x' })).status).toBe(400);
    const withImage = (await owner.post(api(`/posts/${post.id}/media`), { mimeType: 'image/png', dataBase64: png.toString('base64'), altText: 'A brass lamp on an oak desk' })).body as { media: { id: string; altText: string }[] };
    expect(withImage.media).toMatchObject([{ altText: 'A brass lamp on an oak desk' }]);
    const image = await owner.get(api(`/posts/${post.id}/media/${withImage.media[0]!.id}`));
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it("checks in the account's own voice", async () => {
    await owner.put(api(`/accounts/${accountId}/voice`), { voice: { bannedTerms: [{ term: 'cheap', replacement: 'affordable' }] } });
    const check = (await owner.post('/api/v1/check', { workspaceId, accountId, text: 'Our lamps are cheap and bright.', language: 'en' })).body as PostBody['check'];
    expect(check?.findings.some((f) => f.rule.startsWith('voice'))).toBe(true);
    const without = (await owner.post('/api/v1/check', { workspaceId, text: 'Our lamps are cheap and bright.', language: 'en' })).body as PostBody['check'];
    expect(without?.findings.some((f) => f.rule.startsWith('voice'))).toBe(false);
    await owner.put(api(`/accounts/${accountId}/voice`), { voice: null });
  });

  it('adds a post to the queue at the next free weekly slot, in the workspace time zone', async () => {
    // The harness clock: Saturday 28 March 2026, 10:00 in Paris; DST starts on the 29th.
    await owner.put(api(`/accounts/${accountId}/slots`), { slots: [{ weekday: 0, time: '09:00' }] });
    const first = await draft(owner, { text: `Queued post one ${Date.now()}` });
    const queued = (await owner.post(api(`/posts/${first.id}/queue`), {})).body as PostBody;
    expect(queued.publishAt).toBe('2026-03-30T07:00:00.000Z');
    const second = await draft(owner, { text: `Queued post two ${Date.now()}` });
    expect(((await owner.post(api(`/posts/${second.id}/queue`), {})).body as PostBody).publishAt).toBe('2026-04-06T07:00:00.000Z');

    // An account with posts scheduled cannot be removed: they would silently be lost.
    const removal = await owner.delete(api(`/accounts/${accountId}`));
    expect(removal.status).toBe(409);
    expect((removal.body as ErrorBody).error.message).toMatch(/scheduled/);
  });

  it('keeps other workspaces and read-only members out', async () => {
    const { browser: viewer } = await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' });
    expect((await viewer.get(api('/posts'))).status).toBe(200);
    expect((await viewer.post(api('/posts'), { text: 'hello', accountIds: [accountId] })).status).toBe(403);
    expect((await viewer.post(api('/accounts'), { network: 'bluesky', credentials: {} })).status).toBe(403);
    expect((await owner.get('/api/v1/workspaces/unknown/posts')).status).toBe(404);
    expect((await owner.post(api('/posts'), { text: 'hello', accountIds: ['nope'] })).status).toBe(400);
  });
});
