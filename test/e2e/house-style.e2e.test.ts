/**
 * The house style in the browser, against the built app: words added in Settings › Dictionary, a
 * banned term set in Settings › Voice and an expired fact in Settings › Fact register all change
 * what the draft checker on the Publish page says; its reply mode runs the tone rules.
 * English only: the French dictionary takes seconds to load.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

describe('house style in the browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';

  const settings = async (tab: string): Promise<void> => {
    await page.goto(`/w/${workspaceId}/settings/workspace`);
    await page.getByRole('tab', { name: tab, exact: true }).click();
  };

  /** The Publish page with a fresh draft checker, in English. */
  const publish = async (): Promise<void> => {
    await page.goto(`/w/${workspaceId}/publish`);
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('English', { exact: true }).click();
  };

  const findings = () => page.getByRole('list', { name: 'Findings' });

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', baseURL: hearth.url })).newPage();
    page.setDefaultTimeout(10_000);
    workspaceId = await setUpOwnerInBrowser(page);
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('stops flagging the words added in Settings › Dictionary', async () => {
    const draftText = 'Meet Zorblaxio, our smallest lamp yet.';
    await publish();
    await page.getByLabel('Draft', { exact: true }).fill(draftText);
    await findings().getByText('Zorblaxio', { exact: true }).waitFor();

    await settings('Dictionary');
    await page.waitForURL('**/settings/dictionary');
    await page.getByLabel('Words to add', { exact: true }).fill('Zorblaxio, Quintelle\nBrumavel');
    await page.getByRole('button', { name: 'Add to the dictionary' }).click();
    const table = page.getByRole('table', { name: 'Dictionary' });
    await table.getByRole('cell', { name: 'Brumavel', exact: true }).waitFor();
    await page.getByText('3 words', { exact: true }).waitFor();

    await page.getByLabel('Filter', { exact: true }).fill('QUINT');
    await page.getByText('1 word', { exact: true }).waitFor();
    expect(await table.getByRole('cell', { name: 'Zorblaxio', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Remove “Quintelle”' }).click();
    await page.getByRole('dialog', { name: 'Remove a word' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No word matches “QUINT”.').waitFor();

    await publish();
    await page.getByLabel('Draft', { exact: true }).fill(draftText);
    await page.getByTestId('verdict').getByText('Ready to publish').waitFor();
    expect(await findings().count()).toBe(0);
    const style = await page.request.get(`/api/v1/workspaces/${workspaceId}/house-style`);
    expect(((await style.json()) as { dictionary: string[] }).dictionary).toEqual(['Brumavel', 'Zorblaxio']);
  });

  it('flags a banned term set in Settings › Voice and offers its substitution', async () => {
    await settings('Voice');
    await page.getByRole('button', { name: 'Add a term' }).click();
    await page.getByLabel('Banned term', { exact: true }).fill('cheap');
    await page.getByLabel('Replace with', { exact: true }).fill('affordable');
    await page.getByLabel('Why', { exact: true }).fill('We are not a discount brand');
    await page.getByText('A few (at most 2 per text)').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Voice saved').waitFor();
    const style = await page.request.get(`/api/v1/workspaces/${workspaceId}/house-style`);
    expect(((await style.json()) as { voice: unknown }).voice).toEqual({
      emoji: 'few',
      bannedTerms: [{ term: 'cheap', replacement: 'affordable', reason: 'We are not a discount brand' }],
    });

    await publish();
    const draft = page.getByLabel('Draft', { exact: true });
    await draft.fill('Our lamps are cheap and bright.');
    const finding = findings().getByRole('listitem').filter({ hasText: 'not a discount brand' });
    await finding.getByTestId('finding-category').getByText('Voice').waitFor();
    await finding.getByRole('button', { name: 'affordable', exact: true }).click();
    expect(await draft.inputValue()).toBe('Our lamps are affordable and bright.');
  });

  it('marks an expired fact in Settings › Fact register, and blocks a draft stating it', async () => {
    await settings('Fact register');
    await page.getByRole('button', { name: 'Add a fact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a fact' });
    await dialog.getByLabel('Statement', { exact: true }).fill('Spring sale discount');
    await dialog.getByLabel('Value', { exact: true }).fill('20%');
    await dialog.getByLabel('Source URL', { exact: true }).fill('https://example.com/spring-sale');
    await dialog.getByLabel('Valid until', { exact: true }).fill('2020-03-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Fact added').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Spring sale discount' });
    await row.getByText('Expired', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'https://example.com/spring-sale' }).waitFor();

    await publish();
    await page
      .getByLabel('Draft', { exact: true })
      .fill('Enjoy our spring sale discount: 20% off every lamp.');
    await findings()
      .getByText(/was valid until 2020-03-31/)
      .waitFor();
    await page.getByTestId('verdict').getByText('Blocked').waitFor();

    await settings('Fact register');
    await page.getByRole('button', { name: 'Edit “Spring sale discount”' }).click();
    await page
      .getByRole('dialog', { name: 'Edit a fact' })
      .getByLabel('Valid until', { exact: true })
      .fill('2099-12-31');
    await page.getByRole('dialog', { name: 'Edit a fact' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Fact saved').waitFor();
    await row.getByText('Expired', { exact: true }).waitFor({ state: 'detached' });
  });

  it('checks a reply against the message it answers: an aggressive reply is blocked', async () => {
    const complaint = 'My lamp stopped working after two days. Terrible quality, I want a refund.';
    await publish();
    await page.getByRole('switch', { name: 'This is a reply' }).check();
    await page.getByLabel('Message you are answering', { exact: true }).fill(complaint);
    const sent = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/v1/check') &&
        (request.postDataJSON() as { replyTo?: string }).replyTo === complaint,
    );
    await page
      .getByLabel('Your reply', { exact: true })
      .fill('This is your fault, read the manual next time you idiot');
    await sent;
    await page.getByTestId('verdict').getByText('Blocked').waitFor();
    const tone = findings()
      .getByRole('listitem')
      .filter({ has: page.getByTestId('finding-category').getByText('Tone') });
    await tone.getByText('idiot', { exact: true }).waitFor();
  });
});
