/** First-run setup through the web UI, as a newcomer does it: returns the first workspace's id. */
import type { Page } from 'playwright-core';

export async function setUpOwnerInBrowser(page: Page): Promise<string> {
  await page.goto('/setup');
  await page.getByLabel('Your name', { exact: true }).fill('Camille Durand');
  await page.getByLabel('E-mail', { exact: true }).fill('camille@brand.test');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Workspace name', { exact: true }).fill('Maison Lumière');
  await page.getByRole('button', { name: 'Create my account and workspace' }).click();
  await page.waitForURL('**/w/*/today');
  return /\/w\/([^/]+)\//.exec(new URL(page.url()).pathname)?.[1] ?? '';
}
