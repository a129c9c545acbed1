/**
 * The community CRM in the browser, end to end, against the built app: people are imported through
 * the API (the generic activity rows, on two networks, one of them cross-posting the same text on
 * both), then the owner ranks them by engagement, reads how Léa's engagement was computed, sets the
 * relationship (stage, next step, a due date already past) and a note, moves her on the pipeline
 * board, confirms the cross-network merge suggestion and undoes it, exports the list as CSV with
 * the filters on screen, and forgets a troll, whose account is then refused on re-import.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

const DAY = 86_400_000;
const CROSS_POST = 'Just unboxed the Maison Lumière lamp and the warm light is perfect for reading';
const HOSTILE = `I love the new lamp <img src=x onerror="document.title='owned'">`;

interface Summary {
  id: string;
  displayName: string | null;
  identities: { network: string; handle: string | null }[];
  stage: string;
  nextStep: string | null;
  nextStepDue: string | null;
  scores: { engagement: number };
}

const handles = (person: Summary): string[] => person.identities.map((identity) => identity.handle ?? '');

describe('the community CRM in the browser', () => {
  const pageErrors: string[] = [];
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}/community${path}`;

  /** A write through the owner's session, as the web app makes it (cookie + CSRF token). */
  const post = async (path: string, data?: object): Promise<unknown> => {
    const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const response = await page.request.post(api(path), {
      ...(data === undefined ? {} : { data }),
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return response.status() === 204 ? undefined : response.json();
  };

  const people = async (query = 'sort=engagement'): Promise<Summary[]> => {
    const response = await page.request.get(api(`/people?${query}`));
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { people: Summary[] }).people;
  };

  const personWith = async (handle: string): Promise<Summary> => {
    const found = (await people()).find((person) => handles(person).includes(handle));
    if (found === undefined) {
      throw new Error(`nobody with the handle ${handle}`);
    }
    return found;
  };

  /** Rows of the generic import: Léa on Bluesky every month, and on Mastodon; Marc likes once; a troll. */
  const rows = (): object[] => {
    const now = Date.now();
    const at = (daysAgo: number, minutes = 0): string =>
      new Date(now - daysAgo * DAY + minutes * 60_000).toISOString();
    const lea = (daysAgo: number, text: string): object => ({
      person: 'lea.bsky.social',
      network: 'bluesky',
      type: 'reply',
      at: at(daysAgo),
      text,
      target: 'maison.bsky.social',
      followers: 1200,
    });
    return [
      lea(1, HOSTILE),
      lea(32, 'The reading lamp is still my favourite purchase this year'),
      lea(63, 'Any news about the brass edition of the lamp?'),
      lea(94, 'Thank you for the quick answer about the shade'),
      lea(125, 'Ordered a second lamp for my office'),
      lea(156, 'Your showroom in Lyon was lovely'),
      {
        person: 'lea.bsky.social',
        network: 'bluesky',
        type: 'post',
        at: at(2),
        text: CROSS_POST,
        followers: 1200,
      },
      {
        person: 'lea@piaille.fr',
        network: 'mastodon',
        type: 'post',
        at: at(2, 3),
        text: CROSS_POST,
        followers: 300,
      },
      {
        person: 'lea@piaille.fr',
        network: 'mastodon',
        type: 'reply',
        at: at(3),
        text: 'Replying from my other account',
        target: 'maison@piaille.fr',
        followers: 300,
      },
      {
        person: 'marc.bsky.social',
        network: 'bluesky',
        type: 'like',
        at: at(4),
        target: 'maison.bsky.social',
      },
      {
        person: 'troll.bsky.social',
        network: 'bluesky',
        type: 'mention',
        at: at(61),
        text: 'This brand is a scam and everyone knows it',
        target: 'maison.bsky.social',
      },
    ];
  };

  beforeAll(async () => {
    [hearth, browser] = await Promise.all([startHearth(), launchChromium()]);
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Europe/Paris',
      baseURL: hearth.url,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    workspaceId = await setUpOwnerInBrowser(page);

    const report = (await post('/activities', { rows: rows() })) as { imported: number; refused: unknown[] };
    expect(report.refused).toEqual([]);
    expect(report.imported).toBe(11);
    await post('/scores/recompute');
    const { created } = (await post('/merge-suggestions/refresh')) as { created: number };
    expect(created).toBe(1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('lists people by engagement, network text shown as text', async () => {
    await page.goto(`/w/${workspaceId}/community`);
    await page.getByRole('heading', { name: 'Community', level: 1 }).waitFor();
    await page.getByTestId('sort-caption').getByText('Ranked by engagement', { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'People' });
    await table.getByTestId('person-row').first().waitFor();
    // The brand's own accounts, the targets of the replies, are people too; ours come in this order.
    const order = (await table.getByTestId('person-row').getByTestId('handles').allTextContents()).filter(
      (text) => !text.includes('maison'),
    );
    expect(order).toHaveLength(4);
    expect(order[0]).toContain('@lea.bsky.social');
    expect(order[1]).toContain('@lea@piaille.fr');
    expect(order[2]).toContain('@troll.bsky.social');
    expect(order[3]).toContain('@marc.bsky.social');
    const engagement = (await table.getByTestId('engagement').allTextContents()).map((text) =>
      Number(text.replaceAll(',', '')),
    );
    expect([...engagement].sort((a, b) => b - a)).toEqual(engagement);
    expect(engagement[0]).toBeGreaterThan(engagement[1] ?? Infinity);

    // Ranked as ambassadors instead: the URL keeps it, and the caption says what the ranking means.
    await page.getByRole('combobox', { name: 'Sort by', exact: true }).click();
    await page.getByRole('option', { name: 'Ambassadors' }).click();
    await page.waitForURL(/sort=ambassador/);
    await page.getByTestId('sort-caption').getByText('Potential ambassadors', { exact: false }).waitFor();
  });

  it('opens Léa and reads how her engagement was computed, her timeline as text', async () => {
    const lea = await personWith('lea.bsky.social');
    await page.goto(`/w/${workspaceId}/community`);
    await page
      .getByRole('table', { name: 'People' })
      .getByTestId('person-row')
      .filter({ hasText: '@lea.bsky.social' })
      .getByRole('link')
      .click();
    await page.waitForURL(`**/community/people/${lea.id}`);
    const card = page.getByRole('region', { name: 'Engagement' });
    await card.getByTestId('formula').waitFor();
    expect((await card.getByTestId('formula').textContent())?.trim()).not.toBe('');
    expect(Number((await card.getByTestId('score-value').textContent())?.replaceAll(',', ''))).toBeCloseTo(
      lea.scores.engagement,
      1,
    );
    await card.getByRole('table').waitFor();
    await page.getByRole('table', { name: 'Identities' }).getByText('@lea.bsky.social').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText(HOSTILE).waitFor();
    expect(await page.title()).not.toBe('owned');
  });

  it('sets the stage, next step and its date, and adds a note', async () => {
    const lea = await personWith('lea.bsky.social');
    const form = page.getByRole('form', { name: 'Relationship' });
    await form.getByRole('combobox', { name: 'Stage', exact: true }).click();
    await page.getByRole('option', { name: 'Contacted' }).click();
    await form.getByLabel('Next step', { exact: true }).fill('Send her the brass lamp to review');
    await form.getByLabel('Next step due').fill('2024-01-15T10:00');
    await form.getByRole('button', { name: 'Save the relationship' }).click();
    await page.getByText('Relationship saved').waitFor();

    const notes = page.getByRole('form', { name: 'Add the note' });
    await notes.getByLabel('New note').fill('Met her at the Lyon showroom');
    await notes.getByRole('button', { name: 'Add the note' }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText('Met her at the Lyon showroom').waitFor();
    expect(await notes.getByLabel('New note').inputValue()).toBe('');

    const detail = (await (await page.request.get(api(`/people/${lea.id}`))).json()) as Summary & {
      notes: { text: string; authorName: string | null }[];
    };
    expect(detail.stage).toBe('contacted');
    expect(detail.nextStep).toBe('Send her the brass lamp to review');
    expect(detail.nextStepDue).toBe('2024-01-15T09:00:00.000Z');
    expect(detail.notes.map((note) => note.text)).toEqual(['Met her at the Lyon showroom']);
  });

  it('shows her on the pipeline board, overdue, and moves her to the next stage', async () => {
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    await page.waitForURL('**/community/pipeline');
    const contacted = page.getByRole('region', { name: 'Contacted' });
    const card = contacted.getByTestId('pipeline-card');
    await card.getByText('Next: Send her the brass lamp to review').waitFor();
    await card.getByTestId('overdue').waitFor();
    await card.getByRole('combobox', { name: /^Stage of / }).selectOption('engaged');
    await page.getByRole('region', { name: 'Engaged' }).getByTestId('pipeline-card').waitFor();
    await contacted.getByText('Nobody at this stage.').waitFor();
    expect((await personWith('lea.bsky.social')).stage).toBe('engaged');
  });

  it('confirms the merge suggestion with its reason, then undoes the merge', async () => {
    await page.goto(`/w/${workspaceId}/community`);
    await page.getByRole('tab', { name: 'Merge suggestions' }).click();
    await page.waitForURL('**/community/merges');
    const suggestion = page.getByTestId('suggestion');
    await suggestion.getByTestId('reasons').getByText('Cross-posting').waitFor();
    await suggestion.getByRole('button', { name: 'Same person' }).click();
    await page
      .getByRole('dialog', { name: 'Merge these two people?' })
      .getByRole('button', { name: 'Merge them' })
      .click();
    await page.getByText('No merge suggestion to review.').waitFor();

    const merged = await people();
    expect(merged).toHaveLength(5);
    const kept = merged.find((person) => handles(person).includes('lea.bsky.social'));
    expect(kept && handles(kept).sort()).toEqual(['lea.bsky.social', 'lea@piaille.fr']);

    await page.goto(`/w/${workspaceId}/community/people/${kept?.id ?? ''}`);
    const past = page.getByRole('list', { name: 'Merges' }).getByTestId('past-merge');
    await past.getByText('Cross-posting', { exact: false }).waitFor();
    await past.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Merge undone: they are two people again').waitFor();
    await past.getByText('Merge undone on', { exact: false }).waitFor();
    expect(await people()).toHaveLength(6);
    await page
      .getByRole('table', { name: 'Identities' })
      .getByText('@lea@piaille.fr')
      .waitFor({ state: 'detached' });
  });

  it('exports the list as CSV with the filters on screen', async () => {
    await page.goto(`/w/${workspaceId}/community?network=mastodon&q=lea`);
    const table = page.getByRole('table', { name: 'People' });
    await table.getByTestId('person-row').filter({ hasText: '@lea@piaille.fr' }).waitFor();
    expect(await table.getByTestId('person-row').count()).toBe(1);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain('/people.csv?');
    expect(href).toContain('network=mastodon');
    expect(href).toContain('q=lea');
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(response.headers()['content-disposition']).toContain('attachment');
    const csv = await response.text();
    expect(csv).toContain('lea@piaille.fr');
    expect(csv).not.toContain('marc.bsky.social');
    expect(csv).not.toContain('maison@piaille.fr');
  });

  it('changes a scoring weight from the settings, which recomputes the scores', async () => {
    await page.goto(`/w/${workspaceId}/community`);
    await page.getByRole('button', { name: 'Scoring settings' }).click();
    const form = page
      .getByRole('dialog', { name: 'Scoring settings' })
      .getByRole('form', { name: 'Scoring settings' });
    await form.getByLabel('Like', { exact: true }).fill('2');
    await form.getByLabel('Leading from').fill('5');
    await form.getByRole('button', { name: 'Save and recompute' }).click();
    await form.getByText('Must be above the level before').waitFor();
    await form.getByLabel('Leading from').fill('25');
    await form.getByRole('button', { name: 'Save and recompute' }).click();
    await page.getByText('Scoring saved; scores recomputed').waitFor();
    const scoring = (await (await page.request.get(api('/scoring'))).json()) as {
      weights: { like: number };
      levels: { leading: number };
    };
    expect(scoring.weights.like).toBe(2);
    expect(scoring.levels.leading).toBe(25);
    expect((await personWith('marc.bsky.social')).scores.engagement).toBeCloseTo(2, 5);
  });

  it('forgets the troll: gone from the list, and refused on re-import', async () => {
    const troll = await personWith('troll.bsky.social');
    await page.goto(`/w/${workspaceId}/community/people/${troll.id}`);
    await page.getByRole('button', { name: 'Forget this person' }).click();
    const dialog = page.getByRole('dialog', { name: /^Forget .*troll\.bsky\.social\?$/ });
    await dialog.getByText('cannot be undone', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Forget this person' }).click();
    await page.waitForURL(`**/w/${workspaceId}/community`);
    await page.getByText(/troll\.bsky\.social was forgotten/).waitFor();
    const table = page.getByRole('table', { name: 'People' });
    await table.getByTestId('person-row').first().waitFor();
    expect(await table.getByTestId('person-row').filter({ hasText: 'troll' }).count()).toBe(0);

    expect((await page.request.get(api(`/people/${troll.id}`))).status()).toBe(404);
    const again = (await post('/activities', { rows: rows().slice(-1) })) as {
      imported: number;
      forgotten: number;
    };
    expect(again).toMatchObject({ imported: 0, forgotten: 1 });
    expect((await people()).some((person) => handles(person).includes('troll.bsky.social'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
