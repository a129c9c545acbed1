import { Alert, Button, CloseButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { useUiLanguage } from '../i18n/use-ui-language';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { ConnectedAccount, QueueSlot } from './accounts.api';
import { useSaveSlots, useSlotsQuery } from './accounts.queries';
import { invalidSlotRows, nextSlotRow, slotsFromRows, weekdayName, type SlotRow } from './slots';

/** "lundi" → "Lundi": list items start with a capital, in French too. */
const capitalized = (text: string, locale: string): string =>
  text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** The account's weekly queue slots: "Add to queue" takes the next free one. */
export function QueueSlotsModal({
  account,
  onClose,
}: {
  account: ConnectedAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={t('accounts.slots.title', { handle: account?.handle ?? '' })}
      size="lg"
    >
      {account === null ? null : <SlotsLoader key={account.id} account={account} onDone={onClose} />}
    </Modal>
  );
}

function SlotsLoader({ account, onDone }: { account: ConnectedAccount; onDone: () => void }) {
  const workspace = useCurrentWorkspace();
  const slots = useSlotsQuery(workspace.id, account.id);
  if (slots.isError) {
    return <QueryError error={slots.error} />;
  }
  if (slots.data === undefined) {
    return <PageLoader />;
  }
  return <SlotsForm account={account} initial={slots.data} onDone={onDone} />;
}

function SlotsForm({
  account,
  initial,
  onDone,
}: {
  account: ConnectedAccount;
  initial: QueueSlot[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const save = useSaveSlots(workspace.id, account.id);
  const [rows, setRows] = useState<SlotRow[]>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const invalid = invalidSlotRows(rows);
  const weekdays = Array.from({ length: 7 }, (_, weekday) => ({
    value: String(weekday),
    label: capitalized(weekdayName(weekday, language), language),
  }));

  const change = (index: number, row: Partial<SlotRow>): void =>
    setRows((current) => current.map((existing, i) => (i === index ? { ...existing, ...row } : existing)));

  const submit = async (): Promise<void> => {
    setShowErrors(true);
    setFailure(null);
    if (invalid.length > 0) {
      return;
    }
    try {
      const saved = await save.mutateAsync(slotsFromRows(rows));
      setRows(saved);
      notifications.show({ color: 'teal', message: t('accounts.slots.saved', { count: saved.length }) });
      onDone();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('accounts.slots.intro', { timeZone: workspace.timeZone })}
      </Text>
      {rows.length === 0 ? (
        <Alert color="gray" role="note">
          {t('accounts.slots.empty')}
        </Alert>
      ) : null}
      <Stack
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('accounts.slots.list')}
      >
        {rows.map((row, index) => (
          <Group key={index} component="li" align="flex-start" gap="sm">
            <Select
              aria-label={t('accounts.slots.weekday')}
              data={weekdays}
              value={String(row.weekday)}
              allowDeselect={false}
              onChange={(value) => change(index, { weekday: Number(value ?? 0) })}
              w={180}
            />
            <TextInput
              aria-label={t('accounts.slots.time')}
              type="time"
              value={row.time}
              onChange={(event) => change(index, { time: event.currentTarget.value })}
              error={showErrors && invalid.includes(index) ? t('accounts.slots.invalidTime') : undefined}
              w={140}
            />
            <CloseButton
              mt={4}
              aria-label={t('accounts.slots.remove')}
              onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => setRows((current) => [...current, nextSlotRow(current)])}
        >
          {t('accounts.slots.add')}
        </Button>
      </Group>
      <FormError error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => void submit()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
