import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { addMember, Browser, setUpOwner, startTestApp, type TestApp } from '../../test/http-harness.js';

interface CheckBody {
  verdict: string;
  findings: { rule: string; severity: string; sourceId?: string; sourceLabel?: string; sourceUrl?: string; similarity?: number }[];
}

const COMPETITOR_POST =
  'Our new reading lamp gives a warm light that never tires your eyes, even after midnight, and it charges in one hour.';
const OWN_POST = 'Meet the Aube lamp: a soft morning glow that wakes you gently, made in Lyon from recycled aluminium.';

describeEachDatabase('originality sources: persisted per workspace, compared against on check', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId: string;
  const url = (path = ''): string => `/api/v1/workspaces/${workspaceId}/originality${path}`;
  const checkText = async (browser: Browser, text: string): Promise<CheckBody> =>
    (await browser.post('/api/v1/check', { workspaceId, text, language: 'en' })).body as CheckBody;

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
  });
  afterAll(() => t.close());

  it('flags a near-copy of a competitor post, naming the source with its label and link', async () => {
    expect((await checkText(owner, COMPETITOR_POST)).findings.filter((f) => f.rule.startsWith('originality'))).toEqual([]);
    const added = await owner.post(url('/sources'), {
      sources: [
        { id: 'zorvalta:1', text: COMPETITOR_POST, kind: 'competitor', label: 'Zorvalta on Bluesky', url: 'https://bsky.app/profile/zorvalta.test/post/1' },
        { id: 'own:1', text: OWN_POST, kind: 'own' },
        { id: 'tiny', text: 'Hi there', kind: 'competitor' },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ indexed: 2, skipped: [{ id: 'tiny', reason: expect.stringMatching(/too short/) as unknown }] });
    expect((await owner.get(url())).body).toEqual({ total: 2, byKind: { own: 1, competitor: 1, ingested: 0 } });

    const copied = await checkText(owner, COMPETITOR_POST.replace('Our new', 'The new').replace('one hour', '1 hour'));
    expect(copied.verdict).toBe('block');
    const finding = copied.findings.find((f) => f.rule.startsWith('originality'));
    expect(finding).toMatchObject({
      severity: 'error',
      sourceId: 'zorvalta:1',
      sourceLabel: 'Zorvalta on Bluesky',
      sourceUrl: 'https://bsky.app/profile/zorvalta.test/post/1',
    });
    expect(finding?.similarity).toBeGreaterThan(0.7);
  });

  it('stops comparing against a removed source', async () => {
    expect((await owner.delete(url('/sources/zorvalta%3A1'))).status).toBe(204);
    expect((await owner.delete(url('/sources/zorvalta%3A1'))).status).toBe(404);
    expect((await checkText(owner, COMPETITOR_POST)).findings.filter((f) => f.rule.startsWith('originality'))).toEqual([]);
    expect((await owner.get(url())).body).toMatchObject({ total: 1 });
  });

  it('is loaded from the database by a process that did not write it', async () => {
    const other = await startTestApp(use());
    try {
      // A fresh app has an empty cache: it must read the persisted own post back.
      const fresh = new Browser(other.app);
      fresh.cookie = owner.cookie;
      fresh.csrfToken = owner.csrfToken;
      const result = await checkText(fresh, OWN_POST);
      expect(result.findings.find((f) => f.rule.startsWith('originality'))).toMatchObject({ sourceId: 'own:1' });
    } finally {
      await other.close();
    }
  });

  it('validates input and keeps other roles and workspaces out', async () => {
    expect((await owner.post(url('/sources'), { sources: [] })).status).toBe(400);
    expect((await owner.post(url('/sources'), { sources: [{ id: 'x', text: 'some text here', url: 'javascript:alert(1)' }] })).status).toBe(400);
    const { browser: viewer } = await addMember(t.app, owner, workspaceId, { email: 'viewer@brand.test', role: 'viewer' });
    expect((await viewer.get(url())).status).toBe(200);
    expect((await viewer.post(url('/sources'), { sources: [{ id: 'x', text: COMPETITOR_POST }] })).status).toBe(403);
    expect((await owner.get('/api/v1/workspaces/nope/originality')).status).toBe(404);
  });
});
