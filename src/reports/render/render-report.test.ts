/**
 * Reports built from the hand-made week on both databases, rendered as HTML (escaped, self-contained),
 * CSV (RFC 4180, formula-safe) and PDF (real headless Chromium; the pages rasterised by pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { createLogger } from '../../core/logger.js';
import { describeEachDatabase } from '../../db/testing.js';
import { kpiRef } from '../kpis/kpi.js';
import { KPIS } from '../kpis/registry.js';
import { buildReportModel } from '../model/build-report.js';
import { HOSTILE_TEXT, seedReportFixture, WEEK } from '../reports.fixtures.js';
import { REPORT_TEMPLATES } from '../reports.tables.js';
import { csvField, neutralise } from './csv.js';
import { renderReport } from './render-report.js';

const logger = createLogger({ level: 'silent' });
const clock = fixedClock(new Date('2026-03-10T08:00:00.000Z'));

/** RFC 4180 parsing (quoted fields, doubled quotes, CRLF), to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(neutralise('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@cmd')).toBe("'@cmd");
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(null)).toBe('');
  });
});

describeEachDatabase('report rendering', (use) => {
  let ws: string;
  const deps = () => ({ db: use().kysely, clock, logger });

  beforeAll(async () => {
    ws = await seedReportFixture(use().kysely, 'r');
    // A topic whose name would be a spreadsheet formula.
    await use().kysely.updateTable('saved_queries').set({ name: '=HYPERLINK("http://evil.test")' }).where('id', '=', 'q-delivery-r').execute();
  });

  it('builds every template with figures, previous period, deltas, and a methodology', async () => {
    for (const template of REPORT_TEMPLATES) {
      const model = await buildReportModel(deps(), { workspaceId: ws, template, from: WEEK.from, to: WEEK.to });
      expect(model.previousPeriod).toEqual({ from: '2026-02-23T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
      expect(model.sections.length).toBeGreaterThan(0);
      expect(model.summary.length).toBeGreaterThan(0);
      for (const figure of model.sections.flatMap((section) => section.figures)) {
        expect(figure.ref).toMatch(/^[a-z_]+@\d+$/);
        expect(model.methodology.formulas.map((formula) => formula.ref)).toContain(figure.ref);
      }
      expect(model.methodology.statement.join(' ')).toMatch(/recomputed with the current version/);
    }
    const marketing = await buildReportModel(deps(), { workspaceId: ws, template: 'marketing', from: WEEK.from, to: WEEK.to });
    const volume = marketing.sections[0]!.figures.find((figure) => figure.kpiId === 'mention_volume')!;
    // 6 this week, 1 the week before: +500 %.
    expect(volume).toMatchObject({ value: 6, previous: 1, delta: 5, count: 6, previousCount: 1 });
    const gaps = marketing.methodology.gaps.join('\n');
    expect(gaps).toMatch(/Not enough history for @lumiere \(mastodon\)/);
    expect(gaps).toMatch(/impressions/);
    expect(marketing.methodology.queries).toContainEqual({ name: 'Brand', tag: 'brand', query: 'lumiere', version: '2026-02-20T08:00:00.000Z' });
    expect(marketing.methodology.notCovered.join(' ')).toMatch(/Bluesky: Hearth can listen there, but no listening source/);
    expect(marketing.methodology.notCovered.join(' ')).toMatch(/Instagram/);
    expect(marketing.methodology.networksSeen).toEqual([
      { network: 'bluesky', mentions: 3 },
      { network: 'mastodon', mentions: 2 },
      { network: 'rss', mentions: 1 },
    ]);
  });

  it('renders self-contained HTML: escaped texts, inline SVG charts, every figure’s formula and version', async () => {
    const rendered = await renderReport(deps(), { workspaceId: ws, template: 'support', from: WEEK.from, to: WEEK.to, format: 'html' });
    const html = rendered.body.toString('utf8');
    expect(rendered.contentType).toBe('text/html; charset=utf-8');
    expect(rendered.filename).toBe('lumiere-r-support-2026-03-02_2026-03-08.html');
    // The hostile mention is quoted as text, never as markup.
    expect(html).not.toContain('<script');
    expect(html).toContain('Still broken &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(HOSTILE_TEXT).toContain('<script>');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<link|src="http|<iframe/);
    expect(html).toContain("default-src 'none'");
    for (const ref of ['response_rate@1', 'first_response_time@1', 'sla_attainment@1', 'complaints_by_topic@1']) {
      expect(html).toContain(ref);
    }
    expect(html).toContain('@carol');
    expect(html).toContain('href="https://social.example/m3"');
    expect(rendered.summary).toContain('Response rate: 60 %');
    expect(rendered.summary).toContain('[response_rate@1, 5 items]');
  });

  it('uses the branding colour and logo', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await use().kysely.insertInto('report_branding').values({ workspace_id: ws, logo_data_url: png, colour: '#123456', updated_at: '2026-03-01T00:00:00.000Z' }).execute();
    const html = (await renderReport(deps(), { workspaceId: ws, template: 'leadership', from: WEEK.from, to: WEEK.to, format: 'html' })).body.toString('utf8');
    expect(html).toContain('#123456');
    expect(html).toContain(`<img src="${png}"`);
    await use().kysely.deleteFrom('report_branding').where('workspace_id', '=', ws).execute();
  });

  it('renders every table in one RFC 4180 CSV, formulas defused', async () => {
    const rendered = await renderReport(deps(), { workspaceId: ws, template: 'support', from: WEEK.from, to: WEEK.to, format: 'csv' });
    expect(rendered.contentType).toBe('text/csv; charset=utf-8');
    const text = rendered.body.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['table', 'ref', 'row', 'column', 'value']);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(
      new Set(['figures', 'Open issues, highest priority first', 'Complaints by topic', 'Questions by topic']),
    );
    expect(rows).toContainEqual(['figures', 'response_rate@1', '1', 'value', '0.6']);
    expect(rows.filter((row) => row[0] === 'Complaints by topic' && row[3] === 'label').map((row) => row[4])).toContain(
      '\'=HYPERLINK("http://evil.test")',
    );
    expect(rows.some((row) => row[4]?.startsWith('='))).toBe(false);
  });

  it('names every KPI of the registry in some template or says why not', () => {
    const refs = KPIS.map(kpiRef);
    expect(refs).toContain('follower_growth@2');
  });
});

describe('PDF through headless Chromium', () => {
  it('prints the same HTML to a PDF whose pages rasterise', async () => {
    const { createTestDatabase } = await import('../../db/testing.js');
    const db = await createTestDatabase('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'hearth-report-pdf-'));
    try {
      const ws = await seedReportFixture(db.kysely, 'p');
      const rendered = await renderReport({ db: db.kysely, clock, logger }, { workspaceId: ws, template: 'marketing', from: WEEK.from, to: WEEK.to, format: 'pdf' });
      expect(rendered.contentType).toBe('application/pdf');
      expect(rendered.filename.endsWith('.pdf')).toBe(true);
      expect(rendered.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = join(dir, 'report.pdf');
      writeFileSync(file, rendered.body);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Marketing report');
      expect(text).toContain('mention_volume@1');
      expect(text).toContain('Methodology');
      execFileSync('pdftoppm', ['-png', '-r', '40', file, join(dir, 'page')]);
      const images = readdirSync(dir).filter((name) => name.endsWith('.png'));
      expect(images).toHaveLength(pages);
      expect(statSync(join(dir, images[0]!)).size).toBeGreaterThan(1_000);
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says clearly when Chromium is missing', async () => {
    const { htmlToPdf } = await import('./pdf.js');
    const saved = process.env.HEARTH_CHROMIUM;
    process.env.HEARTH_CHROMIUM = '/nonexistent/chromium';
    try {
      await expect(htmlToPdf('<p>x</p>')).rejects.toThrow(/PDF needs Chromium, not found at \/nonexistent\/chromium/);
    } finally {
      if (saved === undefined) {
        delete process.env.HEARTH_CHROMIUM;
      } else {
        process.env.HEARTH_CHROMIUM = saved;
      }
    }
  });
});
