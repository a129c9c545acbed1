/**
 * Today in the browser, end to end, against the built app: after sign-in the first page lists an
 * overdue conversation (stored by "another process": written straight into the database, as a
 * worker would) and a post awaiting approval, both arriving without a reload; each says why it is
 * there and links to where it is done; when they are done elsewhere (through the API), they leave
 * the page without a reload, until nothing urgent is left.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

const SUBJECT = 'My lamp arrived broken, can you help?';
const POST = 'Teaser: the walnut lamp is coming back';
const CONVERSATION_ID = '01today0e2e0conversation01';

describe('Today in the browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';
  let postId = '';
  const pageErrors: string[] = [];
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}${path}`;

  /** A write through the owner's session, as the web app makes it (cookie + CSRF token). */
  const write = async (method: 'post' | 'patch', path: string, data: object): Promise<unknown> => {
    const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const response = await page.request[method](api(path), { data, headers: { 'x-csrf-token': csrfToken } });
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('opens on Today after sign-in, with nothing urgent yet, and live', async () => {
    expect(new URL(page.url()).pathname).toBe(`/w/${workspaceId}/today`);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByTestId('today-empty').getByText('Nothing urgent').waitFor();
    await page.getByTestId('today-live').getByText('Live', { exact: true }).waitFor();
  });

  it('shows an overdue conversation and a post awaiting approval as they arrive, each saying why', async () => {
    // A week-old message nobody answered: past any business-hours service level.
    const waiting = new Date(Date.now() - 7 * 24 * 3_600_000).toISOString();
    const db = new BetterSqlite3(join(hearth.dataDir, 'hearth.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(
        `insert into conversations (id, workspace_id, account_id, network, thread_key, status, snoozed_until, assignee_id, team_id,
           priority, priority_reasons, tags, spam, subject, author_handle, author_name, author_followers, last_sentiment,
           last_intents, first_inbound_at, last_inbound_at, last_outbound_at, first_response_at, awaiting_since, message_count,
           created_at, updated_at)
         values (?, ?, null, 'bluesky', 'at://thread/e2e', 'open', null, null, null, 63, ?, '[]', 0, ?, 'lea.test', 'Léa Martin',
           12400, 'negative', '["complaint"]', ?, ?, null, null, ?, 1, ?, ?)`,
      ).run(
        CONVERSATION_ID,
        workspaceId,
        JSON.stringify([
          { code: 'negative', points: 25 },
          { code: 'complaint', points: 20 },
          { code: 'reach', points: 18, detail: { followers: 12_400 } },
        ]),
        SUBJECT,
        waiting,
        waiting,
        waiting,
        waiting,
        waiting,
      );
    } finally {
      db.close();
    }
    const draft = (await write('post', '/posts', { text: POST, accountIds: [] })) as { id: string };
    postId = draft.id;
    await write('post', `/posts/${postId}/submit`, {});

    const list = page.getByRole('list', { name: 'What to do now' });
    const conversation = list.getByRole('listitem', { name: `Léa Martin: ${SUBJECT}` });
    const approval = list.getByRole('listitem', { name: POST });
    await conversation.waitFor({ timeout: 20_000 });
    await approval.waitFor({ timeout: 20_000 });
    expect(await conversation.getByTestId('today-kind').textContent()).toBe('Reply');
    expect(await conversation.getByTestId('today-why').textContent()).toMatch(
      /^First response overdue by .+; priority \d+: negative, complaint, waiting 7 d, 12\.4K followers$/,
    );
    expect(await approval.getByTestId('today-kind').textContent()).toBe('Approval');
    expect(await approval.getByTestId('today-why').textContent()).toMatch(
      /^Waiting for approval for \d+ min$/,
    );
    // The overdue conversation comes first.
    expect(await list.getByTestId('today-title').first().textContent()).toBe(`Léa Martin: ${SUBJECT}`);
    await page.getByTestId('today-count-conversation').getByText('Reply · 1').waitFor();
    expect(await approval.getByRole('link', { name: 'Review the post' }).getAttribute('href')).toBe(
      `/w/${workspaceId}/publish/${postId}`,
    );
  });

  it('drops an item done elsewhere without a reload, and links to where the rest is done', async () => {
    const list = page.getByRole('list', { name: 'What to do now' });
    await page.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await write('post', `/posts/${postId}/approve`, {});
    await list.getByRole('listitem', { name: POST }).waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    await list
      .getByRole('listitem', { name: `Léa Martin: ${SUBJECT}` })
      .getByRole('link', { name: 'Open the conversation' })
      .click();
    await page.waitForURL(`**/w/${workspaceId}/inbox?c=${CONVERSATION_ID}`);
    await page.getByRole('region', { name: 'Conversation' }).waitFor();

    await page.goBack();
    await list.getByRole('listitem', { name: `Léa Martin: ${SUBJECT}` }).waitFor();
    await page.getByTestId('today-live').getByText('Live', { exact: true }).waitFor();
    await write('patch', `/inbox/conversations/${CONVERSATION_ID}`, { status: 'closed' });
    await page.getByTestId('today-empty').getByText('Nothing urgent').waitFor({ timeout: 20_000 });
    expect(pageErrors).toEqual([]);
  });
});
