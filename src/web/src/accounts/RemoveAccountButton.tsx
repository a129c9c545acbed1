import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { ConnectedAccount } from './accounts.api';
import { useRemoveAccount } from './accounts.queries';

/**
 * Removes an account after confirmation. The server refuses (409) while posts are scheduled on it:
 * its message, saying how many and what to do, stays in the dialog.
 */
export function RemoveAccountButton({ account }: { account: ConnectedAccount }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const remove = useRemoveAccount(workspace.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = async (): Promise<void> => {
    setFailure(null);
    try {
      await remove.mutateAsync(account.id);
      notifications.show({ color: 'teal', message: t('accounts.removed', { handle: account.handle }) });
      close();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={open}
        aria-label={t('accounts.removeNamed', { handle: account.handle })}
      >
        {t('accounts.remove')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setFailure(null);
          close();
        }}
        title={t('accounts.removeTitle')}
        centered
      >
        <Stack>
          <Text>{t('accounts.removeConfirm', { handle: account.handle })}</Text>
          {failure === null ? null : (
            <Alert color="red" role="alert" title={t('accounts.removeRefused')}>
              {errorMessage(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => void confirm()}>
              {t('accounts.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
