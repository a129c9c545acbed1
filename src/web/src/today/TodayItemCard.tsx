import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { safeLink, type TodayItem, type TodayKind } from './today.api';

export const KIND_COLOR: Record<TodayKind, string> = {
  conversation: 'red',
  approval: 'violet',
  post_problem: 'orange',
  account: 'pink',
  alert: 'yellow',
  next_step: 'teal',
  question: 'blue',
  trend: 'cyan',
};

/** One thing to do: its kind, what it is about, why it is here, and a link to where it is done. */
export function TodayItemCard({
  item,
  why,
  date,
}: {
  item: TodayItem;
  why: string;
  date: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const link = safeLink(item.link);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      aria-label={item.title}
      data-kind={item.kind}
      data-testid="today-item"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="light" color={KIND_COLOR[item.kind]} data-testid="today-kind">
              {t(`today.kind.${item.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed" data-testid="today-priority">
              {t('today.priority', { score: item.priority })}
            </Text>
            {item.due !== null ? (
              <Text size="xs" c="dimmed">
                {t('today.due', { date: date(item.due) })}
              </Text>
            ) : item.at !== null ? (
              <Text size="xs" c="dimmed">
                {t('today.since', { date: date(item.at) })}
              </Text>
            ) : null}
          </Group>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="today-title">
            {item.title}
          </Text>
          <Text size="sm" data-testid="today-why">
            {why}
          </Text>
        </Stack>
        {link !== null ? (
          <Button component={Link} to={link} variant="light" size="xs" style={{ flexShrink: 0 }}>
            {t(`today.action.${item.kind}`)}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
