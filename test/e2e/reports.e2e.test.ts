/**
 * Reports in the browser, end to end, against the built app: the owner generates the support report
 * from the UI — it opens as HTML in a new tab and downloads as a PDF whose pages (rendered to PNG
 * with pdftoppm) are not blank and whose text (pdftotext) holds a table heading and a KPI formula —
 * then schedules it by e-mail and presses "Send now": the mail arrives at a REAL SMTP server
 * (smtp-server on loopback, the server started with HEARTH_SMTP_URL) with the PDF attached and the
 * summary in its body, and the delivery shows as sent.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../smtp-peer.js';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

const TABLE_HEADING = 'Mentions by network';
const FORMULA = 'mentions = number of stored mentions';
const CHART_TITLE = 'Mentions per day, this period and the previous one';

/** Pixels darker than near-white in a binary PGM (P5) image: how many, and their share. */
function inkOf(pgm: Buffer): { dark: number; share: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) {
    throw new Error('not a binary PGM');
  }
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) {
    if (value < 240) {
      dark += 1;
    }
  }
  return { dark, share: dark / pixels.length };
}

describe('reports in the browser', () => {
  let smtp: SmtpPeer;
  let hearth: RunningHearth;
  let browser: Browser;
  let page: Page;
  let workspaceId = '';
  const pageErrors: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'hearth-reports-e2e-'));
  const api = (path: string): string => `/api/v1/workspaces/${workspaceId}${path}`;

  /** A few mentions of the last days, pushed through a signed ingest webhook as a network reader would. */
  async function seedMentions(): Promise<void> {
    const { csrfToken } = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const added = await page.request.post(api('/listening/sources'), {
      data: { kind: 'webhook', name: 'Reader' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(added.status(), await added.text()).toBe(201);
    const source = (await added.json()) as { source: { id: string }; secret: string };
    const day = 86_400_000;
    const items = [
      { text: 'I love the new lamp, the light is gorgeous', network: 'bluesky', author: 'lea.test', ago: 1 },
      { text: 'My lamp arrived broken and nobody answers', network: 'mastodon', author: 'marc', ago: 2 },
      { text: 'Which bulb fits the Lumière desk lamp?', network: 'bluesky', author: 'zoe.test', ago: 3 },
      { text: 'Lumière lamps are on sale this week', network: 'rss', author: 'deals', ago: 4 },
    ].map((item, n) => ({
      id: `e2e-mention-${n}`,
      network: item.network,
      author: item.author,
      text: item.text,
      createdAt: new Date(Date.now() - item.ago * day).toISOString(),
      followers: 1_000 * (n + 1),
    }));
    const body = JSON.stringify({ items });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', source.secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const pushed = await fetch(`${hearth.url}${api('/ingest')}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hearth-source': source.source.id,
        'x-hearth-timestamp': timestamp,
        'x-hearth-signature': signature,
      },
      body,
    });
    expect(pushed.status, await pushed.clone().text()).toBe(200);
  }

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    [hearth, browser] = await Promise.all([
      startHearth({
        env: { HEARTH_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HEARTH_MAIL_FROM: 'Hearth <reports@brand.test>' },
      }),
      launchChromium(),
    ]);
    const context = await browser.newContext({ baseURL: hearth.url, locale: 'en-GB', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    workspaceId = await setUpOwnerInBrowser(page);
    await seedMentions();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
    await smtp?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows a capability’s dashboard: figures beside the previous period, their formula, and charts', async () => {
    await page.goto(`/w/${workspaceId}/reports`);
    const volume = page.getByRole('article', { name: 'Mention volume' });
    await expect.poll(() => volume.getByTestId('kpi-value').textContent()).toBe('4');
    await volume.getByRole('button', { name: 'How is this computed?' }).click();
    await expect.poll(() => volume.getByText(FORMULA, { exact: false }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="dashboard-chart"] svg').count()).toBeGreaterThan(0);
    await page.getByRole('radiogroup', { name: 'Date range' }).getByText('7 days', { exact: true }).click();
    await expect.poll(() => page.getByTestId('dashboard-period').textContent()).toMatch(/compared with/);
    await page.getByRole('radiogroup', { name: 'Capability' }).getByText('Inbox', { exact: true }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Response rate' }).count()).toBe(1);
  }, 60_000);

  it('opens a report as HTML and downloads it as a PDF with its charts, tables and formulas', async () => {
    await page.goto(`/w/${workspaceId}/reports/generate`);
    await page.getByRole('combobox', { name: 'Report' }).click();
    await page.getByRole('option', { name: 'Marketing' }).click();

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByText('Open HTML', { exact: true }).click()]);
    await popup.waitForLoadState('load');
    expect(popup.url()).toContain(`/api/v1/workspaces/${workspaceId}/reports/render?`);
    expect(popup.url()).toContain('format=html');
    const html = await popup.content();
    expect(html).toContain('Marketing report');
    expect(html).toContain(TABLE_HEADING);
    expect(html).toContain(CHART_TITLE);
    expect(html).toContain('<svg'); // charts drawn on the server
    await popup.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Download PDF', { exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/-marketing-.*\.pdf$/);
    const pdf = join(work, 'report.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Every page rendered to PNG, and none blank (checked on a grey-scale rendering of the same pages).
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(work, 'page')]);
    const pngs = readdirSync(work).filter((name) => /^page-\d+\.png$/.test(name));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const png of pngs) {
      expect(statSync(join(work, png)).size).toBeGreaterThan(1_000);
    }
    execFileSync('pdftoppm', ['-gray', '-r', '50', pdf, join(work, 'grey')]);
    const greys = readdirSync(work).filter((name) => /^grey-\d+\.pgm$/.test(name));
    expect(greys).toHaveLength(pngs.length);
    // A blank page has no dark pixel at all; the last page may hold only the end of the appendix.
    for (const grey of greys) {
      expect(inkOf(readFileSync(join(work, grey))).dark, grey).toBeGreaterThan(100);
    }
    // The first page carries the title, the headline figures and the first chart.
    expect(inkOf(readFileSync(join(work, greys.sort()[0]!))).share).toBeGreaterThan(0.01);
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain(TABLE_HEADING);
    expect(text).toContain(CHART_TITLE);
    expect(text).toContain(FORMULA);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByText('Download CSV', { exact: true }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  }, 90_000);

  it('schedules the report by e-mail, and "Send now" delivers it with the PDF to a real SMTP server', async () => {
    await page.goto(`/w/${workspaceId}/reports/schedules`);
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Support, every Monday');
    await dialog.getByLabel('E-mail recipients').fill('support-lead@brand.test');
    await dialog.getByLabel('E-mail recipients').press('Enter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const card = page.getByRole('listitem', { name: 'Support, every Monday' });
    await card.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/1 delivery of the period .* is on its way/);

    // The worker's sweep picks the delivery up within seconds; rendering the PDF takes a few more.
    await expect.poll(() => smtp.mails.length, { timeout: 60_000, interval: 500 }).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toMatch(/^Support report — \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((address) => address?.value.map((v) => v.address))).toEqual(['support-lead@brand.test']);
    expect(mail.text).toContain('Support report — Maison Lumière');
    expect(mail.text).toContain('Response rate');
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.filename).toMatch(/-support-.*\.pdf$/);
    expect(attachment.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await expect
      .poll(() => card.getByTestId('delivery-status').first().textContent(), { timeout: 20_000 })
      .toBe('Sent');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
