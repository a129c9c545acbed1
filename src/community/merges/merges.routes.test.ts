import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import {
  addMember,
  setUpOwner,
  startTestApp,
  type Browser,
  type TestApp,
} from '../../../test/http-harness.js';
import { addActivity, addPerson } from './merges.fixtures.js';

interface Summary {
  id: string;
  displayName: string | null;
  identities: {
    id: string;
    network: string;
    handle: string | null;
    accountKey: string;
    followers: number | null;
    verified: boolean;
  }[];
  activityCount: number;
  scores: { engagementLevel: string };
}
interface Suggestion {
  id: string;
  a: Summary;
  b: Summary;
  reasons: { code: string; detail: string }[];
  strength: number;
  status: string;
}

describeEachDatabase('merges over HTTP', (use) => {
  let t: TestApp;
  let owner: Browser;
  let viewer: Browser;
  let workspaceId: string;
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}/community${path}`;
  const db = () => use().kysely;

  beforeAll(async () => {
    t = await startTestApp(use());
    ({ owner, workspaceId } = await setUpOwner(t.app));
    ({ browser: viewer } = await addMember(t.app, owner, workspaceId, {
      email: 'viewer@brand.test',
      role: 'viewer',
    }));
  });
  afterAll(() => t.close());

  it('lists suggestions with both people, confirms one, undoes it, and rejects another for good', async () => {
    const ws = workspaceId;
    const nina = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'nina.bsky.social',
      name: 'Nina Roux',
      links: ['https://nina.example'],
    });
    const ninaM = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'nina@mamot.fr',
      name: 'Nina',
      links: ['https://www.nina.example/'],
    });
    await addActivity(db(), ws, ninaM, 'mastodon', { at: '2026-02-02T00:00:00.000Z', text: 'bonjour' });
    await addActivity(db(), ws, ninaM, 'mastodon', { at: '2026-02-03T00:00:00.000Z', type: 'like' });
    const tom = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'tom.bsky.social',
      links: ['https://tom.example'],
    });
    const tomM = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'tom@mamot.fr',
      links: ['https://tom.example'],
    });

    expect((await viewer.post(api('/merge-suggestions/refresh'))).status).toBe(403);
    expect((await owner.post(api('/merge-suggestions/refresh'))).body).toEqual({ created: 2 });
    const listed = await viewer.get(api('/merge-suggestions'));
    expect(listed.status).toBe(200);
    const suggestions = (listed.body as { suggestions: Suggestion[] }).suggestions;
    expect(suggestions).toHaveLength(2);
    const ninaPair = suggestions.find((s) => [s.a.id, s.b.id].includes(nina.personId))!;
    const tomPair = suggestions.find((s) => [s.a.id, s.b.id].includes(tom.personId))!;
    expect(ninaPair.status).toBe('pending');
    expect(ninaPair.reasons).toEqual([
      { code: 'same-link', detail: 'Both profiles link to nina.example (Bluesky and Mastodon)' },
    ]);
    const ninaSummary = [ninaPair.a, ninaPair.b].find((p) => p.id === nina.personId)!;
    expect(ninaSummary).toMatchObject({
      displayName: 'Nina Roux',
      identities: [
        {
          id: nina.identityId,
          network: 'bluesky',
          handle: 'nina.bsky.social',
          accountKey: 'nina.bsky.social',
          followers: 100,
          verified: false,
        },
      ],
      activityCount: 0,
      scores: { engagementLevel: 'exploring' },
    });

    // A viewer reads but cannot decide.
    expect((await viewer.post(api(`/merge-suggestions/${ninaPair.id}/confirm`))).status).toBe(403);
    expect((await viewer.post(api(`/merge-suggestions/${tomPair.id}/reject`))).status).toBe(403);
    expect(
      (await viewer.post(api(`/people/${nina.personId}/merge`), { otherPersonId: ninaM.personId })).status,
    ).toBe(403);

    const confirmed = await owner.post(api(`/merge-suggestions/${ninaPair.id}/confirm`));
    expect(confirmed.status).toBe(200);
    // Kept: the Mastodon Nina, who has the history.
    const merge = (confirmed.body as { merge: { id: string; keptPersonId: string; mergedPersonId: string } })
      .merge;
    expect(merge).toMatchObject({ keptPersonId: ninaM.personId, mergedPersonId: nina.personId });
    expect((await owner.post(api(`/merge-suggestions/${ninaPair.id}/confirm`))).status).toBe(409);
    expect((await owner.post(api(`/merge-suggestions/${ninaPair.id}/reject`))).status).toBe(409);
    const afterConfirm = (await owner.get(api('/merge-suggestions?status=confirmed'))).body as {
      suggestions: Suggestion[];
    };
    expect(afterConfirm.suggestions.map((s) => s.id)).toEqual([ninaPair.id]);
    const identities = await db()
      .selectFrom('person_identities')
      .select('person_id')
      .where('id', '=', nina.identityId)
      .executeTakeFirstOrThrow();
    expect(identities.person_id).toBe(ninaM.personId);

    expect((await viewer.post(api(`/merges/${merge.id}/undo`))).status).toBe(403);
    expect((await owner.post(api(`/merges/${merge.id}/undo`))).status).toBe(204);
    const undoneTwice = await owner.post(api(`/merges/${merge.id}/undo`));
    expect(undoneTwice.status).toBe(409);
    expect((undoneTwice.body as { error: { message: string } }).error.message).toMatch(/already undone/);
    const back = await db()
      .selectFrom('person_identities')
      .select('person_id')
      .where('id', '=', nina.identityId)
      .executeTakeFirstOrThrow();
    expect(back.person_id).toBe(nina.personId);

    expect((await owner.post(api(`/merge-suggestions/${tomPair.id}/reject`))).status).toBe(204);
    expect((await owner.post(api('/merge-suggestions/refresh'))).body).toEqual({ created: 0 });
    expect(
      ((await owner.get(api('/merge-suggestions'))).body as { suggestions: Suggestion[] }).suggestions,
    ).toEqual([]);
    const rejected = (await owner.get(api('/merge-suggestions?status=rejected'))).body as {
      suggestions: Suggestion[];
    };
    expect(rejected.suggestions.map((s) => [s.a.id, s.b.id].sort())).toEqual([
      [tom.personId, tomM.personId].sort(),
    ]);
  });

  it('merges by hand, with clear 4xx answers for bad requests', async () => {
    const one = await addPerson(db(), workspaceId, { network: 'bluesky', handle: 'one.bsky.social' });
    const two = await addPerson(db(), workspaceId, { network: 'bluesky', handle: 'two.bsky.social' });

    const self = await owner.post(api(`/people/${one.personId}/merge`), { otherPersonId: one.personId });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({
      error: {
        code: 'validation_failed',
        message: 'otherPersonId: A person cannot be merged with themselves',
      },
    });
    expect((await owner.post(api(`/people/${one.personId}/merge`), {})).status).toBe(400);
    const unknown = await owner.post(api(`/people/${one.personId}/merge`), { otherPersonId: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { message: 'Person nobody not found in this workspace' } });

    const merged = await owner.post(api(`/people/${one.personId}/merge`), { otherPersonId: two.personId });
    expect(merged.status).toBe(200);
    expect((merged.body as { merge: object }).merge).toMatchObject({
      keptPersonId: one.personId,
      mergedPersonId: two.personId,
    });
    const again = await owner.post(api(`/people/${one.personId}/merge`), { otherPersonId: two.personId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: { code: 'conflict', message: `Person ${two.personId} is already merged into ${one.personId}` },
    });

    expect((await owner.post(api('/merges/nope/undo'))).status).toBe(404);
    expect((await owner.post(api('/merge-suggestions/nope/confirm'))).status).toBe(404);
    expect((await owner.get(api('/merge-suggestions?status=maybe'))).status).toBe(400);
    const audit = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'person.merged')
      .execute();
    // No personal data in the audit log: ids and counts only.
    expect(audit.every((row) => !row.details.includes('bsky.social'))).toBe(true);
  });
});
