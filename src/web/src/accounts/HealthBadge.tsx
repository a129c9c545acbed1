import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountHealth } from './accounts.api';
import { HEALTH_COLOR } from './networks';

/** Whether an account can publish: working, failing (its credentials were refused) or not checked yet. */
export function HealthBadge({ health }: { health: AccountHealth }) {
  const { t } = useTranslation();
  return (
    <Badge color={HEALTH_COLOR[health]} variant="light" data-testid="account-health">
      {t(`accounts.health.${health}`)}
    </Badge>
  );
}
