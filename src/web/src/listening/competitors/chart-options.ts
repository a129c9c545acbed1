/** ECharts options of the competitor page: share of voice (horizontal bars) and posting rhythm (heatmap). */
import type { EChartsCoreOption } from 'echarts/core';
import type { ShareOfVoice } from '../trends/insights.api';

const BRAND_COLOR = '#1c7ed6';
const COMPETITOR_COLOR = '#868e96';

/** One bar per entity, its share in percent; the brand in the accent colour. */
export function sovOption(sov: ShareOfVoice): EChartsCoreOption {
  const entities = [...sov.entities].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: entities.map((entity) => entity.name) },
    series: [
      {
        type: 'bar',
        name: sov.weight,
        label: { show: true, position: 'right', formatter: '{c} %' },
        data: entities.map((entity) => ({
          value: Math.round(entity.share * 1000) / 10,
          itemStyle: { color: entity.kind === 'brand' ? BRAND_COLOR : COMPETITOR_COLOR },
        })),
      },
    ],
  };
}

/** Posts per weekday × hour, local time; `weekdays` are the labels Monday first. */
export function rhythmOption(byWeekdayHour: number[][], weekdays: string[]): EChartsCoreOption {
  const data: [number, number, number][] = [];
  let max = 0;
  byWeekdayHour.forEach((hours, day) =>
    hours.forEach((count, hour) => {
      data.push([hour, day, count]);
      max = Math.max(max, count);
    }),
  );
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0')),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
    },
    series: [{ type: 'heatmap', data }],
  };
}
