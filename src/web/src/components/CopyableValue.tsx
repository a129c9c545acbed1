import { Button, Code, CopyButton, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface CopyableValueProps {
  value: string;
  /** Text of the copy button. */
  copyLabel: string;
  /** For end-to-end tests, which read the value from the page. */
  testId: string;
}

/** A value shown once (a link, a secret) with a button that copies it. */
export function CopyableValue({ value, copyLabel, testId }: CopyableValueProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <Group>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('common.copied') : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
