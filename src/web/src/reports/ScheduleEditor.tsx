import { Alert, Button, Group, Modal, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../components/CopyableValue';
import { FormError } from '../components/FormError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { CADENCES, TEMPLATES, type Schedule, type ScheduleInput } from './reports.api';
import { useSaveSchedule } from './reports.queries';

const EMPTY: ScheduleInput = { name: '', template: 'support', cadence: 'weekly', emailTo: [], webhookUrl: null, enabled: true };

/** Creates or edits a schedule; a new webhook's signing secret is shown once after saving. */
export function ScheduleEditor({ opened, schedule, onClose }: { opened: boolean; schedule: Schedule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveSchedule(workspace.id, schedule?.id ?? null);
  const [input, setInput] = useState<ScheduleInput>(EMPTY);
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      save.reset();
      setSecret(null);
      setInput(
        schedule === null
          ? EMPTY
          : {
              name: schedule.name,
              template: schedule.template,
              cadence: schedule.cadence,
              emailTo: schedule.emailTo,
              webhookUrl: schedule.webhookUrl,
              enabled: schedule.enabled,
            },
      );
    }
  }, [opened, schedule]);

  const submit = () => {
    save.mutate(
      { ...input, name: input.name.trim(), webhookUrl: input.webhookUrl?.trim() ? input.webhookUrl.trim() : null },
      {
        onSuccess: (saved) => {
          if (saved.webhookSecret) {
            setSecret(saved.webhookSecret);
          } else {
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={schedule === null ? t('reports.schedules.new') : t('reports.schedules.edit')} size="lg">
      {secret !== null ? (
        <Stack>
          <Alert color="yellow" title={t('reports.schedules.secretTitle')}>
            {t('reports.schedules.secretHelp')}
          </Alert>
          <CopyableValue value={secret} copyLabel={t('reports.schedules.copySecret')} testId="webhook-secret" />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('reports.schedules.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <TextInput
              label={t('reports.schedules.name')}
              required
              value={input.name}
              onChange={(event) => setInput({ ...input, name: event.currentTarget.value })}
            />
            <Group grow>
              <Select
                label={t('reports.generate.template')}
                value={input.template}
                allowDeselect={false}
                onChange={(value) => value !== null && setInput({ ...input, template: value })}
                data={TEMPLATES.map((value) => ({ value, label: t(`reports.templates.${value}`) }))}
              />
              <Select
                label={t('reports.schedules.cadence')}
                value={input.cadence}
                allowDeselect={false}
                onChange={(value) => value !== null && setInput({ ...input, cadence: value })}
                data={CADENCES.map((value) => ({ value, label: t(`reports.cadences.${value}`) }))}
              />
            </Group>
            <TagsInput
              label={t('reports.schedules.emailTo')}
              description={t('reports.schedules.emailToHelp')}
              value={input.emailTo}
              onChange={(emailTo) => setInput({ ...input, emailTo })}
              splitChars={[',', ' ', ';']}
              acceptValueOnBlur
            />
            <TextInput
              label={t('reports.schedules.webhookUrl')}
              description={t('reports.schedules.webhookHelp')}
              type="url"
              value={input.webhookUrl ?? ''}
              onChange={(event) => setInput({ ...input, webhookUrl: event.currentTarget.value })}
            />
            <Switch
              label={t('reports.schedules.enabled')}
              checked={input.enabled}
              onChange={(event) => setInput({ ...input, enabled: event.currentTarget.checked })}
            />
            <FormError error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('reports.schedules.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('reports.schedules.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
