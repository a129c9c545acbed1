/**
 * Listening in the browser, against the built app: the owner saves a query (a syntax error is shown
 * where it is), adds a webhook source (its secret shown once), pushes mentions through the signed
 * ingest webhook as an outside tool would, and sees them in the query's stream with the matched terms
 * highlighted and why; filters the stream with a query of the language (an error pointed at, then a
 * good one); a mention pushed while the page is open appears without a reload; the chart renders.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

describe('listening in the browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';
  let webhook = { id: '', secret: '' };

  /** One signed call of the ingest webhook (docs/LISTENING.md). */
  const push = async (items: object[]): Promise<{ stored: number }> => {
    const body = JSON.stringify({ items });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', webhook.secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const response = await fetch(`${hearth.url}/api/v1/workspaces/${workspaceId}/ingest`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hearth-source': webhook.id,
        'x-hearth-timestamp': timestamp,
        'x-hearth-signature': signature,
      },
      body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { stored: number };
  };

  const tab = async (name: string): Promise<void> => {
    await page.getByRole('tab', { name, exact: true }).click();
  };

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', baseURL: hearth.url })).newPage();
    page.setDefaultTimeout(15_000);
    workspaceId = await setUpOwnerInBrowser(page);
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('saves a query, pointing at a syntax error first', async () => {
    await page.goto(`/w/${workspaceId}/listen`);
    await tab('Queries');
    await page.waitForURL('**/listen/queries');
    const form = page.getByRole('form', { name: 'New query' });
    await form.getByLabel('Name', { exact: true }).fill('Our lamps');
    await form.getByLabel('Query', { exact: true }).fill('lumiere AND "lamp');
    await form.getByRole('button', { name: 'Save the query' }).click();
    const error = form.getByTestId('query-error').first();
    await error.getByText('Unclosed quote at 12').waitFor();
    expect(await error.getByTestId('query-error-at').textContent()).toBe('"');

    await form.getByLabel('Query', { exact: true }).fill('lumiere AND lamp*');
    await form.getByRole('button', { name: 'Save the query' }).click();
    await page
      .getByRole('list', { name: 'Saved queries' })
      .getByRole('link', { name: 'Our lamps' })
      .waitFor();
  });

  it('adds a webhook source and shows its secret once, with where to push', async () => {
    await tab('Sources');
    await page.waitForURL('**/listen/sources');
    await page.getByRole('button', { name: 'Add a source' }).click();
    await page.getByRole('menuitem', { name: 'Webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a source: Webhook' });
    await dialog.getByLabel('Name', { exact: true }).fill('Reviews site');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    webhook.secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(webhook.secret.length).toBeGreaterThanOrEqual(40);
    expect(await page.getByTestId('webhook-url').textContent()).toBe(
      `${hearth.url}/api/v1/workspaces/${workspaceId}/ingest`,
    );
    const listed = page
      .getByRole('list', { name: 'Sources' })
      .getByRole('listitem', { name: 'Reviews site' });
    await listed.waitFor();
    const sources = (await (
      await page.request.get(`/api/v1/workspaces/${workspaceId}/listening/sources`)
    ).json()) as {
      sources: { id: string; name: string }[];
    };
    webhook = { ...webhook, id: sources.sources.find((s) => s.name === 'Reviews site')?.id ?? '' };
  });

  it('shows pushed mentions in the query’s stream, matched terms highlighted, with why', async () => {
    const result = await push([
      {
        id: 'r1',
        text: 'The Lumière desk lamp arrived broken <b>again</b>',
        author: 'alice.example',
        authorName: 'Alice',
        url: 'https://reviews.example/r1',
        followers: 120,
      },
      {
        id: 'r2',
        text: 'Lumière lamps light up our whole studio, lovely',
        author: 'bob.example',
        authorName: 'Bob',
        url: 'https://reviews.example/r2',
      },
      { id: 'r3', text: 'Nothing about lighting here at all', author: 'carol.example' },
    ]);
    expect(result.stored).toBe(3);

    await tab('Queries');
    await page.getByRole('list', { name: 'Saved queries' }).getByRole('link', { name: 'Our lamps' }).click();
    await page.waitForURL(/\/listen\?queryId=/);
    const stream = page.getByRole('list', { name: 'Mentions' });
    const alice = stream.getByRole('listitem', { name: 'Mention by Alice' });
    await alice.waitFor();
    expect(await stream.getByRole('listitem').count()).toBe(2);
    expect(await alice.getByTestId('matched-term').allTextContents()).toEqual(['Lumière', 'lamp']);
    expect(await alice.getByTestId('why-matched').textContent()).toBe('Why it matched: lumiere, lamp*');
    // Network content is text, never markup.
    expect(await alice.getByTestId('mention-text').textContent()).toContain('<b>again</b>');
    expect(await alice.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe(
      'https://reviews.example/r1',
    );
    await stream
      .getByRole('listitem', { name: 'Mention by Bob' })
      .getByTestId('matched-term')
      .first()
      .waitFor();

    // The chart and the top lists, for the same filters.
    // Drawn in SVG: the four legend keys, then a bar for each sentiment of the day's two mentions.
    const colored = page
      .getByTestId('mentions-chart')
      .locator(
        ['#e03131', '#868e96', '#2f9e44', '#ced4da'].map((color) => `svg path[fill="${color}"]`).join(', '),
      );
    await expect.poll(() => colored.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await page.getByText('2 mentions over time').waitFor();
    await page.getByRole('table', { name: 'Top authors' }).getByText('Alice').waitFor();
    await page.getByRole('list', { name: 'Top terms' }).getByText('lumiere', { exact: true }).waitFor();
  });

  it('filters with a query of the language, pointing at an error', async () => {
    await page.goto(`/w/${workspaceId}/listen`);
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Query', { exact: true }).fill('lumiere (broken');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const error = page.getByTestId('query-error');
    await error.getByText('Unclosed parenthesis at 8').waitFor();
    expect(await error.getByTestId('query-error-at').textContent()).toBe('(');

    await filters.getByLabel('Query', { exact: true }).fill('lumiere broken');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const stream = page.getByRole('list', { name: 'Mentions' });
    await stream.getByRole('listitem', { name: 'Mention by Alice' }).waitFor();
    await page.getByText('1 mention over time').waitFor();
    expect(await stream.getByRole('listitem').count()).toBe(1);
    expect(await stream.getByTestId('matched-term').allTextContents()).toEqual(['Lumière', 'broken']);
  });

  it('shows a new mention without a reload', async () => {
    await page.goto(`/w/${workspaceId}/listen`);
    const stream = page.getByRole('list', { name: 'Mentions' });
    await stream.getByRole('listitem', { name: 'Mention by Alice' }).waitFor();
    await push([
      { id: 'r4', text: 'Fresh off the press: a Lumière review', author: 'dana.example', authorName: 'Dana' },
    ]);
    await stream.getByRole('listitem', { name: 'Mention by Dana' }).waitFor({ timeout: 30_000 });
  });
});
