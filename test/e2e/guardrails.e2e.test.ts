/**
 * The guardrails in the browser, against the built app: a draft on the Publish page is checked as
 * it is typed, its misspelling is listed and marked, and one click on the suggestion fixes it.
 * English only: the French dictionary takes seconds to load.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

describe('guardrails in the browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';

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

  it('checks a draft as it is typed and applies a suggestion in one click', async () => {
    await page.goto(`/w/${workspaceId}/publish`);
    await page.getByText('Nothing here yet in Maison Lumière').waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('English', { exact: true }).click();
    const draft = page.getByLabel('Draft', { exact: true });
    await draft.fill('We have recieved your message and will answer today.');

    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.getByText('recieved', { exact: true }).waitFor();
    await page.getByTestId('draft-preview').locator('mark', { hasText: 'recieved' }).waitFor();
    expect(await page.getByTestId('verdict').textContent()).not.toBe('Ready to publish');

    await findings.getByRole('button', { name: 'received', exact: true }).click();
    expect(await draft.inputValue()).toBe('We have received your message and will answer today.');
    await page.getByTestId('verdict').getByText('Ready to publish').waitFor();
    expect(await page.getByTestId('draft-preview').locator('mark').count()).toBe(0);
  });

  it('adds a word to the workspace dictionary from a finding', async () => {
    const draft = page.getByLabel('Draft', { exact: true });
    await draft.fill('Meet Lumibox, our smallest lamp yet.');
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.getByRole('button', { name: 'Add “Lumibox” to the dictionary' }).click();
    await page.getByTestId('verdict').getByText('Ready to publish').waitFor();
    const style = await page.request.get(`/api/v1/workspaces/${workspaceId}/house-style`);
    expect(((await style.json()) as { dictionary: string[] }).dictionary).toContain('Lumibox');
  });
});
