/**
 * PDF: headless Chromium (Debian's, driven by playwright-core) prints the report's own HTML. The
 * page is offline (every request is refused; the HTML needs none) and the browser is always closed.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Chromium is missing or would not start: the PDF format is unavailable here. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

export const chromiumPath = (): string => process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(
      `PDF needs Chromium, not found at ${executablePath}: install it (apt-get install chromium) or set HEARTH_CHROMIUM to its path`,
    );
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  } catch (error) {
    throw new PdfUnavailableError(`Chromium at ${executablePath} would not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#57606a"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
