import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { chartOption, SERIES, type SeriesKey } from '../chart-option';
import type { MentionFilters } from '../listening.api';
import { useMentionStats } from '../listening.queries';
import { MentionsChart } from './MentionsChart';

/** Counts over time (by sentiment), top authors and top terms of the stream's filters. */
export function StatsPanels({
  filters,
  interval,
  onInterval,
}: {
  filters: MentionFilters;
  interval: 'hour' | 'day';
  onInterval: (interval: 'hour' | 'day') => void;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const stats = useMentionStats(workspace.id, filters, interval);
  const option = useMemo(() => {
    if (!stats.data) {
      return null;
    }
    const names = Object.fromEntries(SERIES.map((key) => [key, t(`listening.sentiment.${key}`)])) as Record<
      SeriesKey,
      string
    >;
    return chartOption(stats.data, names, language, workspace.timeZone);
  }, [stats.data, t, language, workspace.timeZone]);

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('listening.stats.overTime', { count: stats.data?.total ?? 0 })}
            </Title>
            <SegmentedControl
              size="xs"
              value={interval}
              onChange={(value) => onInterval(value === 'hour' ? 'hour' : 'day')}
              data={[
                { value: 'day', label: t('listening.stats.byDay') },
                { value: 'hour', label: t('listening.stats.byHour') },
              ]}
              aria-label={t('listening.stats.interval')}
            />
          </Group>
          {stats.isError ? <QueryError error={stats.error} /> : null}
          {option === null ? null : <MentionsChart option={option} label={t('listening.stats.chartLabel')} />}
          <Text size="xs" c="dimmed">
            {stats.data?.interval === 'hour'
              ? t('listening.stats.hourNote')
              : t('listening.stats.dayNote', { timeZone: stats.data?.timeZone ?? workspace.timeZone })}
            {stats.data?.complete === false ? ` ${t('listening.stats.incomplete')}` : ''}
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 1 }}>
        <Paper withBorder p="sm" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('listening.stats.topAuthors')}
          </Title>
          {stats.data && stats.data.authors.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('listening.stats.none')}
            </Text>
          ) : (
            <Table aria-label={t('listening.stats.topAuthors')} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('listening.stats.author')}</Table.Th>
                  <Table.Th ta="right">{t('listening.stats.mentions')}</Table.Th>
                  <Table.Th ta="right">{t('listening.stats.followers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.data?.authors.map((author) => (
                  <Table.Tr key={author.handle}>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {author.name ?? author.handle}
                        {author.name === null ? null : (
                          <Text span c="dimmed" size="xs">{` @${author.handle}`}</Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{author.count.toLocaleString(language)}</Table.Td>
                    <Table.Td ta="right">
                      {author.followers === null ? '—' : author.followers.toLocaleString(language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('listening.stats.topTerms')}
          </Title>
          {stats.data && stats.data.terms.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('listening.stats.none')}
            </Text>
          ) : (
            <Group
              gap={6}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('listening.stats.topTerms')}
            >
              {stats.data?.terms.map((term) => (
                <Badge component="li" key={term.term} variant="light" tt="none" rightSection={term.count}>
                  {term.term}
                </Badge>
              ))}
            </Group>
          )}
          {stats.data && stats.data.termsSample > 0 ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('listening.stats.termsSample', { count: stats.data.termsSample })}
            </Text>
          ) : null}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
