import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** The button's text; also the text of the confirming button. */
  children: string;
  title: string;
  message: ReactNode;
  /** Runs when confirmed; the dialog closes once it settles. */
  onConfirm: () => Promise<unknown>;
}

/** A button that asks for confirmation in a dialog before doing something that cannot be undone. */
export function ConfirmButton({ children, title, message, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [pending, { open: start, close: stop }] = useDisclosure(false);

  const confirm = async (): Promise<void> => {
    start();
    try {
      await onConfirm();
      close();
    } catch {
      // The mutation's error is reported by the global handler; keep the dialog open to retry.
    } finally {
      stop();
    }
  };

  return (
    <>
      <Button color="red" variant="light" size="xs" {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={pending} onClick={() => void confirm()}>
              {children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
