import { Button, Chip, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import type { InboxSettings } from './inbox.api';
import { useUpdateInboxSettings } from './inbox.queries';
import {
  serviceLevelBody,
  serviceLevelProblems,
  serviceLevelValues,
  WEEKDAYS,
  type ServiceLevelValues,
} from './service-levels';

/** First- and next-response targets in business minutes, and the business days and hours. */
export function ServiceLevelsForm({
  workspaceId,
  settings,
}: {
  workspaceId: string;
  settings: InboxSettings;
}) {
  const { t } = useTranslation();
  const save = useUpdateInboxSettings(workspaceId);
  const [values, setValues] = useState<ServiceLevelValues>(() => serviceLevelValues(settings));
  const [submitted, setSubmitted] = useState(false);
  const problems = serviceLevelProblems(values);
  const problem = (field: keyof ServiceLevelValues): string | undefined => {
    const found = submitted ? problems[field] : undefined;
    return found === undefined ? undefined : t(`inbox.settingsModal.problem.${found}`);
  };
  const set = (changes: Partial<ServiceLevelValues>): void => setValues((old) => ({ ...old, ...changes }));

  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('inbox.settingsModal.serviceLevels')}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (Object.keys(problems).length === 0) {
          save.mutate(serviceLevelBody(values), {
            onSuccess: () => notifications.show({ color: 'teal', message: t('inbox.settingsModal.saved') }),
          });
        }
      }}
    >
      <Title order={3} size="h5">
        {t('inbox.settingsModal.serviceLevels')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('inbox.settingsModal.serviceLevelsIntro', { timeZone: settings.timeZone })}
      </Text>
      <Group grow>
        <NumberInput
          label={t('inbox.settingsModal.firstResponse')}
          min={1}
          max={10_080}
          allowDecimal={false}
          value={values.firstResponseMinutes}
          onChange={(value) => set({ firstResponseMinutes: value })}
          error={problem('firstResponseMinutes')}
        />
        <NumberInput
          label={t('inbox.settingsModal.nextResponse')}
          min={1}
          max={10_080}
          allowDecimal={false}
          value={values.nextResponseMinutes}
          onChange={(value) => set({ nextResponseMinutes: value })}
          error={problem('nextResponseMinutes')}
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('inbox.settingsModal.days')}
        </Text>
        <Chip.Group multiple value={values.days} onChange={(days) => set({ days })}>
          <Group gap={4}>
            {WEEKDAYS.map((day) => (
              <Chip key={day} value={String(day)} size="xs">
                {t(`inbox.weekday.${day}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {problem('days') ? (
          <Text size="xs" c="red">
            {problem('days')}
          </Text>
        ) : null}
      </Stack>
      <Group grow>
        <TextInput
          type="time"
          label={t('inbox.settingsModal.start')}
          value={values.start}
          onChange={(event) => set({ start: event.currentTarget.value })}
          error={problem('start')}
        />
        <TextInput
          type="time"
          label={t('inbox.settingsModal.end')}
          value={values.end}
          onChange={(event) => set({ end: event.currentTarget.value })}
          error={problem('end')}
        />
      </Group>
      <FormError error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('inbox.settingsModal.save')}
        </Button>
      </Group>
    </Stack>
  );
}
