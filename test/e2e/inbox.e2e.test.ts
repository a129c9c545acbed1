/**
 * The inbox in the browser, end to end, against a REAL local Bluesky network (PLC + PDS) and the
 * built app: the owner connects the brand's account and a webhook source, sets the service levels
 * and a saved reply; a customer's post mentioning the brand is pushed through the signed ingest
 * webhook (as a network reader would) while the inbox is open, and appears without a reload; the
 * owner reads why it matters, assigns it, has an aggressive reply refused with the finding shown
 * (the text kept), then answers with the saved reply and closes it: the reply is on the PDS, once.
 * English only: the French dictionary takes seconds to load.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePostRef } from '../../src/connectors/bluesky/post-ref.js';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../bluesky-network.js';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

const MENTION = 'my lamp arrived broken and nobody answers, can you help me?';
const AGGRESSIVE = 'Read the FAQ, stupid. We already told you idiots a hundred times!';
const SAVED = 'Hello {{firstName}}, we are sorry about your lamp: a new one leaves today. {{agentName}}';
const FILLED = 'Hello Léa, we are sorry about your lamp: a new one leaves today. Camille Durand';

describe('the inbox in the browser', () => {
  let network: BlueskyTestNetwork;
  let brand: TestAccount;
  let customer: TestAccount;
  let spammer: TestAccount;
  const pageErrors: string[] = [];
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';
  let webhook = { id: '', secret: '' };
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}${path}`;

  /** A write through the owner's session, as the web app makes it (cookie + CSRF token). */
  const post = async (path: string, data: object): Promise<unknown> => {
    const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const response = await page.request.post(api(path), { data, headers: { 'x-csrf-token': csrfToken } });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };

  /** One signed call of the ingest webhook (docs/LISTENING.md), as a network reader pushes a post. */
  const push = async (items: object[]): Promise<void> => {
    const body = JSON.stringify({ items });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', webhook.secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const response = await fetch(`${hearth.url}${api('/ingest')}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hearth-source': webhook.id,
        'x-hearth-timestamp': timestamp,
        'x-hearth-signature': signature,
      },
      body,
    });
    expect(response.status, await response.clone().text()).toBe(200);
  };

  const brandPosts = async (): Promise<string[]> =>
    (
      await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post' })
    ).data.records.map((record) => (record.value as { text: string }).text);

  const conversationsApi = async (query: string): Promise<{ id: string; status: string }[]> =>
    (
      (await (await page.request.get(api(`/inbox/conversations?${query}`))).json()) as {
        items: { id: string; status: string }[];
      }
    ).items;

  beforeAll(async () => {
    [network, hearth, browser] = await Promise.all([
      startBlueskyNetwork(),
      // The PDS listens on loopback, which Hearth refuses to reach unless told to.
      startHearth({ env: { HEARTH_ALLOW_PRIVATE_NETWORKS: 'true' } }),
      launchChromium(),
    ]);
    [brand, customer, spammer] = await Promise.all([
      network.createAccount('maison'),
      network.createAccount('lea'),
      network.createAccount('cheapfans'),
    ]);
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Europe/Paris',
      baseURL: hearth.url,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    workspaceId = await setUpOwnerInBrowser(page);
    await post('/accounts', {
      network: 'bluesky',
      credentials: { handle: brand.handle, appPassword: brand.appPassword, service: network.service },
    });
    const added = (await post('/listening/sources', { kind: 'webhook', name: 'Bluesky reader' })) as {
      source: { id: string };
      secret: string;
    };
    webhook = { id: added.source.id, secret: added.secret };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
    await network?.close();
  });

  it('sets the service levels and a saved reply', async () => {
    await page.goto(`/w/${workspaceId}/inbox`);
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText('Nothing here.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Inbox settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inbox settings' });
    const levels = dialog.getByRole('form', { name: 'Service levels' });
    await levels.getByLabel('First response (minutes)').fill('30');
    await levels.getByRole('button', { name: 'Save the service levels' }).click();
    await page.getByText('Service levels saved').waitFor();

    const add = dialog.getByRole('form', { name: 'Add the saved reply' });
    await add.getByLabel('Name', { exact: true }).fill('Sorry about the lamp');
    await add.getByLabel('Text', { exact: true }).fill(SAVED);
    await add.getByRole('button', { name: 'Add the saved reply' }).click();
    await dialog
      .getByRole('list', { name: 'Saved replies' })
      .getByRole('listitem', { name: 'Sorry about the lamp' })
      .waitFor();

    // Routing: a department, and a rule said back in words (one that no later conversation meets).
    await dialog.getByLabel('Department name').fill('Support');
    await dialog.getByLabel('E-mail', { exact: true }).fill('support@brand.test');
    await dialog.getByRole('button', { name: 'Add department' }).click();
    await dialog.getByRole('list', { name: 'Departments' }).getByText('support@brand.test').waitFor();
    await dialog.getByLabel('Rule name').fill('Celebrities');
    await dialog.getByLabel('At least this many followers').fill('10000000');
    await dialog.getByLabel('Add tags').fill('celebrity');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.getByRole('list', { name: 'Rules' }).getByText('— When ≥ 10000000 followers → #celebrity').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const settings = (await (await page.request.get(api('/inbox/settings'))).json()) as {
      firstResponseMinutes: number;
    };
    expect(settings.firstResponseMinutes).toBe(30);
  });

  it('shows a mention that arrives while the inbox is open, without a reload, and why it matters', async () => {
    // Connected to the server's event stream: what arrives is shown at once, not at the next poll.
    await page.getByTestId('inbox-live').getByText('Live', { exact: true }).waitFor();
    const created = await customer.agent.post({ text: `@${brand.handle} ${MENTION}` });
    await push([
      {
        id: created.uri,
        network: 'bluesky',
        author: customer.handle,
        authorName: 'Léa Martin',
        text: `@${brand.handle} ${MENTION}`,
        createdAt: new Date().toISOString(),
        followers: 12_400,
        threadRoot: created.uri,
        ref: encodePostRef({
          uri: created.uri,
          cid: created.cid,
          root: { uri: created.uri, cid: created.cid },
        }),
        addressedTo: [brand.did],
      },
    ]);
    const row = page
      .getByRole('list', { name: 'Conversations' })
      .getByRole('listitem', { name: 'Conversation with Léa Martin' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('subject').textContent()).toContain(MENTION);
    expect(await row.getByTestId('assignee').textContent()).toBe('Unassigned');
    await row.getByTestId('sla').waitFor();

    await row.getByTestId('open-conversation').click();
    await page.waitForURL(/[?&]c=/);
    const pane = page.getByRole('region', { name: 'Conversation' });
    await pane.getByTestId('priority-reasons').getByText('12,400 followers').waitFor();
    await pane.getByTestId('message').getByText(MENTION, { exact: false }).waitFor();
  });

  it('assigns the conversation, tags it and leaves an internal note', async () => {
    const pane = page.getByRole('region', { name: 'Conversation' });
    await pane.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Camille Durand' }).click();
    await pane.getByTestId('conversation-assignee').getByText('Camille Durand').waitFor();
    await page
      .getByRole('listitem', { name: 'Conversation with Léa Martin' })
      .getByTestId('assignee')
      .getByText('Camille Durand')
      .waitFor();

    await pane.getByRole('combobox', { name: 'Tags' }).fill('broken-lamp');
    await pane.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page
      .getByRole('listitem', { name: 'Conversation with Léa Martin' })
      .getByText('broken-lamp')
      .waitFor();

    const form = page.getByRole('form', { name: 'Your reply' });
    await form.getByRole('textbox', { name: 'Your reply' }).fill('Check the carrier first');
    await form.getByRole('button', { name: 'Add note' }).click();
    const note = pane.locator('[data-kind="note"]');
    await note.getByText('Check the carrier first').waitFor();
    await note.getByText('Internal note', { exact: true }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('');
  });

  it('refuses an aggressive reply with the finding shown, keeping the text, and sends nothing', async () => {
    const before = await brandPosts();
    const form = page.getByRole('form', { name: 'Your reply' });
    await form.getByRole('textbox', { name: 'Your reply' }).fill(AGGRESSIVE);
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    const blocked = form.getByTestId('reply-blocked');
    await blocked.getByText('The guardrails refused this reply').waitFor();
    await blocked
      .getByRole('list', { name: 'Findings' })
      .getByTestId('finding-category')
      .getByText('Tone')
      .first()
      .waitFor();
    // The flagged words, from a check of the same text against the message it answers.
    await blocked.locator('code', { hasText: 'idiots' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe(AGGRESSIVE);
    expect(await brandPosts()).toEqual(before);
  });

  it('answers with the saved reply and closes the conversation: the reply is on the network, once', async () => {
    const form = page.getByRole('form', { name: 'Your reply' });
    await form.getByRole('combobox', { name: 'Saved reply' }).click();
    await page.getByRole('option', { name: 'Sorry about the lamp' }).click();
    expect(await form.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe(SAVED);
    // A double click sends once: one draft, one idempotency key.
    await form.getByRole('button', { name: 'Send and close' }).dblclick();
    await page.getByText('Reply sent').first().waitFor();

    const pane = page.getByRole('region', { name: 'Conversation' });
    const reply = pane.locator('[data-kind="reply"]');
    await reply.getByText(FILLED).waitFor();
    await reply.getByTestId('reply-status').getByText('Sent', { exact: true }).waitFor();
    await pane.getByTestId('conversation-status').getByText('Closed').waitFor();
    expect(await form.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('');
    expect((await brandPosts()).filter((text) => text === FILLED)).toHaveLength(1);

    // Gone from the open view, listed under Closed.
    await page.getByRole('listitem', { name: 'Conversation with Léa Martin' }).waitFor({ state: 'detached' });
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Closed', { exact: true }).click();
    await page.getByRole('listitem', { name: 'Conversation with Léa Martin' }).waitFor();
    expect((await conversationsApi('status=closed')).length).toBe(1);
  });
  it('blocks the author on the network from the conversation, leaving a note', async () => {
    await page.getByRole('listitem', { name: 'Conversation with Léa Martin' }).click();
    const pane = page.getByRole('region', { name: 'Conversation' });
    await pane.getByRole('button', { name: 'Block author' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Block author' }).click();
    await pane.getByText(/^Blocked @.* on Bluesky\.$/).waitFor();
    const blocks = await brand.agent.com.atproto.repo.listRecords({
      repo: brand.did,
      collection: 'app.bsky.graph.block',
    });
    expect(blocks.data.records.map((record) => (record.value as { subject: string }).subject)).toEqual([
      customer.did,
    ]);
  });
  it('shows network text as text, and marks the selected conversations as spam at once', async () => {
    const text = `@${brand.handle} <b>Cheap followers</b> <img src=x onerror="document.title='owned'">`;
    const created = await spammer.agent.post({ text });
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Open', { exact: true }).click();
    await push([
      {
        id: created.uri,
        network: 'bluesky',
        author: spammer.handle,
        text,
        createdAt: new Date().toISOString(),
        threadRoot: created.uri,
        ref: encodePostRef({
          uri: created.uri,
          cid: created.cid,
          root: { uri: created.uri, cid: created.cid },
        }),
        addressedTo: [brand.did],
      },
    ]);
    const row = page.getByRole('listitem', { name: `Conversation with @${spammer.handle}` });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('subject').textContent()).toBe(text);
    expect(await page.title()).not.toBe('owned');

    await row.getByRole('checkbox', { name: `Select the conversation with @${spammer.handle}` }).check();
    const bulk = page.getByRole('group', { name: 'With the selected conversations' });
    await bulk.getByText('1 selected').waitFor();
    await bulk.getByRole('button', { name: 'Mark as spam' }).click();
    await page.getByText('1 conversation changed').waitFor();
    await row.waitFor({ state: 'detached' });
    await page
      .getByRole('radiogroup', { name: 'View' })
      .getByText('Spam & offensive', { exact: true })
      .click();
    await page.getByRole('listitem', { name: `Conversation with @${spammer.handle}` }).waitFor();
    expect((await conversationsApi('spam=true')).length).toBe(1);
    expect(pageErrors).toEqual([]);
  });
  it('lets a viewer read the inbox, and nothing more', async () => {
    const { url } = (await post('/invitations', { email: 'vera@brand.test', role: 'viewer' })) as {
      url: string;
    };
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Europe/Paris',
      baseURL: hearth.url,
    });
    const viewer = await context.newPage();
    viewer.setDefaultTimeout(15_000);
    await viewer.goto(new URL(url).pathname);
    await viewer.getByLabel('Your name', { exact: true }).fill('Vera Lecture');
    await viewer.getByLabel('Password', { exact: true }).fill('another good password');
    await viewer.getByRole('button', { name: 'Create my account and join' }).click();
    await viewer.waitForURL(`**/w/${workspaceId}/**`);

    await viewer.goto(`/w/${workspaceId}/inbox?view=closed`);
    await viewer.getByText('You can read the inbox', { exact: false }).waitFor();
    const row = viewer.getByRole('listitem', { name: 'Conversation with Léa Martin' });
    await row.getByTestId('open-conversation').click();
    const pane = viewer.getByRole('region', { name: 'Conversation' });
    await pane.locator('[data-kind="reply"]').getByText(FILLED).waitFor();
    expect(await row.getByRole('checkbox').count()).toBe(0);
    expect(await pane.getByRole('form', { name: 'Your reply' }).count()).toBe(0);
    expect(await pane.getByRole('group', { name: 'Conversation actions' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Inbox settings' }).count()).toBe(0);
    await context.close();
  });
});
