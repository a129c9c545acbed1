import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, FiredAlert } from './alerts.api';
import { titleLine } from './explain';
import { ExplanationView } from './ExplanationView';
import { useFormatters } from './use-formatters';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  pending: 'gray',
  sent: 'teal',
  retrying: 'yellow',
  failed: 'red',
  unavailable: 'orange',
};
const KIND_COLOR = {
  volume_spike: 'blue',
  negative_surge: 'red',
  high_reach: 'grape',
  opportunity: 'teal',
} as const;

/** One fired alert: what, when, why (its maths), where it was delivered. */
export function AlertCard({
  alert,
  onMarkRead,
  marking,
}: {
  alert: FiredAlert;
  onMarkRead: () => void;
  marking: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const title = titleLine(alert.explanation, f);
  const unread = alert.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      aria-label={alert.ruleName}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={KIND_COLOR[alert.kind]} variant="light">
                {t(`alerts.kinds.${alert.kind}`)}
              </Badge>
              {unread ? (
                <Badge color="blue" variant="filled" size="sm">
                  {t('alerts.list.unread')}
                </Badge>
              ) : null}
              <Text fw={600}>
                {alert.ruleName}
                {alert.ruleId === null ? ` ${t('alerts.list.deletedRule')}` : ''}
              </Text>
            </Group>
            <Text>{t(`alerts.titles.${title.key}`, { replace: title.values })}</Text>
            <Text size="xs" c="dimmed">
              {t('alerts.list.firedAt', { date: f.date(alert.firedAt) })}
            </Text>
          </Stack>
          {unread ? (
            <Button size="xs" variant="default" loading={marking} onClick={onMarkRead}>
              {t('alerts.list.markRead')}
            </Button>
          ) : null}
        </Group>
        <ExplanationView explanation={alert.explanation} />
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('alerts.list.deliveries')}
          </Text>
          <Badge size="sm" variant="outline" color="teal">
            {t('alerts.list.inApp')}
          </Badge>
          {alert.deliveries.map((delivery) => (
            <Badge
              key={delivery.channel}
              size="sm"
              variant="light"
              color={STATUS_COLOR[delivery.status]}
              title={delivery.lastError ?? undefined}
            >
              {t('alerts.delivery.badge', {
                channel: t(`alerts.delivery.channel.${delivery.channel}`),
                status: t(`alerts.delivery.status.${delivery.status}`),
              })}
            </Badge>
          ))}
        </Group>
        {alert.deliveries
          .filter((delivery) => delivery.lastError !== null && delivery.status !== 'sent')
          .map((delivery) => (
            <Text key={delivery.channel} size="xs" c="red">
              {t('alerts.delivery.error', {
                channel: t(`alerts.delivery.channel.${delivery.channel}`),
                error: delivery.lastError ?? '',
              })}
            </Text>
          ))}
      </Stack>
    </Paper>
  );
}
