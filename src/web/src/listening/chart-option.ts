/** The counts-over-time chart's ECharts option: stacked bars per sentiment, labelled in the workspace's zone. */
import type { MentionStats, StatsBucket } from './listening.api';

export const SERIES = ['negative', 'neutral', 'positive', 'unknown'] as const;
export type SeriesKey = (typeof SERIES)[number];

export const SERIES_COLOR: Record<SeriesKey, string> = {
  negative: '#e03131',
  neutral: '#868e96',
  positive: '#2f9e44',
  unknown: '#ced4da',
};

/** A bucket's label: the day as the locale writes it, or the hour in the workspace's time zone. */
export function bucketLabel(
  bucket: StatsBucket,
  interval: MentionStats['interval'],
  locale: string,
  timeZone: string,
): string {
  if (interval === 'day') {
    // A local date: formatted at noon UTC so that no zone moves it to another day.
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${bucket.start}T12:00:00.000Z`),
    );
  }
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(bucket.start));
}

export type ChartOption = {
  tooltip: { trigger: 'axis' };
  legend: { data: string[]; bottom: number };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  xAxis: { type: 'category'; data: string[] };
  yAxis: { type: 'value'; minInterval: number };
  series: { name: string; type: 'bar'; stack: string; data: number[]; itemStyle: { color: string } }[];
};

export function chartOption(
  stats: MentionStats,
  names: Record<SeriesKey, string>,
  locale: string,
  timeZone: string,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: SERIES.map((key) => names[key]), bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: stats.buckets.map((b) => bucketLabel(b, stats.interval, locale, timeZone)),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((key) => ({
      name: names[key],
      type: 'bar',
      stack: 'mentions',
      data: stats.buckets.map((b) => b[key]),
      itemStyle: { color: SERIES_COLOR[key] },
    })),
  };
}
