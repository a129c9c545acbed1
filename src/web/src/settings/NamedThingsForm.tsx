import { Button, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import type { NamedThings } from '../api/types';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useUpdateWorkspace } from '../workspaces/workspaces.queries';

const KINDS = ['brand', 'products', 'competitors'] as const;

/** Settings › Workspace: the names analysis looks for (brand, products, competitors). */
export function NamedThingsForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const form = useForm<NamedThings>({ mode: 'controlled', initialValues: workspace.namedThings });

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ namedThings: values });
      form.setInitialValues(saved.namedThings);
      form.resetDirty(saved.namedThings);
      notifications.show({ color: 'teal', message: t('settings.namedThings.saved') });
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, KINDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3}>{t('settings.namedThings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.namedThings.intro')}
        </Text>
        {KINDS.map((kind) => (
          <TagsInput
            key={form.key(kind)}
            label={t(`settings.namedThings.${kind}`)}
            disabled={disabled}
            clearable
            {...form.getInputProps(kind)}
          />
        ))}
        {disabled ? null : (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
