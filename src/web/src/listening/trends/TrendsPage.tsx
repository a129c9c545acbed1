import { Badge, Code, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { formatDateTime } from '../../lib/format';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useSavedQueries } from '../listening.queries';
import type { TrendTerm } from './insights.api';
import { useTrends } from './insights.queries';
import { InsightPostCard } from './InsightPostCard';

const RECENT_HOURS = [6, 24, 72, 168] as const;
const BASELINE_HOURS = [72, 168, 336, 720] as const;
const KIND_COLOR: Record<TrendTerm['kind'], string> = { word: 'blue', bigram: 'violet', hashtag: 'teal' };

/** Listen › Trends: terms and hashtags rising against their baseline, with sample posts — raw material for content. */
export function TrendsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const queries = useSavedQueries(workspace.id);
  const [query, setQuery] = useState<string | null>(null);
  const [recentHours, setRecentHours] = useState<number>(24);
  const [baselineHours, setBaselineHours] = useState<number>(168);
  const [minCount, setMinCount] = useState<number>(3);
  const trends = useTrends(workspace.id, {
    ...(query === null ? {} : { query }),
    recentHours,
    baselineHours,
    minCount,
  });
  const when = (iso: string): string => formatDateTime(iso, language, workspace.timeZone);
  const hours = (value: number): { value: string; label: string } => ({
    value: String(value),
    label: t('insights.trends.hours', { n: value }),
  });
  return (
    <Stack maw={1000}>
      <Stack gap={4}>
        <Title order={2}>{t('insights.trends.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('insights.trends.intro')}
        </Text>
      </Stack>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('insights.trends.query')}
          placeholder={t('insights.trends.allMentions')}
          clearable
          data={(queries.data ?? []).map((saved) => ({ value: saved.id, label: saved.name }))}
          value={query}
          onChange={setQuery}
        />
        <Select
          label={t('insights.trends.recent')}
          data={RECENT_HOURS.map(hours)}
          value={String(recentHours)}
          onChange={(value) => setRecentHours(Number(value ?? 24))}
          allowDeselect={false}
        />
        <Select
          label={t('insights.trends.baseline')}
          data={BASELINE_HOURS.map(hours)}
          value={String(baselineHours)}
          onChange={(value) => setBaselineHours(Number(value ?? 168))}
          allowDeselect={false}
        />
        <NumberInput
          label={t('insights.trends.minCount')}
          min={1}
          max={1000}
          w={140}
          value={minCount}
          onChange={(value) => setMinCount(typeof value === 'number' && value >= 1 ? Math.floor(value) : 1)}
        />
      </Group>
      {trends.isError ? <QueryError error={trends.error} /> : null}
      {trends.data === undefined ? (
        trends.isError ? null : (
          <TableSkeleton rows={4} />
        )
      ) : (
        <>
          <Paper withBorder p="sm" radius="md">
            <Stack gap={6}>
              <Text size="sm">
                {t('insights.trends.windows', {
                  recentMentions: trends.data.recent.mentions,
                  recentSince: when(trends.data.recent.since),
                  recentUntil: when(trends.data.recent.until),
                  baselineMentions: trends.data.baseline.mentions,
                  baselineSince: when(trends.data.baseline.since),
                })}
              </Text>
              {trends.data.recent.sampledOneIn > 1 || trends.data.baseline.sampledOneIn > 1 ? (
                <Text size="xs" c="orange">
                  {t('insights.trends.sampled', {
                    recent: trends.data.recent.sampledOneIn,
                    baseline: trends.data.baseline.sampledOneIn,
                  })}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('insights.trends.formulaLabel')}
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="trends-formula">
                {trends.data.formula}
              </Code>
            </Stack>
          </Paper>
          {trends.data.terms.length === 0 ? (
            <Text c="dimmed">{t('insights.trends.empty', { n: trends.data.minCount })}</Text>
          ) : (
            <Stack
              component="ol"
              p={0}
              m={0}
              gap="sm"
              style={{ listStyle: 'none' }}
              aria-label={t('insights.trends.listLabel')}
            >
              {trends.data.terms.map((term) => (
                <TermRow key={term.term} term={term} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function TermRow({ term }: { term: TrendTerm }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={term.term}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={700}>{term.term}</Text>
            <Badge variant="light" size="sm" color={KIND_COLOR[term.kind]}>
              {t(`insights.trends.kind.${term.kind}`)}
            </Badge>
          </Group>
          <Badge size="lg" variant="filled">
            {t('insights.trends.score', { score: term.score })}
          </Badge>
        </Group>
        <Table withTableBorder={false} verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insights.trends.now')}</Table.Th>
              <Table.Th>{t('insights.trends.inBaseline')}</Table.Th>
              <Table.Th>{t('insights.trends.expected')}</Table.Th>
              <Table.Th>{t('insights.trends.ratio')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{term.recent}</Table.Td>
              <Table.Td>{term.baseline}</Table.Td>
              <Table.Td>{term.expected}</Table.Td>
              <Table.Td>{term.ratio}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Stack
          component="ul"
          p={0}
          m={0}
          gap={6}
          style={{ listStyle: 'none' }}
          aria-label={t('insights.trends.samples', { term: term.term })}
        >
          {term.samples.map((post) => (
            <InsightPostCard key={post.id} post={post} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
