import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../../components/CopyableValue';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { ingestUrl } from '../listening.api';

/** A new webhook source: where to push, its secret (shown this once) and how to sign a call. */
export function WebhookSecret({
  name,
  sourceId,
  secret,
  onDone,
}: {
  name: string;
  sourceId: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const url = ingestUrl(window.location.origin, workspace.id);
  return (
    <Alert
      color="yellow"
      title={t('listening.sources.webhookTitle', { name })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDone}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('listening.sources.onceWarning')}
        </Text>
        <Text size="sm">{t('listening.sources.secret')}</Text>
        <CopyableValue value={secret} copyLabel={t('listening.sources.copySecret')} testId="webhook-secret" />
        <Text size="sm">{t('listening.sources.ingestUrl')}</Text>
        <CopyableValue value={url} copyLabel={t('listening.sources.copyUrl')} testId="webhook-url" />
        <Text size="sm">{t('listening.sources.signing')}</Text>
        <Code block data-testid="webhook-headers">
          {[
            `POST ${url}`,
            'Content-Type: application/json',
            `X-Hearth-Source: ${sourceId}`,
            'X-Hearth-Timestamp: <unix seconds>',
            'X-Hearth-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>',
            '',
            '{"items": [{"id": "1", "text": "…", "author": "…", "url": "https://…"}]}',
          ].join('\n')}
        </Code>
      </Stack>
    </Alert>
  );
}
