import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsFor } from '../api/errors';
import { useUiLanguage } from '../i18n/use-ui-language';
import { WorkspaceFields } from './WorkspaceFields';
import { WORKSPACE_FIELDS, newWorkspaceValues, useWorkspaceForm } from './workspace-form';
import { useCreateWorkspace } from './workspaces.queries';

/** Creates a workspace (the user becomes its owner) and opens it. */
export function NewWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const navigate = useNavigate();
  const form = useWorkspaceForm(newWorkspaceValues(language));
  const create = useCreateWorkspace();

  const submit = form.onSubmit(async (values) => {
    try {
      const workspace = await create.mutateAsync(values);
      notifications.show({ color: 'teal', message: t('workspace.created', { name: workspace.name }) });
      onCreated?.();
      await navigate(`/w/${workspace.id}/today`);
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, WORKSPACE_FIELDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <WorkspaceFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('workspace.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
