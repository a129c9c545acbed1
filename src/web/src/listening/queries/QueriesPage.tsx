import { Alert, Anchor, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useDeleteQuery, useSavedQueries } from '../listening.queries';
import { canManageListening } from '../permissions';
import { QueryForm } from './QueryForm';

/** Listen › Queries: the saved queries, each linking to its stream; managers add and delete them. */
export function QueriesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const queries = useSavedQueries(workspace.id);
  const remove = useDeleteQuery(workspace.id);
  const manage = canManageListening(workspace.role);
  return (
    <Stack maw={900}>
      <Stack gap={4}>
        <Title order={2}>{t('listening.queries.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('listening.queries.intro')}
        </Text>
      </Stack>
      {manage ? (
        <Paper withBorder p="sm" radius="md">
          <QueryForm />
        </Paper>
      ) : (
        <Alert color="gray" role="note">
          {t('listening.readOnly')}
        </Alert>
      )}
      {queries.isError ? <QueryError error={queries.error} /> : null}
      {queries.data === undefined ? (
        queries.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : queries.data.length === 0 ? (
        <Text c="dimmed">{t('listening.queries.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          p={0}
          m={0}
          gap="sm"
          style={{ listStyle: 'none' }}
          aria-label={t('listening.queries.listLabel')}
        >
          {queries.data.map((query) => (
            <Paper component="li" key={query.id} withBorder p="sm" radius="md" aria-label={query.name}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Anchor
                      component={Link}
                      to={`/w/${workspace.id}/listen?queryId=${encodeURIComponent(query.id)}`}
                      fw={600}
                    >
                      {query.name}
                    </Anchor>
                    <Badge variant="light" size="sm">
                      {t(`listening.tag.${query.tag}`)}
                    </Badge>
                    <Text size="xs" c={query.history.status === 'failed' ? 'red' : 'dimmed'} data-testid="query-history">
                      {t(`listening.queries.history.${query.history.status}`, {
                        matched: query.history.matched,
                        error: query.history.error ?? '',
                      })}
                    </Text>
                  </Group>
                  <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{query.query}</Code>
                </Stack>
                {manage ? (
                  <ConfirmButton
                    title={t('listening.queries.deleteTitle', { name: query.name })}
                    message={t('listening.queries.deleteMessage')}
                    onConfirm={() => remove.mutateAsync(query.id)}
                  >
                    {t('listening.queries.delete')}
                  </ConfirmButton>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
