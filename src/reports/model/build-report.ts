/**
 * Builds a report's model: every figure of the template computed from raw rows for the period and
 * the previous period of the same length, with deltas, charts, tables, quotes and the methodology.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { notFound } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';
import { brandingOf } from '../branding/branding.service.js';
import { kpiRef, type Kpi, type KpiOptions, type KpiResult } from '../kpis/kpi.js';
import { kpisRepo } from '../kpis/kpis.repo.js';
import { kpi } from '../kpis/registry.js';
import { relativeDelta } from '../kpis/stats.js';
import type { ReportTemplate } from '../reports.tables.js';
import { barChart, dailyChart, pieChart } from './chart-options.js';
import { formatDelta, formatValue } from './format.js';
import { buildMethodology } from './methodology.js';
import type { Period, ReportChart, ReportFigure, ReportModel, ReportQuote, ReportSection, ReportTable } from './report-model.js';
import { dailyMentions, type DailySeries } from './series.js';
import { TEMPLATES, type ChartSpec, type TableSpec } from './templates.js';

export interface ReportInput {
  workspaceId: string;
  template: ReportTemplate;
  from: Date;
  to: Date;
}

/** The period of the same length just before. */
export function previousPeriodOf(from: Date, to: Date): Period {
  const length = to.getTime() - from.getTime();
  return { from: new Date(from.getTime() - length).toISOString(), to: from.toISOString() };
}

const QUOTE_TEXT = 400;

/** Every KPI of the template, for both periods: the figures (and tables) of the sections. */
async function computeAll(
  db: Kysely<Database>,
  workspaceId: string,
  ids: string[],
  period: Period,
  options: KpiOptions,
): Promise<Map<string, KpiResult>> {
  const range = { from: new Date(period.from), to: new Date(period.to) };
  const results = new Map<string, KpiResult>();
  // One after the other: on SQLite they share one connection anyway, and PostgreSQL's pool stays free for others.
  for (const id of ids) {
    results.set(id, await kpi(id).compute(db, workspaceId, range, options));
  }
  return results;
}

function figureOf(definition: Kpi, current: KpiResult, previous: KpiResult | undefined): ReportFigure {
  return {
    kpiId: definition.id,
    ref: kpiRef(definition),
    name: definition.name,
    formula: definition.formula,
    unit: definition.unit,
    value: current.value,
    previous: previous?.value ?? null,
    delta: relativeDelta(current.value, previous?.value ?? null),
    higherIsBetter: definition.higherIsBetter,
    count: current.count,
    previousCount: previous?.count ?? 0,
    breakdown: current.breakdown ?? [],
    note: current.note ?? null,
  };
}

function tableOf(spec: TableSpec, result: KpiResult, index: number, sectionId: string): ReportTable {
  const definition = kpi(spec.kpi);
  const id = `${sectionId}-${index + 1}-${spec.kpi}`;
  if (spec.from === 'breakdown') {
    const ratio = definition.unit === 'ratio';
    return {
      id,
      title: spec.title,
      columns: ['', ratio ? 'share' : 'value', 'items'],
      rows: (result.breakdown ?? []).map((part) => [part.label, ratio && part.value !== null ? formatValue(part.value, 'ratio') : part.value, part.count]),
      ref: kpiRef(definition),
      note: (result.breakdown ?? []).length === 0 ? 'Nothing in the period.' : null,
    };
  }
  const rows = result.rows ?? [];
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return {
    id,
    title: spec.title,
    columns,
    rows: rows.map((row) => columns.map((column) => row[column] ?? null)),
    ref: kpiRef(definition),
    note: rows.length === 0 ? (result.note ?? 'Nothing in the period.') : null,
  };
}

function chartOf(spec: ChartSpec, results: Map<string, KpiResult>, series: DailySeries | null, colour: string, id: string): ReportChart | null {
  switch (spec.kind) {
    case 'daily_mentions':
      return series === null
        ? null
        : { id, title: spec.title, option: dailyChart(series, colour, spec.negativeOnly ?? false), refs: [kpiRef(kpi('mention_volume'))] };
    case 'breakdown_bar':
    case 'breakdown_pie': {
      const parts = results.get(spec.kpi)?.breakdown ?? [];
      if (parts.every((part) => (part.value ?? 0) === 0)) {
        return null;
      }
      const option = spec.kind === 'breakdown_bar' ? barChart(parts, colour) : pieChart(parts, colour);
      return { id, title: spec.title, option, refs: [kpiRef(kpi(spec.kpi))] };
    }
  }
}

export async function buildReportModel(deps: { db: Kysely<Database>; clock: Clock }, input: ReportInput): Promise<ReportModel> {
  const { db } = deps;
  const template = TEMPLATES[input.template];
  const repo = kpisRepo(db);
  const workspace = await repo.workspace(input.workspaceId);
  if (!workspace) {
    throw notFound('Workspace');
  }
  const now = deps.clock.now();
  const period: Period = { from: input.from.toISOString(), to: input.to.toISOString() };
  const previousPeriod = previousPeriodOf(input.from, input.to);
  const figureIds = [...new Set(template.sections.flatMap((section) => section.figures))];
  const tableIds = [...new Set(template.sections.flatMap((section) => (section.tables ?? []).map((table) => table.kpi)))];
  const cache = new Map<string, Promise<unknown>>();
  const options: KpiOptions = { now, cache };
  const current = await computeAll(db, input.workspaceId, [...new Set([...figureIds, ...tableIds])], period, options);
  const previous = await computeAll(db, input.workspaceId, figureIds, previousPeriod, options);
  const branding = await brandingOf(db, input.workspaceId);
  const needsSeries = template.sections.some((section) => (section.charts ?? []).some((chart) => chart.kind === 'daily_mentions'));
  const series = needsSeries ? await dailyMentions(db, input.workspaceId, period, previousPeriod, workspace.time_zone) : null;

  const sections: ReportSection[] = [];
  for (const spec of template.sections) {
    const quotes: ReportQuote[] = [];
    for (const quote of spec.quotes ?? []) {
      const rows = await repo.quotes(input.workspaceId, period, {
        ...(quote.intent === undefined ? {} : { intent: quote.intent }),
        ...(quote.sentiment === undefined ? {} : { sentiment: quote.sentiment }),
        limit: quote.limit,
      });
      for (const row of rows) {
        quotes.push({
          text: row.text.length > QUOTE_TEXT ? `${row.text.slice(0, QUOTE_TEXT - 1)}…` : row.text,
          author: row.author_handle,
          network: row.network,
          url: row.url,
          createdAt: row.created_at,
          sentiment: row.sentiment,
          engagement: row.engagement,
          kind: quote.kind,
        });
      }
    }
    sections.push({
      id: spec.id,
      title: spec.title,
      figures: spec.figures.map((id) => figureOf(kpi(id), current.get(id) ?? { value: null, count: 0 }, previous.get(id))),
      charts: (spec.charts ?? []).flatMap((chart, i) => chartOf(chart, current, series, branding.colour, `${spec.id}-chart-${i + 1}`) ?? []),
      tables: (spec.tables ?? []).map((table, i) => tableOf(table, current.get(table.kpi) ?? { value: null, count: 0 }, i, spec.id)),
      quotes,
    });
  }
  const figures = new Map(sections.flatMap((section) => section.figures).map((figure) => [figure.kpiId, figure]));
  const summary = template.headline.flatMap((id) => {
    const figure = figures.get(id);
    return figure
      ? [`${figure.name}: ${formatValue(figure.value, figure.unit)} (previous period ${formatValue(figure.previous, figure.unit)}, ${formatDelta(figure.delta)}) [${figure.ref}, ${figure.count} items]`]
      : [];
  });
  const usedIds = [...new Set([...figureIds, ...tableIds])];
  return {
    template: input.template,
    title: template.title,
    audience: template.audience,
    workspace: { id: workspace.id, name: workspace.name, timeZone: workspace.time_zone },
    period,
    previousPeriod,
    generatedAt: now.toISOString(),
    branding,
    summary,
    sections,
    methodology: await buildMethodology(db, {
      workspaceId: input.workspaceId,
      period,
      timeZone: workspace.time_zone,
      kpis: usedIds.map((id) => kpi(id)),
      current,
      previous,
      cache,
    }),
  };
}
