import { Badge, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PriorityReason } from './inbox.api';
import { byWeight } from './priority-reasons';
import { useInboxWords } from './use-inbox-words';

/** 0–100, red from 60, orange from 30. */
const colorOf = (score: number): string => (score >= 60 ? 'red' : score >= 30 ? 'orange' : 'gray');

/** The priority score; its reasons in words on hover. */
export function PriorityBadge({ score, reasons }: { score: number; reasons: PriorityReason[] }) {
  const { t } = useTranslation();
  const words = useInboxWords();
  const label =
    reasons.length === 0 ? t('inbox.priority.none') : byWeight(reasons).map(words.reason).join(' · ');
  return (
    <Tooltip label={label} multiline maw={320} withArrow>
      <Badge
        variant="filled"
        color={colorOf(score)}
        size="sm"
        data-testid="priority"
        aria-label={`${t('inbox.priority.label', { score })}: ${label}`}
      >
        {score}
      </Badge>
    </Tooltip>
  );
}

/** The priority and each reason with its points, in the conversation's header. */
export function PriorityReasons({ score, reasons }: { score: number; reasons: PriorityReason[] }) {
  const { t } = useTranslation();
  const words = useInboxWords();
  return (
    <Stack gap={4} data-testid="priority-reasons">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('inbox.priority.label', { score })}
        </Text>
      </Group>
      {reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inbox.priority.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label={t('inbox.priority.why')}>
          {byWeight(reasons).map((reason) => (
            <List.Item key={reason.code}>
              {words.reason(reason)}{' '}
              <Text span size="xs" c="dimmed">
                {t('inbox.priority.points', { points: reason.points })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
