import { describe, expect, it } from 'vitest';
import type { ShareOfVoice } from '../trends/insights.api';
import { rhythmOption, sovOption } from './chart-options';

describe('competitor charts', () => {
  it('draws shares in percent, brand highlighted, first entity on top', () => {
    const sov: ShareOfVoice = {
      weight: 'mentions',
      since: '',
      until: '',
      formula: '',
      definition: '',
      total: 8,
      notes: [],
      entities: [
        {
          kind: 'brand',
          id: null,
          name: 'Lumière',
          basis: '',
          mentions: 4,
          engagement: 0,
          reach: 0,
          value: 4,
          share: 0.5,
          truncated: false,
        },
        {
          kind: 'competitor',
          id: 'c',
          name: 'Zorvalta',
          basis: '',
          mentions: 4,
          engagement: 0,
          reach: 0,
          value: 4,
          share: 0.3333,
          truncated: false,
        },
      ],
    };
    const option = sovOption(sov) as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    expect(option.yAxis.data).toEqual(['Zorvalta', 'Lumière']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([33.3, 50]);
    expect(option.series[0]?.data[1]?.itemStyle.color).not.toBe(option.series[0]?.data[0]?.itemStyle.color);
  });

  it('maps weekday × hour counts to heatmap cells', () => {
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    grid[2]![23] = 3;
    const option = rhythmOption(grid, ['M', 'T', 'W', 'T', 'F', 'S', 'S']) as {
      series: { data: number[][] }[];
      visualMap: { max: number };
    };
    expect(option.series[0]?.data).toHaveLength(168);
    expect(option.series[0]?.data).toContainEqual([23, 2, 3]);
    expect(option.visualMap.max).toBe(3);
  });
});
