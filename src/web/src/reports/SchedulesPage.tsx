import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormError } from '../components/FormError';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDate, formatDateTime } from '../lib/format';
import { useUiLanguage } from '../i18n/use-ui-language';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { canManageReports } from './permissions';
import type { DeliveryStatus, Schedule } from './reports.api';
import { useDeleteSchedule, useDeliveries, useRunSchedule, useSchedules } from './reports.queries';
import { ScheduleEditor } from './ScheduleEditor';

const STATUS_COLOURS: Record<DeliveryStatus, string> = {
  pending: 'blue',
  sent: 'teal',
  retrying: 'orange',
  failed: 'red',
  unavailable: 'gray',
};

/** Scheduled reports: who receives which report when, "Send now", and how the last deliveries went. */
export function SchedulesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const schedules = useSchedules(workspace.id);
  const manage = canManageReports(workspace.role);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('reports.schedules.intro')}
      </Text>
      {manage ? (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('reports.schedules.new')}</Button>
        </Group>
      ) : (
        <Alert color="gray" role="note">
          {t('reports.schedules.readOnly')}
        </Alert>
      )}
      {schedules.isError ? <QueryError error={schedules.error} /> : null}
      {schedules.data === undefined ? (
        schedules.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : schedules.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('reports.schedules.empty')}</Text>
        </Paper>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('reports.schedules.listLabel')}>
          {schedules.data.map((schedule) => (
            <ScheduleCard key={schedule.id} schedule={schedule} manage={manage} onEdit={() => setEditing(schedule)} />
          ))}
        </Stack>
      )}
      <ScheduleEditor opened={editing !== null} schedule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function ScheduleCard({ schedule, manage, onEdit }: { schedule: Schedule; manage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const remove = useDeleteSchedule(workspace.id);
  const run = useRunSchedule(workspace.id, schedule.id);
  const deliveries = useDeliveries(workspace.id, schedule.id);
  const when = (iso: string) => formatDateTime(iso, language, workspace.timeZone);
  const recipients = [
    ...(schedule.emailTo.length > 0 ? [`${t('reports.channels.email')}: ${schedule.emailTo.join(', ')}`] : []),
    ...(schedule.webhook ? [t('reports.channels.webhook')] : []),
  ];
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={schedule.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{schedule.name}</Text>
              <Badge variant="light">{t(`reports.templates.${schedule.template}`)}</Badge>
              <Badge variant="outline">{t(`reports.cadences.${schedule.cadence}`)}</Badge>
              {schedule.enabled ? null : (
                <Badge color="gray" variant="outline">
                  {t('reports.schedules.disabled')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {recipients.join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {schedule.enabled ? t('reports.schedules.nextRun', { date: when(schedule.nextRunAt) }) : null}
              {schedule.lastRunAt !== null ? ` · ${t('reports.schedules.lastRun', { date: when(schedule.lastRunAt) })}` : ''}
            </Text>
          </Stack>
          {manage ? (
            <Group gap="xs">
              <Button size="xs" onClick={() => run.mutate()} loading={run.isPending}>
                {t('reports.schedules.sendNow')}
              </Button>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('reports.schedules.editShort')}
              </Button>
              <ConfirmButton
                size="xs"
                color="red"
                variant="subtle"
                title={t('reports.schedules.deleteTitle', { name: schedule.name })}
                message={t('reports.schedules.deleteMessage')}
                onConfirm={() => remove.mutateAsync(schedule.id)}
              >
                {t('reports.schedules.delete')}
              </ConfirmButton>
            </Group>
          ) : null}
        </Group>
        <FormError error={run.error} />
        {run.data ? (
          <Text size="sm" role="status">
            {run.data.queued > 0
              ? t('reports.schedules.queued', { count: run.data.queued, period: run.data.period.label })
              : t('reports.schedules.alreadySent', { period: run.data.period.label })}
          </Text>
        ) : null}
        {deliveries.isError ? <QueryError error={deliveries.error} /> : null}
        {deliveries.data && deliveries.data.length > 0 ? (
          <Table striped withTableBorder fz="sm" aria-label={t('reports.deliveries.label', { name: schedule.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.deliveries.period')}</Table.Th>
                <Table.Th>{t('reports.deliveries.to')}</Table.Th>
                <Table.Th>{t('reports.deliveries.status')}</Table.Th>
                <Table.Th>{t('reports.deliveries.attempts')}</Table.Th>
                <Table.Th>{t('reports.deliveries.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.map((delivery) => (
                <Table.Tr key={delivery.id} data-testid="delivery-row">
                  <Table.Td>
                    {formatDate(delivery.periodFrom, language, workspace.timeZone)} –{' '}
                    {formatDate(new Date(Date.parse(delivery.periodTo) - 1).toISOString(), language, workspace.timeZone)}
                  </Table.Td>
                  <Table.Td>
                    {t(`reports.channels.${delivery.channel}`)}: {delivery.target}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[delivery.status]} variant="light" data-testid="delivery-status">
                      {t(`reports.deliveries.statuses.${delivery.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{delivery.attempts}</Table.Td>
                  <Table.Td>
                    {delivery.sentAt !== null
                      ? t('reports.deliveries.sentAt', { date: when(delivery.sentAt) })
                      : (delivery.lastError ?? '')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
