import { Stack, Switch, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../workspaces/permissions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useUpdateWorkspace } from '../workspaces/workspaces.queries';

/** Whether editors' posts need a manager's approval before they can be scheduled (owners and admins change it). */
export function ApprovalPolicySwitch() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const saved = workspace.approvalPolicy === 'editors';
  // Switched at once; put back if the server refuses (the global handler says why).
  const [required, setRequired] = useState(saved);
  useEffect(() => setRequired(saved), [saved]);

  const change = async (next: boolean): Promise<void> => {
    setRequired(next);
    try {
      await update.mutateAsync({ approvalPolicy: next ? 'editors' : 'none' });
      notifications.show({
        color: 'teal',
        message: t(next ? 'settings.approval.on' : 'settings.approval.off'),
      });
    } catch {
      setRequired(saved);
    }
  };

  return (
    <Stack gap="xs">
      <Title order={3}>{t('settings.approval.title')}</Title>
      <Switch
        label={t('settings.approval.label')}
        description={t('settings.approval.hint')}
        checked={required}
        disabled={!isAdmin(workspace.role) || update.isPending}
        onChange={(event) => void change(event.currentTarget.checked)}
      />
    </Stack>
  );
}
