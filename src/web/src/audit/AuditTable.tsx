import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { describeDetails, formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useAuditLog } from './audit.queries';

function Actor({ actor }: { actor: AuditEntry['actor'] }) {
  const { t } = useTranslation();
  if (actor === null) {
    return <Text size="sm">{t('audit.system')}</Text>;
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{actor.name}</Text>
      <Text size="xs" c="dimmed">
        {actor.email}
      </Text>
    </Stack>
  );
}

/** Who did what and when, in the workspace's time zone, with "Load more" for older entries. */
export function AuditTable() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const log = useAuditLog(workspace.id);

  if (log.isError && log.data === undefined) {
    return <QueryError error={log.error} />;
  }
  if (log.data === undefined) {
    return <TableSkeleton rows={5} />;
  }
  const entries = log.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('audit.empty')}
      </Text>
    );
  }

  return (
    <Stack>
      <Text size="xs" c="dimmed">
        {t('audit.timeZoneNote', { timeZone: workspace.timeZone })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.time')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(entry.at, i18n.language, workspace.timeZone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Actor actor={entry.actor} />
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {entry.targetType} <Code>{entry.targetId}</Code>
                  </Text>
                </Table.Td>
                <Table.Td>
                  {describeDetails(entry.details).map((line) => (
                    <Text key={line} size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                      {line}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.isError ? <QueryError error={log.error} /> : null}
      {log.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
