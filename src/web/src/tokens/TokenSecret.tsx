import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../components/CopyableValue';

/** A new token's secret: shown this once, with how to use it. */
export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      title={t('tokens.createdTitle', { name })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDone}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('tokens.onceWarning')}
        </Text>
        <CopyableValue value={secret} copyLabel={t('tokens.copy')} testId="token-secret" />
        <Text size="sm">{t('tokens.usage')}</Text>
        <Code block>{`Authorization: Bearer ${secret}`}</Code>
      </Stack>
    </Alert>
  );
}
