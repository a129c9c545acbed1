import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertList } from './AlertList';
import { RulesPanel } from './RulesPanel';

/** Listen › Alerts: what fired and why, and the rules (with their backtest). */
export function AlertsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1000}>
      <Stack gap={4}>
        <Title order={2}>{t('alerts.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('alerts.intro')}
        </Text>
      </Stack>
      <Tabs defaultValue="alerts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="alerts">{t('alerts.tabs.alerts')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('alerts.tabs.rules')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alerts" pt="md">
          <AlertList />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
