import { Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useCompetitorReport } from '../trends/insights.queries';
import { InsightPostCard } from '../trends/InsightPostCard';
import { rhythmOption } from './chart-options';
import { EChart } from '../../components/EChart';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One competitor's own posts: how many, their engagement, when they post (local time) and the best ones. */
export function ReportPanel({ competitorId }: { competitorId: string }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const report = useCompetitorReport(workspace.id, competitorId);
  const option = useMemo(
    () =>
      report.data
        ? rhythmOption(
            report.data.rhythm.byWeekdayHour,
            WEEKDAYS.map((day) => t(`insights.report.weekdays.${day}`)),
          )
        : null,
    [report.data, t],
  );
  if (report.isError) {
    return <QueryError error={report.error} />;
  }
  if (report.data === undefined || option === null) {
    return <TableSkeleton rows={3} />;
  }
  const data = report.data;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Title order={3}>{t('insights.report.title', { name: data.competitor.name })}</Title>
        <Group gap="lg">
          <Text size="sm">{t('insights.report.posts', { n: data.posts })}</Text>
          <Text size="sm">
            {t('insights.report.engagement', {
              total: data.engagement.total,
              perPost: data.engagement.perPost,
              median: data.engagement.median,
            })}
          </Text>
        </Group>
        {data.truncated ? (
          <Text size="xs" c="orange">
            {t('insights.report.truncated')}
          </Text>
        ) : null}
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {data.engagement.formula}
        </Code>
        {data.competitor.accounts.length === 0 ? (
          <Text c="dimmed">{t('insights.report.noAccounts')}</Text>
        ) : null}
        <Text size="sm" fw={500}>
          {t('insights.report.rhythm', { timeZone: data.rhythm.timeZone })}
        </Text>
        <EChart
          option={option}
          label={t('insights.report.rhythmLabel', { name: data.competitor.name })}
          height={260}
          testId="rhythm-chart"
        />
        <Text size="sm" c="dimmed">
          {t('insights.report.weeks')}{' '}
          {data.rhythm.byWeek.map((week) => `${week.weekStart}: ${week.posts}`).join(' · ')}
        </Text>
        <Text size="sm" fw={500}>
          {t('insights.report.topPosts')}
        </Text>
        {data.topPosts.length === 0 ? (
          <Text c="dimmed">{t('insights.report.noPosts')}</Text>
        ) : (
          <Stack
            component="ol"
            p={0}
            m={0}
            gap={6}
            style={{ listStyle: 'none' }}
            aria-label={t('insights.report.topPosts')}
          >
            {data.topPosts.map((post) => (
              <InsightPostCard key={post.id} post={post} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
