import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BacktestResult } from './alerts.api';
import { titleLine } from './explain';
import { useFormatters } from './use-formatters';

/** When a rule would have fired: the counts, then each time with its one-line reason. */
export function BacktestView({ result }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Alert color={result.fired > 0 ? 'blue' : 'gray'} title={t('alerts.backtest.title')}>
      <Stack gap={4}>
        <Text size="sm">
          {t('alerts.backtest.period', { from: f.date(result.from), to: f.date(result.to) })}
        </Text>
        <Text size="sm" fw={600}>
          {result.fired > 0
            ? t('alerts.backtest.fired', { count: f.number(result.fired) })
            : t('alerts.backtest.none')}
        </Text>
        {result.suppressedByCooldown > 0 ? (
          <Text size="sm">
            {t('alerts.backtest.suppressed', { count: f.number(result.suppressedByCooldown) })}
          </Text>
        ) : null}
        {(result.outcomes.too_little_history ?? 0) > 0 ? (
          <Text size="sm">
            {t('alerts.backtest.tooLittle', {
              count: f.number(result.outcomes.too_little_history ?? 0),
              windows: f.number(result.windows),
            })}
          </Text>
        ) : null}
        {result.firings.length > 0 ? (
          <List
            size="sm"
            spacing={2}
            aria-label={t('alerts.backtest.listLabel')}
            mah={260}
            style={{ overflowY: 'auto' }}
          >
            {result.firings.map((firing, index) => {
              const title = titleLine(firing.explanation, f);
              return (
                <List.Item key={`${firing.at}-${index}`}>
                  <Text span size="sm" fw={600}>
                    {f.date(firing.at)}
                  </Text>
                  {' — '}
                  {t(`alerts.titles.${title.key}`, { replace: title.values })}
                </List.Item>
              );
            })}
          </List>
        ) : null}
        {result.truncated ? (
          <Text size="xs" c="dimmed">
            {t('alerts.backtest.truncated', { count: f.number(result.firings.length) })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
