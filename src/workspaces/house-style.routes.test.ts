import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { addMember, setUpOwner, startTestApp, type Browser, type TestApp } from '../../test/http-harness.js';

interface CheckBody {
  verdict: string;
  findings: { rule: string; text: string; suggestions: string[] }[];
}

describeEachDatabase('house style: voice profile, dictionary and fact register', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId: string;
  const hs = (path = ''): string => `/api/v1/workspaces/${workspaceId}/house-style${path}`;

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
  });
  afterAll(() => t.close());

  it('starts empty, then keeps a voice profile, words and facts', async () => {
    expect((await owner.get(hs())).body).toEqual({ voice: {}, dictionary: [], facts: [] });
    const voice = {
      formality: 'formal',
      emoji: 'none',
      bannedTerms: [{ term: 'cheap', replacement: 'affordable' }],
    };
    expect((await owner.put(hs('/voice'), voice)).status).toBe(200);
    expect((await owner.post(hs('/dictionary'), { words: ['Lumibox', 'Lumibox', 'Aube'] })).body).toEqual({
      dictionary: ['Aube', 'Lumibox'],
    });
    const fact = await owner.post(hs('/facts'), {
      statement: 'The Aube lamp costs',
      value: '89 €',
      sourceUrl: 'https://example.com/prices',
    });
    expect(fact.status).toBe(201);
    const style = (await owner.get(hs())).body as {
      voice: unknown;
      dictionary: string[];
      facts: { id: string; value: string }[];
    };
    expect(style.voice).toEqual(voice);
    expect(style.facts).toMatchObject([{ statement: 'The Aube lamp costs', value: '89 €' }]);

    const factId = style.facts[0]!.id;
    expect(
      (await owner.put(hs(`/facts/${factId}`), { statement: 'The Aube lamp costs', value: '79 €' })).body,
    ).toMatchObject({ value: '79 €' });
    expect((await owner.delete(hs('/dictionary/Aube'))).status).toBe(204);
    expect((await owner.delete(hs('/dictionary/Aube'))).status).toBe(404);
  });

  it('feeds the workspace check: its words, its voice and its facts', async () => {
    await owner.patch(`/api/v1/workspaces/${workspaceId}`, {
      namedThings: { competitors: ['Zorvalta Design'] },
    });
    const result = (
      await owner.post('/api/v1/check', {
        workspaceId,
        language: 'en',
        text: 'Meet Lumibox: a cheap lamp that costs only 99 €, unlike Zorvalta.',
      })
    ).body as CheckBody;
    const rules = result.findings.map((f) => `${f.rule}:${f.text}`);
    expect(rules).not.toContain('spelling.unknown-word:Lumibox');
    expect(rules).not.toContain('spelling.unknown-word:Zorvalta');
    const withoutWorkspace = (await owner.post('/api/v1/check', { language: 'en', text: 'Unlike Zorvalta.' }))
      .body as CheckBody;
    expect(withoutWorkspace.findings.map((f) => f.text)).toContain('Zorvalta');
    expect(result.findings.find((f) => f.rule === 'voice.banned-term')).toMatchObject({
      text: 'cheap',
      suggestions: ['affordable'],
    });
  });

  it('lets a writer add words but not change the voice or the facts; a viewer can only read', async () => {
    const { browser: editor } = await addMember(t.app, owner, workspaceId, {
      email: 'editor@brand.test',
      role: 'editor',
    });
    expect((await editor.post(hs('/dictionary'), { words: ['Clairlune'] })).status).toBe(200);
    expect((await editor.put(hs('/voice'), { emoji: 'free' })).status).toBe(403);
    expect((await editor.post(hs('/facts'), { statement: 'x' })).status).toBe(403);
    const { browser: viewer } = await addMember(t.app, owner, workspaceId, {
      email: 'viewer@brand.test',
      role: 'viewer',
    });
    expect((await viewer.get(hs())).status).toBe(200);
    expect((await viewer.post(hs('/dictionary'), { words: ['Nope'] })).status).toBe(403);
  });

  it('refuses invalid profiles and facts with the field named, and other workspaces', async () => {
    const bad = await owner.put(hs('/voice'), { emoji: 'lots' });
    expect(bad.status).toBe(400);
    expect((await owner.post(hs('/facts'), { statement: 'x', sourceUrl: 'not a url' })).status).toBe(400);
    expect((await owner.get('/api/v1/workspaces/someone-else/house-style')).status).toBe(404);
    expect(
      (await owner.post('/api/v1/check', { workspaceId: 'someone-else', text: 'Hello there' })).status,
    ).toBe(404);
  });
});
