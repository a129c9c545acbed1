/** ECharts options for the report charts: plain JSON, rendered to SVG on the server or by the web UI. */
import type { KpiPart } from '../kpis/kpi.js';
import type { ChartOption } from './report-model.js';
import type { DailySeries } from './series.js';

const GREY = '#9aa0a6';
const NEGATIVE = '#c0392b';

const base = (colour: string): ChartOption => ({
  animation: false,
  color: [colour, GREY, '#4e79a7', '#f28e2b', '#59a14f', '#edc948', '#af7aa1', '#76b7b2'],
  textStyle: { fontFamily: 'Liberation Sans, Arial, sans-serif' },
  grid: { left: 48, right: 16, top: 40, bottom: 40, containLabel: true },
});

/** Mentions per day (or negative ones), this period against the previous one, aligned day by day. */
export function dailyChart(series: DailySeries, colour: string, negativeOnly: boolean): ChartOption {
  const pick = (bucket: { total: number; negative: number } | undefined): number | null =>
    bucket === undefined ? null : negativeOnly ? bucket.negative : bucket.total;
  return {
    ...base(negativeOnly ? NEGATIVE : colour),
    legend: { top: 0, data: ['This period', 'Previous period'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: series.days, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'This period', type: 'line', data: series.current.map(pick), showSymbol: series.days.length <= 31 },
      {
        name: 'Previous period',
        type: 'line',
        data: series.days.map((_, i) => pick(series.previous[i])),
        lineStyle: { type: 'dashed' },
        showSymbol: false,
      },
    ],
  };
}

export function barChart(parts: readonly KpiPart[], colour: string): ChartOption {
  const shown = parts.slice(0, 12);
  return {
    ...base(colour),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((part) => part.label).reverse() },
    series: [{ type: 'bar', data: shown.map((part) => part.value ?? 0).reverse(), label: { show: true, position: 'right' } }],
  };
}

export function pieChart(parts: readonly KpiPart[], colour: string): ChartOption {
  return {
    ...base(colour),
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: parts.filter((part) => (part.value ?? 0) > 0).map((part) => ({ name: part.label, value: part.value })),
        label: { formatter: '{b}: {d} %' },
      },
    ],
  };
}
