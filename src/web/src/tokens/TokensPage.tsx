import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateTokenForm } from './CreateTokenForm';
import { TokensTable } from './TokensTable';

/** Settings › API tokens: the user's own tokens for scripts and tools. */
export function TokensPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Stack>
        <Title order={2}>{t('tokens.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('tokens.intro')}
        </Text>
        <CreateTokenForm />
      </Stack>
      <Stack>
        <Title order={2}>{t('tokens.listTitle')}</Title>
        <TokensTable />
      </Stack>
    </Stack>
  );
}
