import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import { WorkspaceFields } from '../workspaces/WorkspaceFields';
import { ApprovalPolicySwitch } from './ApprovalPolicySwitch';
import { NamedThingsForm } from './NamedThingsForm';
import { isAdmin } from '../workspaces/permissions';
import { WORKSPACE_FIELDS, useWorkspaceForm } from '../workspaces/workspace-form';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useUpdateWorkspace } from '../workspaces/workspaces.queries';

/** Settings › Workspace: name, time zone, languages, the approval policy and the named things; read-only below admin. */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canEdit = isAdmin(workspace.role);
  const update = useUpdateWorkspace(workspace.id);
  const form = useWorkspaceForm({
    name: workspace.name,
    timeZone: workspace.timeZone,
    languages: workspace.languages,
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ ...values, name: values.name.trim() });
      form.setInitialValues({ name: saved.name, timeZone: saved.timeZone, languages: saved.languages });
      form.resetDirty({ name: saved.name, timeZone: saved.timeZone, languages: saved.languages });
      notifications.show({ color: 'teal', message: t('settings.workspace.saved') });
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, WORKSPACE_FIELDS));
    }
  });

  return (
    <Stack maw={560}>
      <Title order={2}>{t('settings.workspace.title')}</Title>
      {canEdit ? null : (
        <Alert color="gray" role="note">
          {t('settings.workspace.adminOnly')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <WorkspaceFields form={form} disabled={!canEdit} />
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      <ApprovalPolicySwitch />
      <NamedThingsForm disabled={!canEdit} />
    </Stack>
  );
}
