/**
 * Builds one report (a template over a period) and renders it: self-contained HTML, PDF (headless
 * Chromium printing the same HTML) or CSV of every table.
 */
import { invalid } from '../../core/errors.js';
import { formatPeriod } from '../model/format.js';
import { buildReportModel } from '../model/build-report.js';
import type { ReportModel } from '../model/report-model.js';
import type { ReportsDeps } from '../reports.deps.js';
import { REPORT_TEMPLATES, type ReportTemplate } from '../reports.tables.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { htmlToPdf } from './pdf.js';

export type ReportFormat = 'html' | 'pdf' | 'csv';
export const REPORT_FORMATS = ['html', 'pdf', 'csv'] as const satisfies readonly ReportFormat[];

/** The longest period a report covers. */
export const MAX_REPORT_DAYS = 731;

export interface ReportRequest {
  workspaceId: string;
  template: ReportTemplate;
  /** Inclusive start, exclusive end. */
  from: Date;
  to: Date;
  format: ReportFormat;
}

export interface RenderedReport {
  filename: string;
  contentType: string;
  body: Buffer;
  /** A few plain-text lines: the headline figures, for an e-mail body or a webhook. */
  summary: string;
}

/** Throws a 400 unless the request names a template and a valid period (from < to, at most two years). */
export function checkReportRequest(request: Pick<ReportRequest, 'template' | 'from' | 'to'>): void {
  if (!(REPORT_TEMPLATES as readonly string[]).includes(request.template)) {
    throw invalid('template', `unknown template "${request.template}": one of ${REPORT_TEMPLATES.join(', ')}`);
  }
  if (Number.isNaN(request.from.getTime())) {
    throw invalid('from', 'is not an ISO 8601 date or instant');
  }
  if (Number.isNaN(request.to.getTime())) {
    throw invalid('to', 'is not an ISO 8601 date or instant');
  }
  if (request.from.getTime() >= request.to.getTime()) {
    throw invalid('from', 'must be before to');
  }
  if (request.to.getTime() - request.from.getTime() > MAX_REPORT_DAYS * 86_400_000) {
    throw invalid('to', 'a report covers at most two years (731 days)');
  }
}

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'workspace';

/** The plain-text summary of a model: title, period, headline figures, where the formulas are. */
export function summaryOf(model: ReportModel): string {
  return [
    `${model.title} — ${model.workspace.name}`,
    formatPeriod(model.period, model.workspace.timeZone),
    '',
    ...model.summary.map((line) => `• ${line}`),
    '',
    'Every figure names its formula as id@version; the methodology appendix lists them with their counts and known gaps.',
  ].join('\n');
}

export function filenameOf(model: ReportModel, format: ReportFormat): string {
  const last = new Date(Date.parse(model.period.to) - 1).toISOString().slice(0, 10);
  return `${slug(model.workspace.name)}-${model.template}-${model.period.from.slice(0, 10)}_${last}.${format}`;
}

export async function renderReport(deps: Pick<ReportsDeps, 'db' | 'clock' | 'logger'>, request: ReportRequest): Promise<RenderedReport> {
  checkReportRequest(request);
  const started = Date.now();
  const model = await buildReportModel(deps, request);
  let body: Buffer;
  let contentType: string;
  switch (request.format) {
    case 'html':
      body = Buffer.from(renderHtml(model), 'utf8');
      contentType = 'text/html; charset=utf-8';
      break;
    case 'pdf':
      body = await htmlToPdf(renderHtml(model));
      contentType = 'application/pdf';
      break;
    case 'csv':
      // A byte-order mark so that spreadsheets read the UTF-8 (accents, emoji) as such.
      body = Buffer.from(`\uFEFF${renderCsv(model)}`, 'utf8');
      contentType = 'text/csv; charset=utf-8';
      break;
  }
  deps.logger.info(
    { workspaceId: request.workspaceId, template: request.template, format: request.format, bytes: body.length, ms: Date.now() - started },
    'report rendered',
  );
  return { filename: filenameOf(model, request.format), contentType, body, summary: summaryOf(model) };
}
