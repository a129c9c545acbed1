import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../workspaces/permissions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { AuditTable } from './AuditTable';

/** Settings › Audit log, for admins. */
export function AuditPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      {isAdmin(workspace.role) ? (
        <AuditTable />
      ) : (
        <Alert color="gray" role="note">
          {t('audit.adminOnly')}
        </Alert>
      )}
    </Stack>
  );
}
