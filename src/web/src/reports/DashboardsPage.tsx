import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { use, type EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../components/EChart';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDate } from '../lib/format';
import { useUiLanguage } from '../i18n/use-ui-language';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { FigureCard } from './FigureCard';
import { defaultChoice, periodOf, type RangeChoice } from './range';
import { RangePicker } from './RangePicker';
import { CAPABILITIES, type Capability, type DashboardSeries } from './reports.api';
import { useDashboard } from './reports.queries';

// The shared chart component registers bars and heatmaps; dashboards also draw lines.
use([LineChart]);

/** This period's days as a line, the previous period's beside it (dashed), day by day. */
function seriesOption(series: DashboardSeries, labels: { current: string; previous: string }, day: (iso: string) => string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: series.days.map(day), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.current, type: 'line', data: series.current, showSymbol: series.days.length <= 31 },
      {
        name: labels.previous,
        type: 'line',
        data: series.previous,
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#999999' },
      },
    ],
  };
}

/** KPI dashboards per capability over a date range, each figure beside the previous period. */
export function DashboardsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const [capability, setCapability] = useState<Capability>('listening');
  const [choice, setChoice] = useState<RangeChoice>(() => defaultChoice(new Date(), workspace.timeZone));
  const period = useMemo(() => periodOf(choice, new Date(), workspace.timeZone), [choice, workspace.timeZone]);
  const dashboard = useDashboard(workspace.id, capability, period);
  const date = (iso: string) => formatDate(iso, language, workspace.timeZone);
  const lastDay = (iso: string) => formatDate(new Date(Date.parse(iso) - 1).toISOString(), language, workspace.timeZone);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label={t('reports.dashboards.capability')}
          value={capability}
          onChange={(value) => setCapability(value)}
          data={CAPABILITIES.map((value) => ({ value, label: t(`reports.capabilities.${value}`) }))}
        />
        <RangePicker value={choice} onChange={setChoice} />
      </Group>
      {period === null ? (
        <Alert color="yellow" role="alert">
          {t('reports.range.invalid')}
        </Alert>
      ) : null}
      {dashboard.data ? (
        <Text size="sm" c="dimmed" data-testid="dashboard-period">
          {t('reports.dashboards.comparing', {
            from: date(dashboard.data.period.from),
            to: lastDay(dashboard.data.period.to),
            previousFrom: date(dashboard.data.previousPeriod.from),
            previousTo: lastDay(dashboard.data.previousPeriod.to),
          })}
        </Text>
      ) : null}
      {dashboard.isError ? <QueryError error={dashboard.error} /> : null}
      {dashboard.data === undefined ? (
        dashboard.isError || period === null ? null : (
          <TableSkeleton rows={3} />
        )
      ) : (
        <>
          {dashboard.data.figures.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text c="dimmed">{t('reports.dashboards.empty')}</Text>
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-label={t('reports.dashboards.figures')}>
              {dashboard.data.figures.map((figure) => (
                <FigureCard key={figure.ref} figure={figure} />
              ))}
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {dashboard.data.series.map((series) => (
              <Paper key={series.id} withBorder p="md" radius="md">
                <Title order={3} size="h5">
                  {series.name}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('reports.figure.version', { ref: series.ref })}
                </Text>
                <EChart
                  option={seriesOption(series, { current: t('reports.dashboards.thisPeriod'), previous: t('reports.dashboards.previousPeriod') }, date)}
                  label={series.name}
                  testId="dashboard-chart"
                />
              </Paper>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
