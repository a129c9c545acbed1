/** Charts as SVG, rendered on the server by ECharts (SSR, no canvas, no browser). */
import * as echarts from 'echarts';
import type { ChartOption } from '../model/report-model.js';

export const CHART_WIDTH = 680;
export const CHART_HEIGHT = 260;

/** The chart's SVG markup (ECharts escapes the texts it draws). */
export function chartSvg(option: ChartOption, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
