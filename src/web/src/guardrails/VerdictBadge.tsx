import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verdict } from './check.api';
import { VERDICT_COLOR } from './severity';

/** The verdict of a check and its 0–100 score. */
export function VerdictBadge({ verdict, score }: { verdict: Verdict; score: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Badge size="lg" color={VERDICT_COLOR[verdict]} data-testid="verdict">
        {t(`guardrails.verdict.${verdict}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('guardrails.score', { score: Math.round(score) })}
      </Text>
    </Group>
  );
}
