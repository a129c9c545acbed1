/**
 * What a report is before it is rendered: plain data (figures with their formula and count, charts
 * as ECharts options, tables, quotes, a methodology appendix). HTML, PDF and CSV are drawn from it.
 */
import type { KpiPart, KpiUnit } from '../kpis/kpi.js';
import type { ReportTemplate } from '../reports.tables.js';

export interface Period {
  /** ISO instants, [from, to). */
  from: string;
  to: string;
}

export interface ReportFigure {
  kpiId: string;
  /** `id@version`: the formula and the version used. */
  ref: string;
  name: string;
  formula: string;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  /** Relative change from the previous period (0.25 = +25 %); null when it cannot be said. */
  delta: number | null;
  higherIsBetter: boolean | null;
  /** Items behind the figure, this period and the previous one. */
  count: number;
  previousCount: number;
  breakdown: KpiPart[];
  note: string | null;
}

/** An ECharts option, JSON only (rendered to SVG on the server, or by the web UI). */
export type ChartOption = Record<string, unknown>;

export interface ReportChart {
  id: string;
  title: string;
  option: ChartOption;
  /** The figures it draws (`id@version`). */
  refs: string[];
}

export type Cell = string | number | null;

export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** The figure it comes from (`id@version`). */
  ref: string;
  note: string | null;
}

export interface ReportQuote {
  text: string;
  /** Without '@'; null when the source gave none. */
  author: string | null;
  network: string;
  url: string | null;
  createdAt: string;
  sentiment: string | null;
  engagement: number;
  /** Why it is quoted: "complaint", "praise", "most engaging"… */
  kind: string;
}

export interface ReportSection {
  id: string;
  title: string;
  figures: ReportFigure[];
  charts: ReportChart[];
  tables: ReportTable[];
  quotes: ReportQuote[];
}

export interface Methodology {
  /** Where mentions come from: each listening source, by kind. */
  sourcesCovered: { kind: string; name: string; itemsStored: number; status: string }[];
  /** Networks seen in the period's mentions, with their counts. */
  networksSeen: { network: string; mentions: number }[];
  /** What the report cannot see, in words. */
  notCovered: string[];
  /** Saved queries: their text, and `updated_at` as their version. */
  queries: { name: string; tag: string; query: string; version: string }[];
  formulas: { ref: string; name: string; formula: string; inputs: string[] }[];
  counts: { ref: string; name: string; count: number; previousCount: number }[];
  gaps: string[];
  statement: string[];
}

export interface Branding {
  /** A data: URL, or null for none. */
  logoDataUrl: string | null;
  /** #rrggbb */
  colour: string;
}

export interface ReportModel {
  template: ReportTemplate;
  title: string;
  audience: string;
  workspace: { id: string; name: string; timeZone: string };
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  branding: Branding;
  /** Headline sentences (e-mail body, webhook summary). */
  summary: string[];
  sections: ReportSection[];
  methodology: Methodology;
}
