/**
 * Builds one report (a template over a period) and renders it: self-contained HTML, PDF (headless
 * Chromium printing the same HTML) or CSV of every table.
 */
import type { ReportsDeps } from '../reports.deps.js';
import type { ReportTemplate } from '../reports.tables.js';

export type ReportFormat = 'html' | 'pdf' | 'csv';

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

export async function renderReport(_deps: Pick<ReportsDeps, 'db' | 'clock' | 'logger'>, _request: ReportRequest): Promise<RenderedReport> {
  throw new Error('renderReport is not built yet');
}
