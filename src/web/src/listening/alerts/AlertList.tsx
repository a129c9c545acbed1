import { Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { AlertCard } from './AlertCard';
import { useAlerts, useMarkRead } from './alerts.queries';

/** Fired alerts, newest first: unread first-class, each explaining itself. */
export function AlertList() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const alerts = useAlerts(workspace.id, unreadOnly);
  const mark = useMarkRead(workspace.id);
  const unread = alerts.data?.unread ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="md">
          <Switch
            label={t('alerts.list.unreadOnly')}
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
          />
          <Text size="sm" c="dimmed">
            {t('alerts.list.unreadCount', { count: unread })}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="default"
          disabled={unread === 0}
          loading={mark.isPending && mark.variables === 'all'}
          onClick={() => mark.mutate('all')}
        >
          {t('alerts.list.markAllRead')}
        </Button>
      </Group>
      {alerts.isError ? <QueryError error={alerts.error} /> : null}
      {alerts.data === undefined ? (
        alerts.isError ? null : (
          <TableSkeleton rows={3} />
        )
      ) : alerts.data.alerts.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{unreadOnly ? t('alerts.list.emptyUnread') : t('alerts.list.empty')}</Text>
        </Paper>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('alerts.title')}>
          {alerts.data.alerts.map((alert) => (
            <AlertCard
              key={alert.id}
              alert={alert}
              marking={mark.isPending && Array.isArray(mark.variables) && mark.variables.includes(alert.id)}
              onMarkRead={() => mark.mutate([alert.id])}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
