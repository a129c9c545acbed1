import { Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import type { MentionFilters } from '../listening.api';
import { useMentionsStream } from '../listening.queries';
import { queryErrorPosition } from '../query-error';
import { QueryErrorView } from '../QueryErrorView';
import { filtersFromSearch, searchOf } from './filters-url';
import { MentionCard } from './MentionCard';
import { MentionFiltersForm } from './MentionFiltersForm';
import { StatsPanels } from './StatsPanels';

/** Listen › Mentions: the stream for the filters in the URL, newest first, polled; its chart and top lists. */
export function MentionsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const [interval, setBucketInterval] = useState<'hour' | 'day'>('day');
  const stream = useMentionsStream(workspace.id, filters);
  const items = stream.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: MentionFilters): void => setSearch(searchOf(next));
  const queryRefused =
    stream.isError && filters.query !== undefined && queryErrorPosition(stream.error) !== null;

  return (
    <Stack>
      {/* Remounted when the URL changes (a saved query's link): the form starts from the URL's filters. */}
      <Paper withBorder p="sm" radius="md">
        <MentionFiltersForm key={search.toString()} filters={filters} onApply={apply} />
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            {queryRefused ? <QueryErrorView query={filters.query ?? ''} error={stream.error} /> : null}
            {stream.isError && !queryRefused ? <QueryError error={stream.error} /> : null}
            {stream.data === undefined ? (
              stream.isError ? null : (
                <TableSkeleton rows={3} />
              )
            ) : items.length === 0 ? (
              <Text c="dimmed">{t('listening.mentions.empty')}</Text>
            ) : (
              <Stack
                component="ul"
                p={0}
                m={0}
                gap="sm"
                style={{ listStyle: 'none' }}
                aria-label={t('listening.mentions.listLabel')}
              >
                {items.map((mention) => (
                  <MentionCard key={mention.id} mention={mention} />
                ))}
              </Stack>
            )}
            {stream.hasNextPage ? (
              <Button
                variant="default"
                loading={stream.isFetchingNextPage}
                onClick={() => void stream.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {queryRefused ? null : (
            <StatsPanels filters={filters} interval={interval} onInterval={setBucketInterval} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
