/**
 * Today (/w/:workspaceId/today), the first page after sign-in: one list of what to do now, most
 * urgent first (the server orders it: src/today/today.priority.ts), each item saying why it is there
 * and linking to where it is done. Kept live by the server's stream; done items leave by themselves.
 */
import { Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { TODAY_KINDS } from './today.api';
import { KIND_COLOR, TodayItemCard } from './TodayItemCard';
import { useToday, useTodayEvents } from './use-today';
import { useTodayWords } from './use-today-words';

export function TodayPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const live = useTodayEvents(workspace.id);
  const today = useToday(workspace.id, live);
  const words = useTodayWords(workspace.timeZone);
  const items = today.data?.items ?? [];

  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t('today.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('today.intro')}
          </Text>
        </Stack>
        <Tooltip label={live ? t('today.liveHint') : t('today.pollingHint')} withArrow>
          <Badge variant="dot" color={live ? 'teal' : 'gray'} data-testid="today-live">
            {live ? t('today.live') : t('today.polling')}
          </Badge>
        </Tooltip>
      </Group>
      {today.isError ? <QueryError error={today.error} /> : null}
      {today.data === undefined ? (
        today.isError ? null : (
          <TableSkeleton rows={4} />
        )
      ) : items.length === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="today-empty">
          <Stack gap={4}>
            <Text fw={600}>{t('today.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('today.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <>
          <Group gap="xs" role="group" aria-label={t('today.summaryLabel')}>
            {TODAY_KINDS.filter((kind) => (today.data?.counts[kind] ?? 0) > 0).map((kind) => (
              <Badge
                key={kind}
                variant="outline"
                color={KIND_COLOR[kind]}
                data-testid={`today-count-${kind}`}
              >
                {t(`today.kind.${kind}`)} · {today.data?.counts[kind] ?? 0}
              </Badge>
            ))}
          </Group>
          <Stack
            component="ul"
            p={0}
            m={0}
            gap="sm"
            style={{ listStyle: 'none' }}
            aria-label={t('today.listLabel')}
          >
            {items.map((item) => (
              <TodayItemCard key={item.id} item={item} why={words.why(item)} date={words.date} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
