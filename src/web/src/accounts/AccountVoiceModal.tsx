import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { VoiceForm } from '../house-style/VoiceForm';
import type { ConnectedAccount } from './accounts.api';
import { useSetAccountVoice } from './accounts.queries';

/** The account's own voice: rules that replace the workspace's for the posts it publishes. */
export function AccountVoiceModal({
  workspaceId,
  account,
  onClose,
}: {
  workspaceId: string;
  account: ConnectedAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={t('accounts.voice.title', { handle: account?.handle ?? '' })}
      size="xl"
    >
      {account === null ? null : (
        <AccountVoice key={account.id} workspaceId={workspaceId} account={account} />
      )}
    </Modal>
  );
}

function AccountVoice({ workspaceId, account }: { workspaceId: string; account: ConnectedAccount }) {
  const { t } = useTranslation();
  const setVoice = useSetAccountVoice(workspaceId, account.id);
  const clear = async (): Promise<void> => {
    await setVoice.mutateAsync(null);
    notifications.show({ color: 'teal', message: t('accounts.voice.cleared', { handle: account.handle }) });
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('accounts.voice.intro')}
      </Text>
      {account.voiceOverride === null ? (
        <Alert color="gray" role="note">
          {t('accounts.voice.none')}
        </Alert>
      ) : (
        <Group justify="space-between">
          <Text size="sm">{t('accounts.voice.active')}</Text>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            loading={setVoice.isPending}
            onClick={() => void clear()}
          >
            {t('accounts.voice.clear')}
          </Button>
        </Group>
      )}
      <VoiceForm
        key={account.voiceOverride === null ? 'none' : JSON.stringify(account.voiceOverride)}
        voice={account.voiceOverride ?? {}}
        canEdit
        onSave={async (voice) => (await setVoice.mutateAsync(voice)).voiceOverride ?? {}}
        savedMessage={t('accounts.voice.saved', { handle: account.handle })}
      />
    </Stack>
  );
}
